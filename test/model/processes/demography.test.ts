// Demography (process 1): age-specific deaths, fertility, disability; a death clears every role.
import { describe, expect, it } from 'vitest';
import { demography, deathProbability, disabilityProbability, fertilityRate, removeVillager } from '../../../src/model/processes/demography.js';
import { defaultParams } from '../../../src/model/parameters.js';
import { takeCensus } from '../../../src/model/census.js';
import { Role, Status } from '../../../src/model/villager.js';
import { handCounty, handVillage, person, runOnce } from '../helpers.js';

describe('demography', () => {
  const p = defaultParams();

  it('makes death more likely with age and with disability', () => {
    for (let a = 0; a < 100; a++) expect(deathProbability(p, a + 1, false)).toBeGreaterThan(deathProbability(p, a, false));
    expect(deathProbability(p, 70, true)).toBeGreaterThan(deathProbability(p, 70, false));
    // Gompertz-Makeham: 1 − exp(−(a·e^{b·age} + c)·m)
    const h = p.mortality_gompertz_a * Math.exp(p.mortality_gompertz_b * 80) + p.mortality_background;
    expect(deathProbability(p, 80, true)).toBeCloseTo(1 - Math.exp(-h * p.mortality_disabled_multiplier), 14);
  });

  it('spreads the total fertility rate over ages 18-44 only', () => {
    let total = 0;
    for (let a = 0; a < 100; a++) {
      total += fertilityRate(p, a);
      if (a < 18 || a > 44) expect(fertilityRate(p, a)).toBe(0);
    }
    expect(total).toBeCloseTo(p.total_fertility_rate, 12);
    expect(fertilityRate(p, 27)).toBeGreaterThan(fertilityRate(p, 40));
  });

  it('gives no disability onset under 18 and doubles it per decade from 40', () => {
    expect(disabilityProbability(p, 10)).toBe(0);
    expect(disabilityProbability(p, 70) / disabilityProbability(p, 60)).toBeCloseTo(2, 12);
    expect(disabilityProbability(p, 30)).toBeCloseTo(p.disability_onset_rate * 2 ** -3 * 0.25, 14);
  });

  it('removes a dead secretary from every role and clears the secretary slot', () => {
    const v = handVillage(0, (v) => {
      person(v, { age: 55, status: Status.full, role: Role.secretary });
      person(v, { age: 50, status: Status.full, role: Role.committee });
    });
    v.branch.secretary = 0;
    removeVillager(v, 0, 'death', 1);
    expect(v.branch.secretary).toBe(-1);
    expect(v.people.has(0)).toBe(false);
    expect(v.flows.memberDeaths).toBe(1);
    expect(v.flows.stageOut[Status.full]).toBe(1);
    removeVillager(v, 1, 'death');
    expect(v.people.count).toBe(0);
    expect(takeCensus(v, p).stage[Status.full]).toBe(0);
  });

  it('clears the roles of everyone who dies in a year, so no role points at the dead or at a newborn in a reused slot', () => {
    const v = handVillage(0, (v) => {
      person(v, { age: 60, status: Status.full, role: Role.secretary, sex: 1 });
      for (let k = 0; k < 4; k++) person(v, { age: 58, status: Status.full, role: Role.committee, sex: 1 });
    });
    v.branch.secretary = 0;
    const c = handCounty([v], { parameters: { mortality_background: 100 } }); // everyone dies this year
    runOnce(c, demography);
    expect(v.people.count).toBe(0);
    expect(v.branch.secretary).toBe(-1);
    expect(v.flows.memberDeaths).toBe(5);
    expect(v.flows.deathsResident).toBe(5);
  });

  it('ages every villager by one year and births join their mother\'s household with transmitted identity', () => {
    const v = handVillage(0, (v) => {
      for (let k = 0; k < 300; k++) person(v, { age: 26, sex: 0, identity: 0.8 });
    });
    const c = handCounty([v], { parameters: { mortality_background: 0, mortality_gompertz_a: 0.00002 } });
    runOnce(c, demography);
    const P = v.people.cols;
    let newborns = 0;
    v.people.forEach((i) => {
      if (P.age[i] === 0) {
        newborns++;
        const mother = v.ties[i * 6];
        expect(P.household[i]).toBe(P.household[mother]);
        expect(P.identity[i]).toBeCloseTo(0.8 * c.params.identity_transmission, 5);
      } else expect(P.age[i]).toBe(27);
    });
    expect(newborns).toBe(v.flows.births);
    // Binomial(survivors ≈ 300, f(27)): within 4 sd of its mean (≈ 42 ± 6 with the defaults).
    const f = fertilityRate(c.params, 27);
    const sd = Math.sqrt(300 * f * (1 - f));
    expect(Math.abs(newborns - 300 * f)).toBeLessThan(4 * sd);
  });
});

// Migration (process 3): who leaves, who returns; members keep their membership while away.
import { describe, expect, it } from 'vitest';
import { migration } from '../../../src/model/processes/migration.js';
import { takeCensus } from '../../../src/model/census.js';
import { recountHouseholds } from '../../../src/model/processes/livelihood.js';
import { defaultParams } from '../../../src/model/parameters.js';
import { newHousehold } from '../../../src/model/village.js';
import { Status } from '../../../src/model/villager.js';
import { handCounty, handVillage, person, runOnce } from '../helpers.js';

describe('migration', () => {
  it('lets members who leave keep their membership while leaving the resident counts', () => {
    const v = handVillage(0, (v) => {
      for (let k = 0; k < 400; k++) person(v, { age: 25, status: Status.full, stageYears: 3, pressure: 0.9, education: 3, identity: 0 });
    });
    const c = handCounty([v], { parameters: { outmigration_base: 0.2 } });
    const before = takeCensus(v, c.params);
    runOnce(c, migration);
    const after = takeCensus(v, c.params);
    expect(v.flows.departures).toBeGreaterThan(50);
    expect(after.stage[Status.full]).toBe(before.stage[Status.full]);
    expect(after.fullAway).toBe(v.flows.departures);
    expect(after.fullResident).toBe(before.fullResident - v.flows.departures);
    expect(after.residents).toBe(before.residents - v.flows.departures);
    expect(after.away).toBe(v.flows.departures);
  });

  it('never sends children under 16 away, even under overwhelming push', () => {
    const v = handVillage(0, (v) => {
      for (let age = 0; age < 16; age++) for (let k = 0; k < 30; k++) person(v, { age, pressure: 1, education: 3, identity: 0 });
      for (let k = 0; k < 30; k++) person(v, { age: 20, pressure: 1, education: 3, identity: 0 });
    });
    const c = handCounty([v], { parameters: { outmigration_base: 0.2, outmigration_pressure_effect: 2.5 } });
    for (let y = 0; y < 3; y++) runOnce(c, migration, 1, 2026 + y, 1 + y);
    const P = v.people.cols;
    v.people.forEach((i) => {
      if (P.age[i] < 16) expect(P.away[i]).toBe(0);
    });
    expect(v.flows.departures).toBeGreaterThan(0); // adults under the same push do leave
  });

  it('raises the odds of return when the household at home needs care', () => {
    const v = handVillage(0, (v) => {
      for (let k = 0; k < 600; k++) {
        const h = newHousehold(v);
        person(v, { household: h, age: 40, away: 1, yearsAway: 3, identity: 0.5 });
        if (k % 2 === 0) {
          // family need: two elders needing care, no earner at home
          person(v, { household: h, age: 80 });
          person(v, { household: h, age: 78 });
        } else {
          // no need: two earners at home
          person(v, { household: h, age: 45 });
          person(v, { household: h, age: 44 });
        }
      }
    });
    recountHouseholds(v, defaultParams());
    const c = handCounty([v]);
    const P = v.people.cols;
    const migrants: number[] = [];
    v.people.forEach((i) => { if (P.away[i]) migrants.push(i); });
    runOnce(c, migration);
    let needBack = 0;
    let noNeedBack = 0;
    for (const i of migrants) {
      const h = P.household[i];
      const need = v.households.dependants[h] > 0;
      if (!P.away[i]) (need ? needBack++ : noNeedBack++);
    }
    // Expected ≈ σ(x + ln odds) vs σ(x) with x ≈ logit(return_base) − small terms (declared defaults; 300 each).
    const d = defaultParams();
    const x = Math.log(d.return_base / (1 - d.return_base));
    const withNeed = 1 / (1 + Math.exp(-(x + Math.log(d.return_family_need_odds))));
    expect(needBack / 300).toBeGreaterThan(3 * (noNeedBack / 300));
    // At least half the rate σ(x + ln odds) predicts (the small terms lower it; 300 draws, sd ≈ 7 returns).
    expect(needBack).toBeGreaterThan(0.5 * 300 * withNeed);
    expect(v.flows.returns).toBe(needBack + noNeedBack);
  });

  it('lets candidates who leave drop out of the pipeline at the declared rate', () => {
    const v = handVillage(0, (v) => {
      for (let k = 0; k < 1000; k++) person(v, { age: 22, status: Status.activist, pressure: 1, education: 3, identity: 0 });
    });
    const c = handCounty([v], { parameters: { outmigration_base: 0.2, candidate_drop_on_migration: 1 } });
    runOnce(c, migration);
    expect(v.flows.departures).toBeGreaterThan(100);
    expect(v.flows.dropoutsMigration).toBe(v.flows.departures);
  });

  it('stops all movement under a full lockdown (mobility 0)', () => {
    const v = handVillage(0, (v) => {
      for (let k = 0; k < 200; k++) person(v, { age: 22, pressure: 1, education: 3 });
      for (let k = 0; k < 200; k++) person(v, { age: 40, away: 1, yearsAway: 2 });
    });
    const c = handCounty([v], { shock: { mobility: 0 } });
    runOnce(c, migration);
    expect(v.flows.departures).toBe(0);
    expect(v.flows.returns).toBe(0);
  });
});

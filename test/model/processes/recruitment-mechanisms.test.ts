// Issue 14, the recruitment side: the county plan's allocation rule, the structure switches, and each
// mechanism's effect in the paper's direction on a small county with common random numbers (the same seed
// in both arms: only the parameter differs), plus the long run that respects the data (§9, §2).
import { describe, expect, it } from 'vitest';
import { allocatePlan, lapseHazard, planNeed } from '../../../src/model/processes/pipeline.js';
import { defaultStructure, resolveStructure, structureAlternatives, STRUCTURES, type Structure } from '../../../src/model/structure.js';
import { takeCensus } from '../../../src/model/census.js';
import { isReadySuccessor, readinessStandingBar } from '../../../src/model/processes/succession.js';
import { Status } from '../../../src/model/villager.js';
import { defaultParams } from '../../../src/model/parameters.js';
import type { County } from '../../../src/model/county.js';
import { handVillage, person, stepModel } from '../helpers.js';
import type { DefaultInputsOptions } from '../../../src/model/default-inputs.js';

/** Sums over the run: flows summed over years, stocks at the horizon. */
interface Outcome {
  members: number;
  recruits: number;
  lapses: number;
  noIntroducers: number;
  ready: number;
  authority: number;
  memberCompetence: number;
  recruitQuality: number;
  warning: number;
  memberAge: number;
  activists: number;
}

function outcome(options: DefaultInputsOptions, years = 15, villages = 8, seed = 3): Outcome {
  let recruits = 0;
  let lapses = 0;
  let noIntroducers = 0;
  let qualitySum = 0;
  const county = stepModel({ county: { villages, population: villages * 1300 }, ...options }, years, (c: County) => {
    for (const v of c.villages) {
      recruits += v.flows.recruits;
      lapses += v.flows.activistLapses;
      noIntroducers += v.flows.noIntroducers;
      qualitySum += v.flows.recruitQualitySum;
    }
  }, seed);
  let members = 0;
  let ageSum = 0;
  let ready = 0;
  let authority = 0;
  let competence = 0;
  let warning = 0;
  let activists = 0;
  const bar = readinessStandingBar(county.structure, county.params);
  for (const v of county.villages) {
    const cs = takeCensus(v, county.params, bar);
    members += cs.stage[5];
    ageSum += cs.memberAgeSum;
    ready += cs.successionReady;
    warning += cs.warning;
    activists += cs.stage[2];
    authority += v.branch.authority;
    competence += v.branch.memberCompetenceMean;
  }
  const n = county.villages.length;
  return {
    members, recruits, lapses, noIntroducers, ready: ready / n, authority: authority / n, memberCompetence: competence / n,
    recruitQuality: recruits > 0 ? qualitySum / recruits : 0, warning: warning / n, memberAge: members > 0 ? ageSum / members : 0, activists,
  };
}

describe('county recruitment plan: allocation rule', () => {
  it('largest remainder: the places sum to the total exactly, in proportion to the weights', () => {
    const w = [5, 3, 2, 0, 7.5];
    for (const total of [0, 1, 7, 13, 100]) {
      const q = allocatePlan(total, w, [0.1, 0.2, 0.3, 0.4, 0.5]);
      expect(q.reduce((a, b) => a + b, 0)).toBe(total);
      q.forEach((x, g) => expect(Math.abs(x - (total * w[g]) / 17.5)).toBeLessThan(1));
      expect(q[3]).toBe(0);
    }
  });
  it('is deterministic, and equal remainders go to the smaller tie-break', () => {
    expect(allocatePlan(1, [1, 1, 1], [0.9, 0.2, 0.5])).toEqual([0, 1, 0]);
    expect(allocatePlan(2, [1, 1, 1], [0.9, 0.2, 0.5])).toEqual([0, 1, 1]);
    expect(allocatePlan(5, [2, 1, 1], [0, 0, 0])).toEqual(allocatePlan(5, [2, 1, 1], [0, 0, 0]));
    expect(allocatePlan(3, [0, 0], [0, 0])).toEqual([0, 0]);
  });
  it('need rises with warning, years without a recruit and member age', () => {
    expect(planNeed(false, 0, 45)).toBe(0);
    expect(planNeed(true, 3, 62)).toBe(1);
    expect(planNeed(false, 1, 55)).toBeCloseTo((1 / 3 + 0.5) / 3);
  });
  it('the county total follows the plan rate: recruits stay within the plan', () => {
    const low = outcome({ parameters: { plan_recruits_per_1000: 0.3 } });
    const high = outcome({ parameters: { plan_recruits_per_1000: 0.9 } });
    expect(high.recruits).toBeGreaterThan(low.recruits);
    expect(high.members).toBeGreaterThan(low.members);
  });
});

describe('structure switches', () => {
  it('are declared once with a default among their choices; alternatives are every other choice', () => {
    for (const s of STRUCTURES) expect(s.choices).toContain(s.default);
    expect(STRUCTURES.length).toBeGreaterThanOrEqual(5);
    expect(structureAlternatives().length).toBe(STRUCTURES.reduce((n, s) => n + s.choices.length - 1, 0));
    expect(resolveStructure({ vote: 'plain' })).toEqual({ ...defaultStructure(), vote: 'plain' });
  });
  it('each alternative runs and changes the outcomes of a small county', () => {
    // The network vote's terms at the top of their ranges (both arms), so that 12 years of a small county
    // show the vote: plain alternative too (at defaults it moves a few votes in a default county).
    const parameters = { vote_kin_effect: 1.5, vote_conflict_effect: 4 };
    const base = outcome({ parameters }, 12, 8);
    for (const { name, choice } of structureAlternatives()) {
      const alt = outcome({ parameters, structure: { [name]: choice } as Partial<Structure> }, 12, 8);
      expect(Number.isFinite(alt.members), `${name}: ${choice}`).toBe(true);
      // Readiness changes a judgement that in a small county rarely binds (competent members mostly have
      // standing): checked on a hand-built member below.
      if (name !== 'readiness') expect(JSON.stringify(alt), `${name}: ${choice}`).not.toBe(JSON.stringify(base));
    }
  });
  it('readiness: a competent member without standing is ready under competence, not under composite', () => {
    let i = -1;
    const v = handVillage(0, (v) => {
      i = person(v, { age: 40, status: Status.full, competenceParty: 0.8, competenceEconomic: 0.8, standing: 0.2 });
    });
    const p = defaultParams();
    const bar = (r: Structure['readiness']) => readinessStandingBar(resolveStructure({ readiness: r }), p);
    expect(isReadySuccessor(v, i, p.succession_competence_bar, p.succession_age_max, bar('competence'))).toBe(true);
    expect(isReadySuccessor(v, i, p.succession_competence_bar, p.succession_age_max, bar('composite'))).toBe(false);
  });
});

describe('recruitment mechanisms act in the paper\'s direction (CRN pairs, small county)', () => {
  it('tokenism: a lower bar under a thin pool lowers recruit quality and members\' competence, and is continuous', () => {
    const t0 = outcome({ parameters: { tokenism: 0 } });
    const t5 = outcome({ parameters: { tokenism: 0.5 } });
    const t1 = outcome({ parameters: { tokenism: 1 } });
    expect(t1.recruitQuality).toBeLessThan(t0.recruitQuality);
    expect(t1.recruits).toBeGreaterThan(t0.recruits);
    // Continuous: the middle lies between the ends (not a switch that is all-or-nothing at 0).
    expect(t5.recruits).toBeGreaterThanOrEqual(t0.recruits);
    expect(t5.recruits).toBeLessThanOrEqual(t1.recruits);
    expect(t0.recruits).toBeGreaterThan(0);
  });
  it('activist lapse: a higher hazard shrinks the activist stock', () => {
    const lo = outcome({ parameters: { activist_lapse_rate: 0 } });
    const hi = outcome({ parameters: { activist_lapse_rate: 0.2 } });
    expect(lo.lapses).toBe(0);
    expect(hi.activists).toBeLessThan(lo.activists);
    expect(lapseHazard(4, 1, defaultParams())).toBeLessThan(lapseHazard(4, 0, defaultParams()));
    expect(lapseHazard(6, 0.5, defaultParams())).toBeGreaterThan(lapseHazard(2, 0.5, defaultParams()));
  });
  it('introducers: a smaller branch capacity blocks designations', () => {
    const lo = outcome({ parameters: { introducer_branch_capacity: 0.02 } });
    const hi = outcome({ parameters: { introducer_branch_capacity: 0.3 } });
    expect(lo.noIntroducers).toBeGreaterThan(hi.noIntroducers);
    expect(outcome({ structure: { introducers: 'none' } }).noIntroducers).toBe(0);
  });
  it('members\' competence carries into authority', () => {
    const lo = outcome({ parameters: { authority_member_competence_weight: 0 } });
    const hi = outcome({ parameters: { authority_member_competence_weight: 0.6 } });
    // Members' mean competence lies above the reference 0.4 at defaults, so its weight raises authority.
    expect(hi.memberCompetence).toBeGreaterThan(0.4);
    expect(hi.authority).toBeGreaterThan(lo.authority);
  });
  it('exclusion: more screening costs members', () => {
    const lo = outcome({ parameters: { screening_exclusion_base: 0 } });
    const hi = outcome({ parameters: { screening_exclusion_base: 0.2 } });
    expect(hi.members).toBeLessThan(lo.members);
  });
  it('readiness: the composite (standing too) is harder to meet than competences alone', () => {
    const composite = outcome({}, 10);
    const competence = outcome({ structure: { readiness: 'competence' } }, 10);
    expect(composite.ready).toBeLessThanOrEqual(competence.ready);
  });
});

describe('no ceiling and the long run', () => {
  it('full training does not make every branch ready (no 100% ceiling by construction)', () => {
    const trained = outcome({ levers: { secretary_training: 1 } }, 15, 12);
    expect(trained.ready).toBeLessThan(1);
  });
  it('at defaults: full members flat or falling, mean member age rising, more branches in warning (§9, §2)', () => {
    const years: Array<{ members: number; age: number; warning: number }> = [];
    stepModel({ county: { villages: 12, population: 12 * 1500 } }, 30, (c: County, _y: number, t: number) => {
      if (t !== 1 && t !== 30) return;
      let members = 0;
      let ageSum = 0;
      let warning = 0;
      for (const v of c.villages) {
        const cs = takeCensus(v, c.params);
        members += cs.stage[5];
        ageSum += cs.memberAgeSum;
        warning += cs.warning;
      }
      years.push({ members, age: ageSum / members, warning: warning / c.villages.length });
    }, 5);
    const [start, end] = years;
    expect(end.members).toBeLessThanOrEqual(start.members * 1.02);
    expect(end.age).toBeGreaterThan(start.age);
    expect(end.warning).toBeGreaterThan(start.warning);
  });
});

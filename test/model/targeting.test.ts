// Targeting (issue 16): a policy with `where:` applies, and is billed, only in the villages its selector picks
// at the start of each year; every other village runs exactly as without it (each village draws from its own
// streams).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/core/run.js';
import { branchInWarning } from '../../src/model/census.js';
import type { County } from '../../src/model/county.js';
import { talentModel } from '../../src/model/model.js';
import { villageMatches } from '../../src/model/targeting.js';
import type { Village } from '../../src/model/village.js';
import { VILLAGE_TYPES, villageTypeName } from '../../src/model/village-type.js';
import { compileScenario } from '../../src/scenario/compile.js';
import { scenarioFromObject } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { handVillage, person } from './helpers.js';

const COUNTY = { villages: 20, population: 8000 };
const YEARS = 4;

// The county plan (the default structure) couples villages through its allocation: a policy that changes
// one village's need or ready targets moves other villages' places. The isolation these tests check holds
// with branch quotas of their own, so they run the structure quota: per-member.
function scenario(policies: unknown[]): Scenario {
  return scenarioFromObject({ name: 't', years: YEARS, seed: 7, county: COUNTY, structure: { quota: 'per-member' }, policies });
}

/** A digest of everything a village is: every villager column up to the high-water mark, the branch and the economy. */
function fingerprint(v: Village): string {
  const h = createHash('sha256');
  h.update(v.people.alive.subarray(0, v.people.highWater));
  for (const col of Object.values(v.people.cols)) h.update(new Uint8Array(col.buffer, 0, v.people.highWater * col.BYTES_PER_ELEMENT));
  h.update(JSON.stringify([v.branch, v.industry, v.culturalLife, v.cohesion, v.conflict]));
  return h.digest('hex');
}

interface Trace {
  /** [t][village]: the village's fingerprint after year t. */
  prints: string[][];
  /** [t][village]: in warning at the start of year t (t ≥ 1). */
  warnedAtStart: boolean[][];
  /** [t][village]: this lever's spending in year t. */
  spend: number[][];
}

function trace(s: Scenario, lever: string): Trace {
  const out: Trace = { prints: [], warnedAtStart: [[]], spend: [[]] };
  let lastWarned: boolean[] = [];
  run(talentModel(compileScenario(s)), {
    years: s.years, startYear: s.startYear, seed: s.seed,
    onYear: (state, _year, t) => {
      const c = state as County;
      out.prints.push(c.villages.map(fingerprint));
      if (t > 0) {
        out.warnedAtStart.push(lastWarned);
        out.spend.push(c.villages.map((v) => v.spending[lever] ?? 0));
      }
      lastWarned = c.villages.map((v) => branchInWarning(v));
    },
  });
  return out;
}

describe('targeted policies (where:)', () => {
  const base = trace(scenario([]), 'supervision_visits');
  const warned = trace(scenario([{ lever: 'supervision_visits', value: 12, where: { branch_in_warning: true } }]), 'supervision_visits');

  it('bill a lever only in the villages in warning at the start of the year, at value × unit cost', () => {
    let billed = 0;
    for (let t = 1; t <= YEARS; t++) {
      warned.spend[t].forEach((yuan, g) => {
        expect(yuan, `village ${g} year ${t}`).toBe(warned.warnedAtStart[t][g] ? 12 * 3000 : 0);
        if (yuan > 0) billed++;
      });
    }
    expect(billed).toBeGreaterThan(0);
  });

  it('leave every village never in warning byte-identical to the baseline, and change the ones that were', () => {
    const ever = Array.from({ length: COUNTY.villages }, (_, g) => warned.warnedAtStart.some((w, t) => t > 0 && w[g]));
    expect(ever.filter(Boolean).length, 'some villages warned').toBeGreaterThan(0);
    expect(ever.filter((x) => !x).length, 'some villages never warned').toBeGreaterThan(0);
    for (let g = 0; g < COUNTY.villages; g++) {
      const same = base.prints.every((p, t) => p[g] === warned.prints[t][g]);
      if (!ever[g]) expect(same, `never-warned village ${g}`).toBe(true);
    }
    const changed = ever.map((e, g) => e && base.prints[YEARS][g] !== warned.prints[YEARS][g]);
    expect(changed.some(Boolean), 'the policy changes the warned villages').toBe(true);
  });

  it('by village type: bill and change only the villages of that type', () => {
    const probe = trace(scenario([]), 'cultural_programmes');
    const types: string[] = [];
    run(talentModel(compileScenario(scenario([]))), {
      years: 0, startYear: 2025, seed: 7,
      onYear: (state) => (state as County).villages.forEach((v) => types.push(villageTypeName(v.type))),
    });
    const target = types[0];
    const mine = types.map((x) => x === target);
    expect(mine.some((x) => !x), 'the county has villages of other types').toBe(true);
    const typed = trace(scenario([{ lever: 'cultural_programmes', value: 1, where: { village_type: target } }]), 'cultural_programmes');
    for (let t = 1; t <= YEARS; t++) typed.spend[t].forEach((yuan, g) => expect(yuan).toBe(mine[g] ? 60000 : 0));
    for (let g = 0; g < COUNTY.villages; g++) {
      if (!mine[g]) expect(typed.prints.every((p, t) => p[g] === probe.prints[t][g]), `village ${g} of another type`).toBe(true);
    }
    expect(mine.some((m, g) => m && typed.prints[YEARS][g] !== probe.prints[YEARS][g])).toBe(true);
  });

  it('an untargeted entry sets the county value and a later matching targeted entry overrides it there', () => {
    const s = scenario([
      { lever: 'care_relief', value: 0.2 },
      { lever: 'care_relief', value: 0.8, where: { branch_in_warning: true } },
    ]);
    const tr = trace(s, 'care_relief');
    for (let t = 1; t <= YEARS; t++) {
      tr.spend[t].forEach((yuan, g) => expect(yuan).toBeCloseTo((tr.warnedAtStart[t][g] ? 0.8 : 0.2) * 40000, 6));
    }
  });
});

describe('village selectors', () => {
  const v = handVillage(0, (v) => {
    for (let k = 0; k < 5; k++) person(v, { age: 40, status: 5 });
  });
  v.branch.authority = 0.5;
  v.branch.meetingQuality = 0.3;
  v.industryBase = 0.1;
  v.industry = 0.2;
  v.majority = 0; // zhuang

  it('hold when every given condition holds (open intervals)', () => {
    expect(villageMatches(v, {})).toBe(true);
    expect(villageMatches(v, { branchAuthority: { above: 0.4, below: 0.6 } })).toBe(true);
    expect(villageMatches(v, { branchAuthority: { above: 0.5 } })).toBe(false);
    expect(villageMatches(v, { branchFoundation: { below: 0.41 } })).toBe(true);
    expect(villageMatches(v, { industryBase: { below: 0.15 }, industry: { above: 0.15 } })).toBe(true);
    expect(villageMatches(v, { majority: ['zhuang', 'yao'] })).toBe(true);
    expect(villageMatches(v, { majority: ['han'] })).toBe(false);
    expect(villageMatches(v, { size: { above: 4, below: 6 } })).toBe(true);
    expect(villageMatches(v, { size: { above: 5 } })).toBe(false);
    expect(villageMatches(v, { villageType: [VILLAGE_TYPES[v.type]] })).toBe(true);
    expect(villageMatches(v, { villageType: VILLAGE_TYPES.filter((x) => x !== VILLAGE_TYPES[v.type]) })).toBe(false);
    expect(villageMatches(v, { branchInWarning: branchInWarning(v) })).toBe(true);
    expect(villageMatches(v, { branchInWarning: !branchInWarning(v), majority: ['zhuang'] })).toBe(false);
  });
});

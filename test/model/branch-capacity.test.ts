// Branch capacity and wait-for-relief dependence (issue 14; src/model/processes/branch-capacity.ts): the
// factors themselves, and CRN-paired runs of a small county showing each mechanism acts in the paper's
// direction at default parameters — the frail core, fragmented study, business priority bias with its
// "industrial prosperity with party weakness" (reversed by integration), the lockdown's involution, and
// dependence (the benefit pathway raises it). Same seed = same replicate streams = common random numbers.
import { describe, expect, it } from 'vitest';
import { defaultParams, resolveParams } from '../../src/model/parameters.js';
import {
  activeCore, coreFactor, cultivationCapacity, dependenceFactor, dependenceTarget, participationFactor,
} from '../../src/model/processes/branch-capacity.js';
import { Status } from '../../src/model/villager.js';
import { loadScenario } from '../../src/scenario/index.js';
import { applySettings } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { runReplicate } from '../../src/talent/replicate.js';
import { handVillage, person } from './helpers.js';

const p = defaultParams();

/**
 * A small county: `villages` villages × ≈`size` registered villagers, `years` years from 2025, under the
 * structure quota: per-member — the branch-side paths show in members where each branch's places follow its
 * own members; under the county plan a small county's few planned places hide them (the audit,
 * test/talent/mechanisms.test.ts and `talentsim mechanisms`, checks them under the default structure).
 */
function small(years: number, settings: Record<string, number> = {}, villages = 8, size = 600): Scenario {
  const s = loadScenario('baseline');
  return applySettings(s, [
    { path: 'structure.quota', value: 'per-member' },
    { path: 'years', value: years }, { path: 'county.villages', value: villages }, { path: 'county.population', value: villages * size },
    ...Object.entries(settings).map(([path, value]) => ({ path: path.includes('.') ? path : `parameters.${path}`, value })),
  ], { label: 'test' });
}

const LOCKDOWN = { kind: 'lockdown' as const, start: 1, duration: 2, mobility: 0, conflict: 0.3, migrantWage: 0.8 };

/** Replicates 0..R−1 of `s`, collecting `metrics`; `at(m, t)` = metric m in year offset t (default: the horizon), per replicate. */
function runs(s: Scenario, R: number, metrics: readonly string[]): { at(m: string, t?: number): number[] } {
  const reps = Array.from({ length: R }, (_, r) => runReplicate(s, r, { metrics }));
  return {
    at: (m, t) => reps.map((rows) => {
      const years = rows.filter((x) => x.metric === m);
      return years[t ?? years.length - 1].value as number;
    }),
  };
}

/** Per replicate 0..R−1, metric `m` at the horizon. */
function values(s: Scenario, m: string, R: number): number[] {
  return runs(s, R, [m]).at(m);
}

/** Paired mean difference a − b and its standard error. */
function paired(a: number[], b: number[]): { mean: number; se: number } {
  const d = a.map((x, i) => x - b[i]);
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
  return { mean, se: sd / Math.sqrt(d.length) };
}

describe('branch capacity factors', () => {
  it('counts the active core among resident full members: the frail (old or disabled) are out', () => {
    const v = handVillage(0, (v) => {
      person(v, { status: Status.full, age: 40 });
      person(v, { status: Status.full, age: p.frailty_age });
      person(v, { status: Status.full, age: 50, disabled: 1 });
      person(v, { status: Status.full, age: 30, away: 1 });
      person(v, { status: Status.activist, age: 30 });
    });
    expect(activeCore(v, p)).toMatchObject({ core: 1, resident: 3 });
    expect(coreFactor(1, p)).toBe(1);
    expect(coreFactor(0, p)).toBeCloseTo(1 - p.frailty_capacity_weight, 12);
  });

  it('is 1 at the reference branch and falls with frailty, fragmented study and conflict', () => {
    const q = resolveParams({ reference_core_share: 1 });
    const v = handVillage(0, (v) => {
      for (let k = 0; k < 4; k++) person(v, { status: Status.full, age: 40 });
    });
    v.branch.study = q.reference_study;
    v.conflict = q.reference_conflict;
    expect(cultivationCapacity(v, q)).toBeCloseTo(1, 12);
    v.branch.study = 0;
    const lowStudy = cultivationCapacity(v, q);
    expect(lowStudy).toBeLessThan(1);
    v.conflict = 0.6;
    expect(cultivationCapacity(v, q)).toBeLessThan(lowStudy);
    v.people.cols.age[0] = q.frailty_age;
    v.people.cols.age[1] = q.frailty_age;
    expect(cultivationCapacity(v, q)).toBeLessThan(lowStudy * (1 - 0.6 * q.cultivation_conflict_effect) / (1 - q.reference_conflict * q.cultivation_conflict_effect));
  });

  it('raises dependence with transfers and lowers it with authority; dependence dampens applying and participation', () => {
    expect(dependenceTarget(5000, 0.4, p)).toBeGreaterThan(dependenceTarget(0, 0.4, p));
    expect(dependenceTarget(2000, 0.7, p)).toBeLessThan(dependenceTarget(2000, 0.3, p));
    expect(dependenceFactor(0, p)).toBe(1);
    expect(dependenceFactor(0.5, p)).toBeCloseTo(1 - 0.5 * p.dependence_aspiration_effect, 12);
    expect(participationFactor(0.5, p)).toBeCloseTo(1 - 0.5 * p.dependence_participation_effect, 12);
  });
});

describe('branch-side mechanisms on a small county (CRN pairs, default parameters otherwise)', () => {
  const R = 5;
  it('frail core: a later frailty age keeps more members (1.1)', () => {
    const d = paired(values(small(20, { frailty_age: 85 }, 12, 1200), 'members_full', R), values(small(20, { frailty_age: 70 }, 12, 1200), 'members_full', R));
    expect(d.mean - 2 * d.se).toBeGreaterThan(0);
  }, 60_000);

  it('fragmented study: faster study decay lowers members and branch authority (2.3)', () => {
    const hi = small(20, { study_decay: 0.4 }, 12, 1200);
    const lo = small(20, { study_decay: 0.05 }, 12, 1200);
    const M = ['members_full', 'branch_authority_mean'];
    const [h, l] = [runs(hi, R, M), runs(lo, R, M)];
    const m = paired(h.at('members_full'), l.at('members_full'));
    const a = paired(h.at('branch_authority_mean'), l.at('branch_authority_mean'));
    expect(m.mean + 2 * m.se).toBeLessThan(0);
    expect(a.mean + 2 * a.se).toBeLessThan(0);
  }, 60_000);

  it('industrial prosperity with party weakness at default parameters, reversed by party-industry integration (2.3)', () => {
    const base = small(20, {}, 12, 1200);
    const industry = applySettings(base, [{ path: 'policies.industry_investment', value: 50 }], { label: 'test' });
    const integrated = applySettings(industry, [{ path: 'policies.party_industry_integration', value: 1 }], { label: 'test' });
    const M = ['industry_mean', 'branch_authority_mean', 'members_full', 'meeting_quality_mean'];
    const [b, i, j] = [runs(base, R, M), runs(industry, R, M), runs(integrated, R, M)];
    const ind = paired(i.at('industry_mean'), b.at('industry_mean'));
    expect(ind.mean).toBeGreaterThan(0.3);
    for (const m of M.slice(1)) {
      // Party weakness is the branch's: its authority and meetings fall. Members need not (with the
      // calibrated migration, local jobs keep more villagers, and so more candidates, at home).
      const weak = paired(i.at(m), b.at(m));
      if (m !== 'members_full') expect(weak.mean + 2 * weak.se, m).toBeLessThan(0);
      const strong = paired(j.at(m), b.at(m));
      expect(strong.mean - 2 * strong.se, m).toBeGreaterThan(0);
    }
  }, 120_000);

  it('lockdown: fewer candidates lost to migration during the shock, yet fewer members a few years after it (3.1)', () => {
    // The effect on members builds up over the years after the shock: a county of 12 villages of 1,200.
    const base = small(8, {}, 12, 1200);
    const shock = { ...base, shocks: [LOCKDOWN] };
    const M = ['dropouts_migration', 'conflict_mean', 'members_full'];
    const [a, b] = [runs(shock, R, M), runs(base, R, M)];
    const during = paired(a.at('dropouts_migration', 2), b.at('dropouts_migration', 2));
    expect(during.mean + 2 * during.se).toBeLessThan(0);
    const conflict = paired(a.at('conflict_mean', 3), b.at('conflict_mean', 3));
    expect(conflict.mean).toBeGreaterThan(0);
    const after = paired(a.at('members_full'), b.at('members_full'));
    expect(after.mean + 2 * after.se).toBeLessThan(0);
  }, 120_000);

  it('wait-for-relief: the young-talent stipend raises dependence, and dependence lowers applications (3.2, 4.1)', () => {
    const hi = small(10, { dependence_aspiration_effect: 1 });
    const lo = small(10, { dependence_aspiration_effect: 0 });
    const d = paired(values(hi, 'applications', R), values(lo, 'applications', R));
    expect(d.mean + 2 * d.se).toBeLessThan(0);
    const stipend = applySettings(small(10), [{ path: 'policies.young_talent_stipend', value: 10 }], { label: 'test' });
    const dep = paired(values(stipend, 'dependence_mean', R), values(small(10), 'dependence_mean', R));
    expect(dep.mean - 2 * dep.se).toBeGreaterThan(0);
  }, 60_000);
});

/**
 * Invariants of the talent model as fast-check properties over small random scenarios: parameters
 * and levers drawn within their declared ranges, 2-4 villages of 150-400 villagers, 3-6 years, with or
 * without a lockdown shock. Checked every year through the state: flow accounting (population and each
 * pipeline stage), bounds of every metric in every village, the recruitment procedure villager by
 * villager, roles; and reproducibility of whole runs. Fixed fast-check seed (42) so CI is repeatable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/core/run.js';
import type { County } from '../../src/model/county.js';
import { checkAccounting, checkInvariants, takeStocks, type VillageStocks } from '../../src/model/invariants.js';
import { METRICS } from '../../src/model/metrics.js';
import { talentModel } from '../../src/model/model.js';
import { Status } from '../../src/model/villager.js';
import { inputsOf, ProcedureTracker, rowMap, runWithState, smallScenarioArb } from './helpers.js';

/** Units whose values are shares, rates or 0-1 indices: every per-village value must lie in [0, 1]. */
const UNIT_INTERVAL = new Set(['share', 'share of branches', 'identity 0-1', 'index 0-1', 'quality 0-1', 'pressure 0-1', '1/year']);
/** Units of counts: every per-village value must be a non-negative integer. */
const COUNT_UNITS = new Set(['persons', 'persons/year', 'recruits/year']);

/** Checks every metric of every village (before aggregation hides non-finite values) and the county rows. */
function checkMetricBounds(county: County, errors: string[]): void {
  for (const m of METRICS) {
    for (let g = 0; g < county.villages.length; g++) {
      const x = m.perGroup(county, g);
      const at = `year ${county.year} village ${g} ${m.name}`;
      if (!Number.isFinite(x)) errors.push(`${at} = ${x}`);
      else if (UNIT_INTERVAL.has(m.unit) && !(x >= 0 && x <= 1)) errors.push(`${at} = ${x} outside [0, 1]`);
      else if (COUNT_UNITS.has(m.unit) && !(Number.isInteger(x) && x >= 0)) errors.push(`${at} = ${x} not a count`);
      else if (m.name !== 'secretary_mean_age' && x < 0) errors.push(`${at} = ${x} negative`);
    }
  }
}

/** 30 random scenarios ≈ 4 s on one core. */
const NUM_RUNS = 30;

describe('model invariants over random small scenarios', () => {
  it('holds accounting, bounds, procedure and role invariants every year', () => {
    fc.assert(
      fc.property(smallScenarioArb(), (s) => {
        const errors: string[] = [];
        const tracker = new ProcedureTracker();
        let before: VillageStocks[] = [];
        const result = runWithState(inputsOf(s), {
          years: s.years,
          seed: s.seed,
          onYear(county, t) {
            if (t > 0) errors.push(...checkAccounting(before, county));
            errors.push(...checkInvariants(county));
            checkMetricBounds(county, errors);
            tracker.observe(county, t);
            before = takeStocks(county);
          },
        });
        for (const r of result.rows) {
          if (!Number.isFinite(r.value)) errors.push(`row ${r.metric}@${r.year} = ${r.value}`);
          const unit = METRICS.find((m) => m.name === r.metric)?.unit ?? '';
          if (UNIT_INTERVAL.has(unit) && !(r.value >= 0 && r.value <= 1)) errors.push(`row ${r.metric}@${r.year} = ${r.value} outside [0, 1]`);
          if (COUNT_UNITS.has(unit) && !(Number.isInteger(r.value) && r.value >= 0)) errors.push(`row ${r.metric}@${r.year} = ${r.value} not a count`);
        }
        errors.push(...tracker.errors);
        expect(errors.slice(0, 10)).toEqual([]);
      }),
      { seed: 42, numRuns: NUM_RUNS, endOnFailure: true },
    );
  }, 60_000);

  it('gives identical rows for the same seed, and the same values when only some metrics are collected', () => {
    const metricNames = METRICS.map((m) => m.name);
    fc.assert(
      fc.property(smallScenarioArb(), fc.subarray(metricNames, { minLength: 1 }), (s, subset) => {
        const inputs = inputsOf(s);
        const a = run(talentModel(inputs), { startYear: 2025, years: s.years, seed: s.seed });
        const b = run(talentModel(inputsOf(s)), { startYear: 2025, years: s.years, seed: s.seed });
        expect(b.rows).toEqual(a.rows);
        const c = run(talentModel(inputs), { startYear: 2025, years: s.years, seed: s.seed, metrics: subset });
        expect(c.draws).toBe(a.draws);
        const full = rowMap(a.rows);
        for (const r of c.rows) expect(r.value).toBe(full.get(`${r.metric}@${r.year}`));
        expect(c.rows.length).toBe(subset.length * (s.years + 1));
      }),
      { seed: 42, numRuns: 8, endOnFailure: true },
    );
  }, 60_000);

  it('detects a broken accounting identity (the checker can fail)', () => {
    // A process that moves a villager away without counting a departure must be reported.
    const errors: string[] = [];
    let before: VillageStocks[] = [];
    const leak = {
      name: 'leak',
      run(county: County) {
        const v = county.villages[0];
        for (let i = 0; i < v.people.highWater; i++) {
          if (v.people.alive[i] === 1 && v.people.cols.away[i] === 0) {
            v.people.cols.away[i] = 1;
            return;
          }
        }
      },
    };
    const s = { options: { county: { villages: 2, population: 400 } }, years: 2, seed: 1 };
    const m = talentModel(inputsOf(s));
    runWithState(inputsOf(s), {
      years: 2,
      seed: 1,
      processes: [...m.processes, leak],
      onYear(county, t) {
        if (t > 0) errors.push(...checkAccounting(before, county));
        before = takeStocks(county);
      },
    });
    expect(errors.some((e) => e.includes('residents'))).toBe(true);
    expect(errors.some((e) => e.includes('away'))).toBe(true);
  });

  it('detects a skipped stage, a minor in the pipeline and a dead secretary (the checkers can fail)', () => {
    // Planted bugs: an applicant promoted straight to development target (uncounted), a child made an
    // applicant, and the secretary removed from the store without clearing the branch's slot.
    const errors: string[] = [];
    const tracker = new ProcedureTracker();
    const bugs = {
      name: 'bugs',
      run(county: County) {
        const v = county.villages[0];
        const P = v.people.cols;
        let skipped = false;
        let minor = false;
        for (let i = 0; i < v.people.highWater; i++) {
          if (v.people.alive[i] === 0) continue;
          if (!skipped && P.status[i] === Status.applicant) {
            P.status[i] = Status.developmentTarget;
            skipped = true;
          } else if (!minor && P.status[i] === Status.none && P.age[i] < 12) {
            P.status[i] = Status.applicant;
            minor = true;
          }
        }
        if (v.branch.secretary >= 0) v.people.remove(v.branch.secretary);
      },
    };
    const s = { options: { county: { villages: 2, population: 3000 } }, years: 2, seed: 3 }; // large enough that village 0 has an applicant to skip
    const m = talentModel(inputsOf(s));
    runWithState(inputsOf(s), {
      years: 2,
      seed: 3,
      processes: [...m.processes, bugs],
      onYear(county, t) {
        errors.push(...checkInvariants(county));
        tracker.observe(county, t);
      },
    });
    expect(tracker.errors.some((e) => e.includes('1 → 3'))).toBe(true);
    expect(errors.some((e) => /status 1 at age \d+ \(< 18\)/.test(e))).toBe(true);
    expect(errors.some((e) => e.includes('holds no living villager'))).toBe(true);
  });
});

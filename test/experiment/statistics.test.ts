import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compare, pairedDifference, summarize, tCritical } from '../../src/experiment/statistics.js';
import type { SeriesRow } from '../../src/core/rows.js';

// Student (1908), "The probable error of a mean", Biometrika 6:1-25, table of Cushny & Peebles' (1905)
// sleep data: extra hours of sleep of 10 patients under two soporifics. This is R's `sleep` data set; its
// help page's example `t.test(extra ~ group, data = sleep, paired = TRUE)` prints t = -4.0621, df = 9,
// mean difference -1.58 and 95 percent confidence interval -2.4598858 -0.7001142 (group 1 − group 2).
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('summarize', () => {
  it('reproduces the published t interval of Student\'s sleep data', () => {
    const d = drug1.map((x, i) => x - drug2[i]);
    const s = summarize(d);
    // Published figures have 7-8 significant digits; 1e-7 is their rounding.
    expect(s.n).toBe(10);
    expect(s.mean).toBeCloseTo(-1.58, 12);
    expect(s.mean / (s.sd / Math.sqrt(10))).toBeCloseTo(-4.0621, 4);
    expect(s.ci_low).toBeCloseTo(-2.4598858, 7);
    expect(s.ci_high).toBeCloseTo(-0.7001142, 7);
  });

  it('uses the textbook t quantile t(0.975, 9) = 2.262', () => {
    // Standard t tables (e.g. any statistics textbook appendix): 2.262 for df 9, 12.706 for df 1.
    expect(tCritical(9)).toBeCloseTo(2.262, 3);
    expect(tCritical(1)).toBeCloseTo(12.706, 3);
  });

  it('gives sd 0 and a point interval for a single value', () => {
    expect(summarize([3.5])).toEqual({ n: 1, mean: 3.5, sd: 0, ci_low: 3.5, ci_high: 3.5 });
  });

  it('gives zeros for no values', () => {
    expect(summarize([])).toEqual({ n: 0, mean: 0, sd: 0, ci_low: 0, ci_high: 0 });
  });

  it('skips non-finite values and keeps every output finite', () => {
    const s = summarize([1, NaN, 3, Infinity]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(2);
    for (const v of Object.values(s)) expect(Number.isFinite(v)).toBe(true);
  });

  it('accepts typed arrays', () => {
    expect(summarize(Float64Array.from([1, 2, 3])).mean).toBe(2);
  });

  it('interval contains the mean, and widens with confidence and with SD (property)', () => {
    const values = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 2, maxLength: 40 });
    fc.assert(
      fc.property(values, fc.integer({ min: 2, max: 9 }), (x, k) => {
        const s = summarize(x);
        expect(s.ci_low).toBeLessThanOrEqual(s.mean);
        expect(s.ci_high).toBeGreaterThanOrEqual(s.mean);
        const w = s.ci_high - s.ci_low;
        const w90 = summarize(x, { confidence: 0.9 });
        const w99 = summarize(x, { confidence: 0.99 });
        const scaled = summarize(x.map((v) => v * k)); // SD multiplied by k
        if (s.sd === 0) {
          expect(w).toBe(0);
        } else {
          expect(w90.ci_high - w90.ci_low).toBeLessThan(w);
          expect(w99.ci_high - w99.ci_low).toBeGreaterThan(w);
          expect(scaled.sd).toBeGreaterThan(s.sd);
          // the width scales by exactly k up to double rounding (relative 1e-9 is far above it)
          expect((scaled.ci_high - scaled.ci_low) / w).toBeCloseTo(k, 9);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('pairedDifference', () => {
  it('reproduces the published paired interval of the sleep data', () => {
    const d = pairedDifference(drug2, drug1);
    expect(d.diff).toBeCloseTo(1.58, 12);
    expect(d.diff_ci_low).toBeCloseTo(0.7001142, 7);
    expect(d.diff_ci_high).toBeCloseTo(2.4598858, 7);
    // drug 2 gave strictly more sleep in 9 of 10 patients (patient 5: -0.1 vs -0.1)
    expect(d.p_better).toBe(0.9);
    expect(pairedDifference(drug2, drug1, 'lower').p_better).toBe(0);
  });

  it('gives exactly 0, [0, 0] and p_better 0 for identical inputs', () => {
    const x = [0.1, 0.2, 0.30000000000000004, 1e-300, -7];
    expect(pairedDifference(x, x)).toEqual({ diff: 0, diff_ci_low: 0, diff_ci_high: 0, p_better: 0 });
    expect(pairedDifference(x, x, 'lower')).toEqual({ diff: 0, diff_ci_low: 0, diff_ci_high: 0, p_better: 0 });
  });

  it('gives diff c with a zero-width interval for (x + c, x) (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: -1000, max: 1000 }),
        (x, c) => {
          const d = pairedDifference(x.map((v) => v + c), x);
          expect(d.diff).toBe(c);
          expect(d.diff_ci_low).toBe(c);
          expect(d.diff_ci_high).toBe(c);
          expect(d.p_better).toBe(c > 0 ? 1 : 0);
          expect(pairedDifference(x.map((v) => v + c), x, 'lower').p_better).toBe(c < 0 ? 1 : 0);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('rejects inputs of different lengths', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/2 scenario values but 1 baseline/);
  });
});

describe('compare', () => {
  function rowsFor(scenario: string, metric: string, year: number, values: number[]): SeriesRow[] {
    return values.map((value, replicate) => ({ scenario, replicate, seed: 7, year, metric, value }));
  }
  const rows: SeriesRow[] = [
    ...rowsFor('base', 'cadres', 2021, [10, 12, 11, 13]),
    ...rowsFor('base', 'cadres', 2020, [9, 9, 9, 9]),
    ...rowsFor('base', 'cost', 2020, [5, 6, 7, 8]),
    ...rowsFor('pay', 'cost', 2020, [6, 6, 9, 8]),
    ...rowsFor('pay', 'cadres', 2020, [10, 9, 11, 12]),
    ...rowsFor('pay', 'cadres', 2021, [11, 12, 14, 15]),
  ];
  const better = (m: string) => (m === 'cost' ? ('lower' as const) : undefined);

  it('orders rows by scenario and metric of first appearance, then year', () => {
    const out = compare(rows, { baseline: 'base', better });
    expect(out.map((r) => `${r.scenario}/${r.metric}/${r.year}`)).toEqual([
      'base/cadres/2020', 'base/cadres/2021', 'base/cost/2020',
      'pay/cadres/2020', 'pay/cadres/2021', 'pay/cost/2020',
    ]);
  });

  it('pairs by replicate, leaves the baseline\'s differences empty (NaN) and uses each metric\'s direction', () => {
    const out = compare(rows, { baseline: 'base', better });
    const base = out.filter((r) => r.scenario === 'base');
    for (const r of base) {
      expect([r.diff, r.diff_ci_low, r.diff_ci_high, r.p_better]).toEqual([NaN, NaN, NaN, NaN]);
    }
    const payCadres2020 = out.find((r) => r.scenario === 'pay' && r.metric === 'cadres' && r.year === 2020)!;
    expect(payCadres2020).toMatchObject({ n: 4, mean: 10.5, diff: 1.5, p_better: 0.75 });
    expect(payCadres2020).toMatchObject(summarize([10, 9, 11, 12]));
    // cost: lower is better; differences [1, 0, 2, 0] -> never strictly lower
    const payCost = out.find((r) => r.scenario === 'pay' && r.metric === 'cost')!;
    expect(payCost.diff).toBe(0.75);
    expect(payCost.p_better).toBe(0);
    // A metric without a direction (a cost counted as neither better nor worse) has no p_better.
    const none = compare(rows, { baseline: 'base', better: (m) => (m === 'cost' ? 'none' : 'higher') });
    const noneCost = none.find((r) => r.scenario === 'pay' && r.metric === 'cost')!;
    expect(noneCost.diff).toBe(0.75);
    expect(noneCost.p_better).toBeNaN();
  });

  it('does not depend on input row order', () => {
    const expected = compare(rows, { baseline: 'base', better });
    // Reversing all but the first row scrambles replicates and years but keeps first appearances.
    const reordered = [rows[0], ...rows.slice(1).reverse()];
    expect(compare(reordered, { baseline: 'base', better })).toEqual(expected);
  });

  it('reports NaN differences where the baseline lacks the cell', () => {
    const out = compare([...rows, ...rowsFor('pay', 'new', 2020, [1, 2])], { baseline: 'base', better });
    const r = out.find((x) => x.metric === 'new')!;
    expect(r.n).toBe(2);
    expect(Number.isNaN(r.diff)).toBe(true);
  });

  it('rejects a missing baseline and duplicate rows', () => {
    expect(() => compare(rows, { baseline: 'nope', better })).toThrow(/baseline scenario "nope"/);
    expect(() => compare([...rows, rows[0]], { baseline: 'base', better })).toThrow(/duplicate row/);
  });
});

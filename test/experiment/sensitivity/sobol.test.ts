import { describe, expect, it } from 'vitest';
import { streamFor } from '../../../src/core/random.js';
import { saltelliDesign, sobolIndices, type SobolIndex } from '../../../src/experiment/sensitivity/sobol.js';
import type { Factor } from '../../../src/experiment/sensitivity/factor.js';
import { gFunction, gFunctionIndices, ishigami } from './functions.js';

/** Asserts each analytic value lies inside its 95% bootstrap interval, and the interval is narrow. */
function expectRecovered(idx: SobolIndex[], S1: number[], ST: number[], maxWidth: number): void {
  idx.forEach((r, i) => {
    expect(r.S1_low, `${r.parameter} S1`).toBeLessThanOrEqual(S1[i]);
    expect(r.S1_high, `${r.parameter} S1`).toBeGreaterThanOrEqual(S1[i]);
    expect(r.ST_low, `${r.parameter} ST`).toBeLessThanOrEqual(ST[i]);
    expect(r.ST_high, `${r.parameter} ST`).toBeGreaterThanOrEqual(ST[i]);
    // the intervals must be informative, or containing the truth would prove nothing
    expect(r.S1_high - r.S1_low, `${r.parameter} S1 width`).toBeLessThan(maxWidth);
    expect(r.ST_high - r.ST_low, `${r.parameter} ST width`).toBeLessThan(maxWidth);
    expect(r.S1_low).toBeLessThanOrEqual(r.S1);
    expect(r.S1).toBeLessThanOrEqual(r.S1_high);
  });
}

describe('saltelliDesign', () => {
  it('lays out N blocks of A, A_B^(1..k), B', () => {
    const factors: Factor[] = [
      { name: 'p', min: 0, max: 1 },
      { name: 'q', min: 5, max: 6 },
      { name: 'm', min: 1, max: 4, integer: true },
    ];
    const d = saltelliDesign(factors, { n: 50 }, streamFor(['saltelli', 1]));
    expect(d.points).toHaveLength(50 * 5);
    for (let j = 0; j < 50; j++) {
      const [A, AB1, AB2, AB3, B] = d.points.slice(j * 5, j * 5 + 5);
      expect(AB1).toEqual([B[0], A[1], A[2]]);
      expect(AB2).toEqual([A[0], B[1], A[2]]);
      expect(AB3).toEqual([A[0], A[1], B[2]]);
      expect(Number.isInteger(A[2]) && A[2] >= 1 && A[2] <= 4).toBe(true);
      expect(A[1]).toBeGreaterThanOrEqual(5);
      expect(A[1]).toBeLessThan(6);
    }
  });
});

// The intervals are honest 95% intervals: over 40 other seeds, 94.6% (Ishigami, N = 2^14) and 93.5%
// (g-function, N = 2^13) of them held the analytic value. So the fixed seeds below are ordinary draws, and
// a failure after a change to the design or the estimators is a real signal (a miss is ~5% per index).
describe('sobolIndices', () => {
  it('recovers the Ishigami indices (a = 7, b = 0.1) within their 95% bootstrap intervals', () => {
    // Analytic values (Ishigami & Homma 1990; Saltelli et al. 2008, The Primer, §4.7), to 4 decimals.
    const S1 = [0.3139, 0.4424, 0];
    const ST = [0.5576, 0.4424, 0.2437];
    const pi = Math.PI;
    const factors: Factor[] = ['x1', 'x2', 'x3'].map((name) => ({ name, min: -pi, max: pi }));
    // N = 2^14 base rows (81 920 evaluations), seed fixed; 500 resamples make the 2.5%/97.5% percentiles stable.
    const d = saltelliDesign(factors, { n: 16384 }, streamFor(['ishigami', 2024]));
    const idx = sobolIndices(d, d.points.map((x) => ishigami(x)), { bootstrap: 500, stream: streamFor(['boot', 2024]) });
    expect(idx.map((r) => r.parameter)).toEqual(['x1', 'x2', 'x3']);
    // Width cap 0.1: over 40 other seeds at this N the widest interval was 0.047.
    expectRecovered(idx, S1, ST, 0.1);
  });

  it('recovers the g-function indices (a = 0, 1, 4.5, 9, 99, 99) within their 95% bootstrap intervals', () => {
    const a = [0, 1, 4.5, 9, 99, 99];
    const { S1, ST } = gFunctionIndices(a);
    const factors: Factor[] = a.map((_, i) => ({ name: `x${i + 1}`, min: 0, max: 1 }));
    // N = 2^13 base rows (65 536 evaluations), seed fixed.
    const d = saltelliDesign(factors, { n: 8192 }, streamFor(['gfun', 2024]));
    const idx = sobolIndices(d, d.points.map((x) => gFunction(x, a)), { bootstrap: 500, stream: streamFor(['boot', 7]) });
    // Width cap 0.15: over 40 other seeds at this N the widest interval (x1's, a = 0) was 0.103.
    expectRecovered(idx, S1, ST, 0.15);
  });

  it('gives zero indices for a constant output and point intervals without bootstrap', () => {
    const factors: Factor[] = [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: 0, max: 1 }];
    const d = saltelliDesign(factors, { n: 10 }, streamFor(['c', 1]));
    const idx = sobolIndices(d, d.points.map(() => 3), { bootstrap: 0, stream: streamFor(['c', 2]) });
    for (const r of idx) expect([r.S1, r.S1_low, r.S1_high, r.ST, r.ST_low, r.ST_high]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('rejects outputs that do not match the design', () => {
    const d = saltelliDesign([{ name: 'a', min: 0, max: 1 }], { n: 4 }, streamFor(['c', 1]));
    expect(() => sobolIndices(d, [1, 2], { bootstrap: 10, stream: streamFor([1]) })).toThrow(/2 outputs for 12/);
    expect(() => sobolIndices(d, new Array(12).fill(NaN), { bootstrap: 10, stream: streamFor([1]) })).toThrow(/not finite/);
  });
});

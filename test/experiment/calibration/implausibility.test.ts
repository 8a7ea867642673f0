import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { implausibility, rankedImplausibility, stochasticTerm, type CalibrationTarget } from '../../../src/experiment/calibration/index.js';

const target = (observed: number, vObs: number, vDisc: number): CalibrationTarget => ({ name: 'y', observed, observationVariance: vObs, discrepancyVariance: vDisc });

describe('implausibility', () => {
  it('is |z − mean| / sqrt(V_obs + V_disc + V_ens/R)', () => {
    // |10 − 7| / sqrt(0.5 + 0.25 + 2.5/10) = 3 / 1
    expect(implausibility(target(10, 0.5, 0.25), { mean: 7, variance: 2.5, replicates: 10 })).toBeCloseTo(3, 14);
    // single realisation: V_ens (1 + 1/R) = 2.5 · 1.1 = 2.75 → 3 / sqrt(3.5)
    expect(implausibility(target(10, 0.5, 0.25), { mean: 7, variance: 2.5, replicates: 10 }, 'single-realisation')).toBeCloseTo(3 / Math.sqrt(3.5), 14);
    expect(stochasticTerm(2, 4)).toBe(0.5);
    expect(stochasticTerm(2, 4, 'single-realisation')).toBe(2.5);
  });

  it('is 0 at the observation and +Infinity for a missing output', () => {
    expect(implausibility(target(1, 0.1, 0), { mean: 1, variance: 0, replicates: 1 })).toBe(0);
    expect(implausibility(target(1, 0.1, 0), { mean: NaN, variance: 0, replicates: 1 })).toBe(Infinity);
  });

  const variances = fc.record({
    vObs: fc.double({ min: 1e-6, max: 10, noNaN: true }),
    vDisc: fc.double({ min: 0, max: 10, noNaN: true }),
    vEns: fc.double({ min: 0, max: 10, noNaN: true }),
    replicates: fc.integer({ min: 1, max: 50 }),
  });

  it('grows with the distance from the observation (property)', () => {
    fc.assert(
      fc.property(variances, fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (v, z, d1, d2) => {
        const t = target(z, v.vObs, v.vDisc);
        const at = (d: number) => implausibility(t, { mean: z + d, variance: v.vEns, replicates: v.replicates });
        const [near, far] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(at(near)).toBeLessThanOrEqual(at(far));
        // symmetric in the sign of the miss
        expect(at(far)).toBeCloseTo(implausibility(t, { mean: z - far, variance: v.vEns, replicates: v.replicates }), 9);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('falls as any variance grows and as replicates fall (property)', () => {
    fc.assert(
      fc.property(variances, fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (v, miss, extra) => {
        const base = implausibility(target(0, v.vObs, v.vDisc), { mean: miss, variance: v.vEns, replicates: v.replicates });
        expect(implausibility(target(0, v.vObs + extra, v.vDisc), { mean: miss, variance: v.vEns, replicates: v.replicates })).toBeLessThanOrEqual(base);
        expect(implausibility(target(0, v.vObs, v.vDisc + extra), { mean: miss, variance: v.vEns, replicates: v.replicates })).toBeLessThanOrEqual(base);
        expect(implausibility(target(0, v.vObs, v.vDisc), { mean: miss, variance: v.vEns + extra, replicates: v.replicates })).toBeLessThanOrEqual(base);
        expect(implausibility(target(0, v.vObs, v.vDisc), { mean: miss, variance: v.vEns, replicates: v.replicates + 1 })).toBeGreaterThanOrEqual(base);
      }),
      { seed: 4, numRuns: 300 },
    );
  });
});

describe('rankedImplausibility', () => {
  it('takes the maximum, the second or the third largest', () => {
    const v = [0.5, 4, 2, 3.5];
    expect(rankedImplausibility(v)).toBe(4);
    expect(rankedImplausibility(v, 2)).toBe(3.5);
    expect(rankedImplausibility(v, 3)).toBe(2);
  });

  it('clamps a rank above the count, treats NaN as implausible and gives 0 for no targets', () => {
    expect(rankedImplausibility([1, 2], 3)).toBe(1);
    expect(rankedImplausibility([1, NaN])).toBe(Infinity);
    expect(rankedImplausibility([])).toBe(0);
  });

  it('never rises with the rank (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 20 }), (v) => {
        expect(rankedImplausibility(v, 2)).toBeLessThanOrEqual(rankedImplausibility(v, 1));
        expect(rankedImplausibility(v, 3)).toBeLessThanOrEqual(rankedImplausibility(v, 2));
        expect(rankedImplausibility(v, 1)).toBe(Math.max(...v));
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});

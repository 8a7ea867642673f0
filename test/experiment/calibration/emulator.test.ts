import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normal, streamFor } from '../../../src/core/random.js';
import { describeTerms, fitEmulator, predictEmulator, type EmulatorTraining } from '../../../src/experiment/calibration/index.js';
import { latinHypercube } from '../../../src/experiment/sensitivity/lhs.js';

const box = (p: number) => Array.from({ length: p }, (_, j) => ({ name: `x${j}`, min: -j, max: 2 + j }));

function training(f: (x: number[]) => number, n: number, p: number, seed: number, noiseSd = 0, replicates = 1): EmulatorTraining {
  const inputs = latinHypercube(box(p), n, streamFor(['emu', seed]));
  const s = streamFor(['emu-noise', seed]);
  return {
    inputs,
    outputs: inputs.map((x) => f(x) + (noiseSd > 0 ? normal(s, 0, noiseSd / Math.sqrt(replicates)) : 0)),
    ensembleVariance: inputs.map(() => noiseSd * noiseSd),
    replicates: inputs.map(() => replicates),
  };
}

describe('fitEmulator', () => {
  it('reproduces a quadratic with an interaction exactly and finds only its inputs (property over coefficients)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 1e6 }),
        (c, seed) => {
          const f = (x: number[]) => 1 + c[0] * x[1] - c[1] * x[3] * x[3] + c[2] * x[1] * x[3] + c[3] * x[4];
          const em = fitEmulator(training(f, 120, 6, seed));
          expect(em.active).toEqual([1, 3, 4]);
          expect(em.rSquared).toBeGreaterThan(1 - 1e-12);
          for (const x of latinHypercube(box(6), 20, streamFor(['fresh', seed]))) {
            const pred = predictEmulator(em, x);
            expect(Math.abs(pred.mean - f(x))).toBeLessThan(1e-8 * (1 + Math.abs(f(x))));
            expect(pred.variance).toBeLessThan(1e-12);
          }
        },
      ),
      { seed: 9, numRuns: 25 },
    );
  });

  it('names its terms', () => {
    const em = fitEmulator(training((x) => x[0] + 3 * x[1] * x[1] + x[0] * x[1] + 0.1 * (x[1] + 1) ** 3, 200, 3, 1));
    expect(describeTerms(em, ['a', 'b', 'c']).sort()).toEqual(['P2(b)', 'P3(b)', 'a', 'a*b', 'b'].sort());
  });

  it('fits only an intercept to pure noise, with the noise as variance of the training means', () => {
    const em = fitEmulator(training(() => 5, 400, 8, 2, 0.3, 1));
    expect(em.terms.length).toBeLessThanOrEqual(1);
    expect(Math.abs(em.intercept - 5)).toBeLessThan(4 * (0.3 / Math.sqrt(400)));
    // the residual is ensemble noise, not lack of fit
    expect(em.residualVariance).toBeGreaterThan(0.3 ** 2 * 0.8);
    expect(em.residualVariance).toBeLessThan(0.3 ** 2 * 1.2);
    expect(predictEmulator(em, [0, 0, 0, 0, 0, 0, 0, 0]).variance).toBeLessThan(0.3 ** 2 / 20);
  });

  it('states a variance that covers its errors on new inputs (noisy, non-polynomial output)', () => {
    // y = sin(2 x0) + exp(x1 / 3) + noise; R = 5 replicates of SD 0.2 per run
    const f = (x: number[]) => Math.sin(2 * x[0]) + Math.exp(x[1] / 3);
    const em = fitEmulator(training(f, 300, 5, 3, 0.2, 5));
    let beyond = 0;
    const fresh = latinHypercube(box(5), 1000, streamFor(['fresh-noisy', 3]));
    for (const x of fresh) {
      const pred = predictEmulator(em, x);
      if (Math.abs(f(x) - pred.mean) > 3 * Math.sqrt(pred.variance)) beyond++;
    }
    // errors of the expected output beyond 3 emulator SDs: observed 0 of 1000 (a normal would give 2.7)
    expect(beyond / fresh.length).toBeLessThan(0.01);
  });

  it('grows its variance away from the training runs (leverage) and is deterministic', () => {
    const data = training((x) => x[0] + x[1] * x[1], 60, 2, 4, 0.1, 1);
    const em = fitEmulator(data);
    expect(predictEmulator(em, [3, 5]).variance).toBeGreaterThan(predictEmulator(em, [1, 1.5]).variance);
    expect(fitEmulator(data)).toEqual(em);
  });

  it('rejects too few runs', () => {
    expect(() => fitEmulator({ inputs: [[1], [2]], outputs: [1, 2], ensembleVariance: [0, 0], replicates: [1, 1] })).toThrow(/at least 3/);
  });
});

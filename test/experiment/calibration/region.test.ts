import { describe, expect, it } from 'vitest';
import { streamFor } from '../../../src/core/random.js';
import { RegionMeasure, emulatorImplausibilities, fitEmulator, sampleRegion, type WaveEmulators } from '../../../src/experiment/calibration/index.js';
import { latinHypercube } from '../../../src/experiment/sensitivity/lhs.js';
import type { Factor } from '../../../src/experiment/sensitivity/factor.js';

const D = 10;
const cube: Factor[] = Array.from({ length: D }, (_, j) => ({ name: `x${j}`, min: 0, max: 1 }));

/** A box measure: the largest |x_j − 0.5|/(0.1/6) over the first five inputs (≤ 3: a 0.1-wide box, 1e-5 of the cube). */
const boxMeasure = (x: ArrayLike<number>) => {
  let m = 0;
  for (let j = 0; j < 5; j++) m = Math.max(m, Math.abs(x[j] - 0.5) / (0.1 / 6));
  return m;
};

describe('sampleRegion (subset simulation)', () => {
  it('finds a region of 1e-5 of a 10-dimensional box, and its points fill it', () => {
    // measure ≤ 3 ⇔ |x_j − 0.5| ≤ 0.05 for j < 5: volume 0.1⁵ = 1e-5 (a 2,000-point uniform design misses it)
    const sample = sampleRegion(cube, boxMeasure, 3, 2000, streamFor(['region', 1]));
    expect(sample.points.length).toBeGreaterThanOrEqual(2000);
    for (const x of sample.points) expect(boxMeasure(x)).toBeLessThanOrEqual(3);
    expect(sample.thresholds.at(-1)).toBe(3);
    // uniform inside: means near the centre, the five free inputs still spread over [0, 1]
    for (let j = 0; j < D; j++) {
      const v = sample.points.map((x) => x[j]);
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      expect(Math.abs(mean - 0.5)).toBeLessThan(j < 5 ? 0.005 : 0.05);
      if (j >= 5) {
        expect(Math.min(...v)).toBeLessThan(0.05);
        expect(Math.max(...v)).toBeGreaterThan(0.95);
      }
    }
  });

  it('is deterministic from the stream', () => {
    const a = sampleRegion(cube, boxMeasure, 3, 500, streamFor(['region', 2]));
    expect(sampleRegion(cube, boxMeasure, 3, 500, streamFor(['region', 2]))).toEqual(a);
  });

  it('gives up, with the best measure met, when the region cannot be reached', () => {
    const floor = (x: ArrayLike<number>) => 5 + boxMeasure(x);
    const sample = sampleRegion(cube, floor, 3, 500, streamFor(['region', 3]));
    expect(sample.points).toEqual([]);
    expect(sample.best).toBeGreaterThanOrEqual(5);
    expect(sample.best).toBeLessThan(5.5);
  });

  it('keeps integer inputs whole', () => {
    const mixed: Factor[] = [...cube.slice(0, 3), { name: 'k', min: 0, max: 4, integer: true }];
    const m = (x: ArrayLike<number>) => Math.max(Math.abs(x[0] - 0.5) / 0.02, Math.abs(x[3] - 3) * 10);
    const sample = sampleRegion(mixed, m, 3, 500, streamFor(['region', 4]));
    expect(sample.points.length).toBeGreaterThan(0);
    for (const x of sample.points) expect(x[3]).toBe(3);
  });
});

describe('RegionMeasure', () => {
  // one target y = x0 + x1, z = 1, σ_obs = 0.05; a near-exact emulator fitted on 50 runs
  const parameters: Factor[] = [
    { name: 'x0', min: 0, max: 1 },
    { name: 'x1', min: 0, max: 1 },
  ];
  const inputs = latinHypercube(parameters, 50, streamFor(['rm']));
  const em = fitEmulator({ inputs, outputs: inputs.map((x) => x[0] + x[1]), ensembleVariance: inputs.map(() => 0), replicates: inputs.map(() => 1) });
  const target = { name: 'y', observed: 1, observationVariance: 0.05 ** 2, discrepancyVariance: 0 };
  const set: WaveEmulators = { wave: 2, targets: [target], emulators: [em] };

  it('is the emulator implausibility, exact below the bound and +Infinity above it', () => {
    const measure = new RegionMeasure([set], { implausibilityRank: 1, stochasticVariance: 'ensemble-mean' }, 2);
    expect(measure.measure([0.5, 0.5])).toBeCloseTo(0, 6);
    expect(measure.measure([0.6, 0.5])).toBeCloseTo(2, 4);
    expect(measure.measure([0.6, 0.5])).toBeCloseTo(emulatorImplausibilities(set, [0.6, 0.5])[0], 12);
    expect(measure.measure([0.9, 0.5], 3)).toBe(Infinity);
    expect(measure.evaluations).toBe(4);
  });

  it('is 0 over the whole box before any emulator exists', () => {
    expect(new RegionMeasure([], { implausibilityRank: 1, stochasticVariance: 'ensemble-mean' }, 2).measure([0.9, 0.1])).toBe(0);
  });
});

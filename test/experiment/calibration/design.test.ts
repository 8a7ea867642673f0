import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { streamFor } from '../../../src/core/random.js';
import { maximinLatinHypercube, minimumDistance2, spaceFillingSubset } from '../../../src/experiment/calibration/index.js';
import { latinHypercube } from '../../../src/experiment/sensitivity/lhs.js';
import type { Factor } from '../../../src/experiment/sensitivity/factor.js';

const factors: Factor[] = [
  { name: 'a', min: 0, max: 10 },
  { name: 'b', min: -1, max: 1 },
  { name: 'f', min: 0, max: 3, integer: true },
];
const widths = factors.map((f) => f.max - f.min);

describe('maximinLatinHypercube', () => {
  it('is still a Latin hypercube and its closest pair is no closer than in the first try (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 6 }), (n, seed, tries) => {
        const pts = maximinLatinHypercube(factors, n, streamFor(['mm', seed]), tries);
        expect(pts).toHaveLength(n);
        // continuous factors: each of the n strata hit once
        for (const j of [0, 1]) {
          const hits = new Array<number>(n).fill(0);
          for (const p of pts) hits[Math.floor(((p[j] - factors[j].min) / widths[j]) * n)]++;
          expect(hits.every((h) => h === 1)).toBe(true);
        }
        for (const p of pts) expect(Number.isInteger(p[2])).toBe(true);
        const first = latinHypercube(factors, n, streamFor(['mm', seed]));
        expect(minimumDistance2(pts, widths)).toBeGreaterThanOrEqual(minimumDistance2(first, widths));
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it('spreads points better than a single Latin hypercube on average', () => {
    let gain = 0;
    for (let s = 0; s < 20; s++) {
      gain += minimumDistance2(maximinLatinHypercube(factors, 30, streamFor(['gain', s]), 8), widths) - minimumDistance2(latinHypercube(factors, 30, streamFor(['gain', s])), widths);
    }
    expect(gain).toBeGreaterThan(0);
  });

  it('computes the smallest pairwise distance on scaled inputs', () => {
    const pts = [
      [0, 0],
      [10, 0],
      [1, 0.5],
    ];
    // scaled by widths 10 and 1: (0,0)-(0.1,0.5) → 0.01 + 0.25
    expect(minimumDistance2(pts, [10, 1])).toBeCloseTo(0.26, 12);
  });
});

describe('spaceFillingSubset', () => {
  const cloud = (seed: number, n: number) => latinHypercube([{ name: 'x', min: 0, max: 1 }, { name: 'y', min: 0, max: 100 }], n, streamFor(['cloud', seed]));

  it('returns n distinct indices, deterministic from the stream (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1e6 }), (count, n, seed) => {
        const pts = cloud(seed, count);
        const idx = spaceFillingSubset(pts, n, streamFor(['pick', seed]));
        expect(idx).toHaveLength(Math.min(n, count));
        expect(new Set(idx).size).toBe(idx.length);
        expect(idx).toEqual([...idx].sort((a, b) => a - b));
        expect(spaceFillingSubset(pts, n, streamFor(['pick', seed]))).toEqual(idx);
      }),
      { seed: 8, numRuns: 80 },
    );
  });

  it('keeps points farther apart than a random subset of the same size', () => {
    const pts = cloud(1, 400);
    const chosen = spaceFillingSubset(pts, 40, streamFor(['pick', 1])).map((i) => pts[i]);
    const random = pts.slice(0, 40); // the Latin hypercube's rows are in random order
    expect(minimumDistance2(chosen, [1, 100])).toBeGreaterThan(2 * minimumDistance2(random, [1, 100]));
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { streamFor } from '../../../src/core/random.js';
import { latinHypercube } from '../../../src/experiment/sensitivity/lhs.js';
import type { Factor } from '../../../src/experiment/sensitivity/factor.js';

const factors: Factor[] = [
  { name: 'tokenism', min: 0, max: 1 },
  { name: 'wage', min: 1500, max: 4500 },
  { name: 'shift', min: -2, max: 3 },
];

describe('latinHypercube', () => {
  it('hits each of every factor\'s n strata exactly once (property over n and seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 1e6 }), (n, seed) => {
        const pts = latinHypercube(factors, n, streamFor(['lhs', seed]));
        expect(pts).toHaveLength(n);
        factors.forEach((f, j) => {
          const hits = new Array<number>(n).fill(0);
          for (const p of pts) {
            expect(p[j]).toBeGreaterThanOrEqual(f.min);
            expect(p[j]).toBeLessThan(f.max);
            hits[Math.floor(((p[j] - f.min) / (f.max - f.min)) * n)]++;
          }
          expect(hits.every((h) => h === 1)).toBe(true);
        });
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('is reproducible from the stream and differs between streams', () => {
    const a = latinHypercube(factors, 10, streamFor(['lhs', 1]));
    expect(latinHypercube(factors, 10, streamFor(['lhs', 1]))).toEqual(a);
    expect(latinHypercube(factors, 10, streamFor(['lhs', 2]))).not.toEqual(a);
  });

  it('gives integer factors whole values spread over their range', () => {
    const pts = latinHypercube([{ name: 'cadres', min: 1, max: 5, integer: true }], 5, streamFor(['lhs', 3]));
    // with n equal to the number of values, the strata are exactly the values 1..5
    expect(pts.map((p) => p[0]).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects bad factors with their paths', () => {
    expect(() => latinHypercube([{ name: 'a', min: 1, max: 1 }], 3, streamFor([0]))).toThrow(/factors\[0\]\.max/);
    expect(() => latinHypercube(factors, 0, streamFor([0]))).toThrow(/positive integer/);
  });
});

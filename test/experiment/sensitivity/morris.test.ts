import { describe, expect, it } from 'vitest';
import { streamFor } from '../../../src/core/random.js';
import { morrisDesign, morrisIndices } from '../../../src/experiment/sensitivity/morris.js';
import type { Factor } from '../../../src/experiment/sensitivity/factor.js';
import { gFunction } from './functions.js';

describe('morrisDesign', () => {
  const factors: Factor[] = [
    { name: 'a', min: 0, max: 1 },
    { name: 'b', min: 10, max: 20 },
    { name: 'c', min: -1, max: 1 },
  ];

  it('builds r trajectories of k + 1 grid points, each moving every factor once by ±Δ', () => {
    const p = 4;
    const d = morrisDesign(factors, { trajectories: 7, levels: p }, streamFor(['morris', 1]));
    expect(d.delta).toBeCloseTo(2 / 3, 15);
    expect(d.points).toHaveLength(7 * 4);
    for (let t = 0; t < 7; t++) {
      const moved = d.changed.slice(t * 3, t * 3 + 3).sort();
      expect(moved).toEqual([0, 1, 2]);
      for (let s = 0; s < 3; s++) {
        const u0 = d.unitPoints[t * 4 + s];
        const u1 = d.unitPoints[t * 4 + s + 1];
        const j = d.changed[t * 3 + s];
        u0.forEach((v, z) => {
          // every coordinate sits on the grid {0, 1/3, 2/3, 1} (1e-12: rounding of the ±Δ steps)
          expect(Math.abs(v * (p - 1) - Math.round(v * (p - 1)))).toBeLessThan(1e-12);
          expect(v).toBeGreaterThanOrEqual(-1e-12);
          expect(v).toBeLessThanOrEqual(1 + 1e-12);
          if (z !== j) expect(u1[z]).toBe(v);
        });
        expect(u1[j] - u0[j]).toBeCloseTo(d.steps[t * 3 + s], 12);
      }
    }
  });

  it('keeps the most spread-out trajectories when given more candidates', () => {
    const spread = (d: ReturnType<typeof morrisDesign>) => {
      let s = 0;
      for (let i = 0; i < d.unitPoints.length; i++) {
        for (let j = i + 1; j < d.unitPoints.length; j++) {
          s += Math.hypot(...d.unitPoints[i].map((v, z) => v - d.unitPoints[j][z]));
        }
      }
      return s;
    };
    const plain = morrisDesign(factors, { trajectories: 5, levels: 4 }, streamFor(['morris', 2]));
    const chosen = morrisDesign(factors, { trajectories: 5, levels: 4, candidates: 40 }, streamFor(['morris', 2]));
    expect(chosen.points).toHaveLength(20);
    expect(spread(chosen)).toBeGreaterThan(spread(plain));
  });

  it('rejects an odd number of levels', () => {
    expect(() => morrisDesign(factors, { trajectories: 2, levels: 3 }, streamFor([0]))).toThrow(/even/);
  });
});

describe('morrisIndices', () => {
  it('gives μ* = |coefficient| × range and σ = 0 for a linear function', () => {
    const factors: Factor[] = [
      { name: 'x1', min: 0, max: 1 },
      { name: 'x2', min: 100, max: 300 },
      { name: 'x3', min: -5, max: 5 },
      { name: 'x4', min: 2, max: 3 },
    ];
    const coef = [3, -0.5, 2, 0];
    const d = morrisDesign(factors, { trajectories: 10, levels: 6 }, streamFor(['morris', 3]));
    const y = d.points.map((x) => 1 + x.reduce((s, v, i) => s + coef[i] * v, 0));
    const idx = morrisIndices(d, y);
    idx.forEach((m, i) => {
      const range = factors[i].max - factors[i].min;
      // exact in real arithmetic; 1e-9 relative covers double rounding of points and sums
      expect(m.parameter).toBe(factors[i].name);
      const target = coef[i] * range;
      const tol = 1e-9 * Math.max(1, Math.abs(target));
      expect(Math.abs(m.muStar - Math.abs(target))).toBeLessThanOrEqual(tol);
      expect(Math.abs(m.mu - target)).toBeLessThanOrEqual(tol);
      expect(m.sigma).toBeLessThanOrEqual(tol);
    });
  });

  it('ranks the g-function\'s factors by their known importance (a = 0, 1, 4.5, 9, 99, 99)', () => {
    const a = [0, 1, 4.5, 9, 99, 99];
    const factors: Factor[] = a.map((_, i) => ({ name: `x${i + 1}`, min: 0, max: 1 }));
    const d = morrisDesign(factors, { trajectories: 50, levels: 4, candidates: 200 }, streamFor(['morris', 4]));
    const idx = morrisIndices(d, d.points.map((x) => gFunction(x, a)));
    const mu = idx.map((m) => m.muStar);
    // strictly decreasing over the first five (x5 and x6 share a = 99, so only x4 > max(x5, x6) is required)
    expect(mu[0]).toBeGreaterThan(mu[1]);
    expect(mu[1]).toBeGreaterThan(mu[2]);
    expect(mu[2]).toBeGreaterThan(mu[3]);
    expect(mu[3]).toBeGreaterThan(Math.max(mu[4], mu[5]));
    // the non-linear factors interact: σ > 0 for x1
    expect(idx[0].sigma).toBeGreaterThan(0);
  });

  it('uses the realised step of integer factors', () => {
    const factors: Factor[] = [{ name: 'n', min: 0, max: 9, integer: true }];
    const d = morrisDesign(factors, { trajectories: 20, levels: 4 }, streamFor(['morris', 5]));
    const idx = morrisIndices(d, d.points.map((x) => 2 * x[0]));
    // y = 2n: each elementary effect is 2 × range = 18 whatever the rounding
    expect(idx[0].muStar).toBeCloseTo(18, 12);
  });

  it('rejects outputs of the wrong length', () => {
    const d = morrisDesign([{ name: 'a', min: 0, max: 1 }], { trajectories: 2, levels: 4 }, streamFor([0]));
    expect(() => morrisIndices(d, [1, 2, 3])).toThrow(/3 outputs for 4 design points/);
  });
});

// The portfolio's allocation (issue 16): the multiple-choice knapsack is exact (checked against brute force)
// and spends at least 90% of the budget when some choice can.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseOptions } from '../../../src/talent/policy/portfolio.js';

type Opt = { gain: number; cost: number };

function brute(groups: Opt[][], budget: number, unit: number): number {
  const units = (c: number) => Math.max(0, Math.ceil(c / unit - 1e-9));
  const B = Math.floor(budget / unit + 1e-9);
  let best = -Infinity;
  for (const fill of [0.9, 0.75, 0]) {
    const rec = (g: number, cost: number, gain: number) => {
      if (cost > B) return;
      if (g === groups.length) {
        if (cost >= Math.ceil(fill * B)) best = Math.max(best, gain);
        return;
      }
      for (const o of groups[g]) rec(g + 1, cost + units(o.cost), gain + o.gain);
    };
    rec(0, 0, 0);
    if (best > -Infinity) break;
  }
  return best;
}

describe('chooseOptions', () => {
  it('matches brute force on random instances', () => {
    const opt = fc.record({ gain: fc.double({ min: -1, max: 1, noNaN: true }), cost: fc.integer({ min: 1, max: 40 }) });
    fc.assert(
      fc.property(fc.array(fc.array(opt, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 10, max: 100 }), (raw, budget) => {
        const groups = raw.map((g) => [{ gain: 0, cost: 0 }, ...g]);
        const pick = chooseOptions(groups, budget, 1);
        const gain = pick.reduce((s, k, g) => s + groups[g][k].gain, 0);
        const cost = pick.reduce((s, k, g) => s + groups[g][k].cost, 0);
        expect(cost).toBeLessThanOrEqual(budget);
        expect(gain).toBeCloseTo(brute(groups, budget, 1), 9);
      }),
      { numRuns: 200 },
    );
  });

  it('spends the budget even where the gains are negative', () => {
    const groups = [[{ gain: 0, cost: 0 }, { gain: -0.1, cost: 50 }], [{ gain: 0, cost: 0 }, { gain: -0.2, cost: 45 }]];
    expect(chooseOptions(groups, 100, 1)).toEqual([1, 1]);
  });
});

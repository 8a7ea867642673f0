// The compass search on the simplex of spend shares (issue 16): poll sets stay on the simplex, the search finds
// the optimum of a smooth concave objective, respects its evaluation budget and evaluates each point once.
import { describe, expect, it } from 'vitest';
import { SharedBatches } from '../../../src/talent/policy/frontier.js';
import { pollPoints, simplexSearch } from '../../../src/talent/policy/search.js';

describe('simplexSearch', () => {
  it('polls toward and away from each vertex, on the simplex', () => {
    const poll = pollPoints([0.5, 0.5, 0], 0.25);
    expect(poll.length).toBe(5); // toward 3 vertices, away from the 2 levers with a share
    for (const p of poll) {
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (const x of p) expect(x).toBeGreaterThanOrEqual(0);
    }
    expect(poll[0]).toEqual([0.625, 0.375, 0]);
  });

  it('finds the maximum of a concave objective (noise-free observations)', async () => {
    const target = [0.6, 0.3, 0.1];
    const f = (s: readonly number[]) => -s.reduce((a, x, i) => a + (x - target[i]) ** 2, 0);
    const r = await simplexSearch(async (pts) => pts.map((p) => Float64Array.from([f(p), f(p)])), { start: [1, 1, 1], maxEvaluations: 200, minStep: 1 / 128 });
    r.shares.forEach((x, i) => expect(x).toBeCloseTo(target[i], 1));
    expect(r.history.filter((h) => h.accepted).length).toBeGreaterThan(1);
  });

  it('evaluates every distinct point once and stops at the evaluation budget', async () => {
    const seen = new Set<string>();
    let calls = 0;
    const r = await simplexSearch(
      async (pts) => {
        for (const p of pts) {
          const k = p.map((x) => x.toFixed(9)).join();
          expect(seen.has(k)).toBe(false);
          seen.add(k);
        }
        calls += pts.length;
        return pts.map((p) => Float64Array.from([p[0]]));
      },
      { start: [1, 1, 1, 1], maxEvaluations: 12 },
    );
    expect(calls).toBeLessThanOrEqual(12);
    expect(r.evaluations).toBe(calls);
  });
});

describe('SharedBatches', () => {
  it('evaluates one round when every running search has asked, and routes each its own results', async () => {
    const rounds: number[][] = [];
    const batches = new SharedBatches(3, async (requests, k) => {
      rounds.push(requests.map((r) => r.budget));
      expect(k).toBe(rounds.length - 1);
      return requests.map((r) => ({ values: {}, spend: r.budget, saturated: false, budgetMet: true, observations: Float64Array.from([r.budget]), rates: {} }));
    });
    const ask = (budget: number, times: number) => async () => {
      const got: number[] = [];
      for (let i = 0; i < times; i++) {
        const [m] = await batches.evaluate([{ levers: ['care_relief'], budget: budget + i, shares: [1], rates: {} }]);
        got.push(m.spend);
      }
      batches.done();
      return got;
    };
    const [a, b, c] = await Promise.all([ask(100, 1)(), ask(200, 3)(), ask(300, 2)()]);
    expect([a, b, c]).toEqual([[100], [200, 201, 202], [300, 301]]);
    expect(rounds.map((r) => [...r].sort())).toEqual([[100, 200, 300], [201, 301], [202]]);
  });
});

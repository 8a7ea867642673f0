// robustnessRows: shares of draws in which each scenario beats baseline and ranks first, with the rule
// that separates its wins (pure; the runs themselves are tested in test/talent/experiments.test.ts).
import { describe, expect, it } from 'vitest';
import { robustnessRows } from '../../src/experiment/robustness.js';

describe('robustnessRows', () => {
  const outcomes = [{ name: 'y', label: { en: 'y', zh: 'y' }, unit: '', description: '', direction: 'lower' as const, format: 'count' as const }];
  const factors = [{ name: 'x', min: 0, max: 1 }];
  const draws = [[0.1], [0.4], [0.6], [0.9]];
  // b beats baseline (lower is better) exactly when x > 0.5; c ties baseline in draw 0
  const values = { y: { base: Float64Array.of(1, 1, 1, 1), b: Float64Array.of(2, 2, 0, 0), c: Float64Array.of(1, 3, 3, 3) } };

  it('counts wins in the better direction, splits tied first places and finds the separating rule', () => {
    const { rows } = robustnessRows(values, outcomes, ['base', 'b', 'c'], 'base', factors, draws);
    const by = Object.fromEntries(rows.map((r) => [r.scenario, r]));
    expect(by.b.beats_baseline).toBe(0.5);
    expect(by.c.beats_baseline).toBe(0);
    // draw 0: base and c tie for first (½ each); draw 1: base; draws 2-3: b
    expect(by.base.ranks_first).toBe((0.5 + 1) / 4);
    expect(by.c.ranks_first).toBe(0.5 / 4);
    expect(by.b.ranks_first).toBe(2 / 4);
    expect(by.b.rule).toBe('x > 0.5');
    expect(by.b.separation).toBe(1);
    expect(by.b.mean_diff).toBe(0);
  });
});

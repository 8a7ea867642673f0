import { describe, expect, it } from 'vitest';
import { streamFor, type Stream } from '../../../src/core/random.js';
import { discoverScenarios } from '../../../src/experiment/sensitivity/discovery.js';

function uniformRows(n: number, k: number, s: Stream): Record<string, number>[] {
  return Array.from({ length: n }, () => {
    const r: Record<string, number> = {};
    for (let j = 1; j <= k; j++) r[`x${j}`] = s.next();
    return r;
  });
}

describe('discoverScenarios', () => {
  it('finds the planted rule "win iff x2 > 0.7" exactly, and ranks it first', () => {
    const rows = uniformRows(500, 4, streamFor(['disc', 1]));
    const wins = rows.map((r) => r.x2 > 0.7);
    const d = discoverScenarios(rows, wins);
    expect(d.rules[0]).toMatchObject({ parameter: 'x2', rule: 'x2 > 0.7', lowerBound: 0.7, coverage: 1, density: 1, separation: 1 });
    expect(d.rules[0].upperBound).toBeUndefined();
    // unrelated parameters separate little: with ~150 wins, chance J of the best cut stays well under 0.2
    for (const r of d.rules.slice(1)) expect(r.separation).toBeLessThan(0.2);
    expect(d.box?.rule).toBe('x2 > 0.7');
    expect(d.summary).toContain('x2 > 0.7');
    expect(d.summary).toContain('100% of the');
  });

  it('finds a planted two-condition box and the lower-side direction', () => {
    const rows = uniformRows(800, 3, streamFor(['disc', 2]));
    const wins = rows.map((r) => r.x1 > 0.5 && r.x3 <= 0.4);
    const d = discoverScenarios(rows, wins);
    expect(d.box).not.toBeNull();
    const params = d.box!.conditions.map((c) => c.parameter).sort();
    expect(params).toEqual(['x1', 'x3']);
    expect(d.box!.conditions.find((c) => c.parameter === 'x3')!.upperBound).toBe(0.4);
    expect(d.box!.conditions.find((c) => c.parameter === 'x1')!.lowerBound).toBe(0.5);
    expect(d.box!.separation).toBe(1);
    expect(d.rules.at(-1)!.parameter).toBe('x2');
  });

  it('finds a planted interval', () => {
    const rows = uniformRows(600, 2, streamFor(['disc', 3]));
    const wins = rows.map((r) => r.x1 > 0.3 && r.x1 <= 0.6);
    const top = discoverScenarios(rows, wins).rules[0];
    expect(top).toMatchObject({ parameter: 'x1', rule: '0.3 < x1 <= 0.6', lowerBound: 0.3, upperBound: 0.6, separation: 1 });
  });

  it('still finds the planted parameter when 10% of outcomes are flipped', () => {
    const s = streamFor(['disc', 4]);
    const rows = uniformRows(1000, 5, s);
    const wins = rows.map((r) => (r.x4 > 0.7) !== (s.next() < 0.1));
    const d = discoverScenarios(rows, wins);
    expect(d.rules[0].parameter).toBe('x4');
    // noise moves the threshold only within a few sampling gaps; 0.05 is ~50 gaps at n = 1000
    expect(Math.abs(d.rules[0].lowerBound! - 0.7)).toBeLessThan(0.05);
    expect(d.rules[0].upperBound).toBeUndefined();
    expect(d.rules[0].separation).toBeGreaterThan(0.6);
  });

  it('handles integer parameters and ties between equal values', () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ cadres: i % 6, noise: (i * 7) % 11 }));
    const wins = rows.map((r) => r.cadres >= 4);
    const top = discoverScenarios(rows, wins).rules[0];
    expect(top.parameter).toBe('cadres');
    expect(top.separation).toBe(1);
    // any bound in [3, 4) gives the same split; the shortest decimal near the midpoint (3.5) is printed
    expect(top.rule).toBe('cadres > 3.5');
  });

  it('reports when nothing separates or nothing varies', () => {
    const rows = uniformRows(50, 2, streamFor(['disc', 5]));
    expect(discoverScenarios(rows, rows.map(() => true))).toMatchObject({ rules: [], box: null, summary: 'All 50 runs win; nothing to separate.' });
    expect(discoverScenarios(rows, rows.map(() => false)).summary).toMatch(/No run wins/);
    const flat = rows.map(() => ({ a: 1 }));
    expect(discoverScenarios(flat, rows.map((_, i) => i % 2 === 0)).summary).toMatch(/No parameter varies/);
  });

  it('rejects mismatched lengths and non-finite values', () => {
    expect(() => discoverScenarios([{ a: 1 }], [true, false])).toThrow(/1 rows but 2 outcomes/);
    expect(() => discoverScenarios([{ a: 1 }, { a: NaN }], [true, false])).toThrow(/rows\[1\]\.a/);
  });
});

// Random streams: same seed ⇒ identical rows, different seeds ⇒ different rows, and stream
// independence — adding a process leaves every other process's draws unchanged (checked on a toy model).
import { describe, expect, it } from 'vitest';
import { run, type ModelDefinition } from '../../src/core/run.js';
import type { Process } from '../../src/core/schedule.js';
import { streamFor, streamKey } from '../../src/core/random.js';

interface Toy {
  x: number[];
  y: number[];
  z: number[];
}

const walk = (field: 'x' | 'y' | 'z'): Process<Toy> => ({
  name: `walk-${field}`,
  run(m, ctx) {
    for (let g = 0; g < m[field].length; g++) m[field][g] += ctx.stream(g).next() - 0.5;
  },
});

function toy(processes: Process<Toy>[]): ModelDefinition<Toy> {
  return {
    name: 'toy',
    create: (ctx) => {
      const init = (g: number) => ctx.stream(g).next();
      return { x: [init(0), init(1)], y: [0, 0], z: [0, 0] };
    },
    groups: () => 2,
    processes,
    metrics: [
      { name: 'x', label: { en: 'x', zh: 'x' }, unit: '', description: '', direction: 'none', format: 'index', perGroup: (m, g) => m.x[g], aggregate: 'sum' },
      { name: 'y', label: { en: 'y', zh: 'y' }, unit: '', description: '', direction: 'none', format: 'index', perGroup: (m, g) => m.y[g], aggregate: 'sum' },
    ],
  };
}

describe('random streams', () => {
  it('gives identical rows for the same seed', () => {
    const a = run(toy([walk('x'), walk('y')]), { startYear: 2025, years: 10, seed: 5 });
    const b = run(toy([walk('x'), walk('y')]), { startYear: 2025, years: 10, seed: 5 });
    expect(a.rows).toEqual(b.rows);
  });

  it('gives different rows for different seeds', () => {
    const a = run(toy([walk('x'), walk('y')]), { startYear: 2025, years: 10, seed: 5 });
    const b = run(toy([walk('x'), walk('y')]), { startYear: 2025, years: 10, seed: 6 });
    expect(a.rows.map((r) => r.value)).not.toEqual(b.rows.map((r) => r.value));
  });

  it('leaves the other processes\' draws unchanged when a process is added', () => {
    const without = run(toy([walk('x'), walk('y')]), { startYear: 2025, years: 10, seed: 5 });
    const withExtra = run(toy([walk('z'), walk('x'), walk('y')]), { startYear: 2025, years: 10, seed: 5 });
    expect(withExtra.rows).toEqual(without.rows);
    expect(withExtra.draws).toBeGreaterThan(without.draws); // the extra process did draw
  });

  it('keys streams unambiguously (no collision between ["a1", 2] and ["a", 12])', () => {
    expect(streamKey(['a1', 2])).not.toBe(streamKey(['a', 12]));
    expect(streamKey([1])).not.toBe(streamKey(['1']));
    expect(streamFor(['a', 1]).next()).toBe(streamFor(['a', 1]).next());
  });

  it('gives a different stream per replicate and per CRN key', () => {
    const base = run(toy([walk('x')]), { startYear: 2025, years: 5, seed: 5 }).rows.map((r) => r.value);
    expect(run(toy([walk('x')]), { startYear: 2025, years: 5, seed: 5, replicate: 1 }).rows.map((r) => r.value)).not.toEqual(base);
    expect(run(toy([walk('x')]), { startYear: 2025, years: 5, seed: 5, crnKey: 'other' }).rows.map((r) => r.value)).not.toEqual(base);
  });
});

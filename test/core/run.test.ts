// Core `run` on a toy model: the clock, the order of calls, `onYear` receiving the state, metric
// collection that never draws, shards of groups with global stream keys, and no default start year.
import { describe, expect, it } from 'vitest';
import { run, selectMetrics } from '../../src/core/run.js';
import { toyModel } from './toy-model.js';

describe('run', () => {
  it('collects years startYear..startYear+years and calls beginYear, then the processes in order, every year', () => {
    const res = run(toyModel(), { startYear: 1990, years: 2, seed: 1 });
    expect([...new Set(res.rows.map((r) => r.year))]).toEqual([1990, 1991, 1992]);
    expect(res.state.log).toEqual(['create@1990', 'begin@1991:1', 'a@1991:1', 'b@1991:1', 'begin@1992:2', 'a@1992:2', 'b@1992:2']);
    expect(res.rows.slice(0, 3).map((r) => r.metric)).toEqual(['total', 'mean', 'top']);
    expect(res.rows[0]).toMatchObject({ scenario: 'default', replicate: 0, seed: 1 });
  });

  it('gives onYear the state, the year and t after every collected year, year 0 included', () => {
    const seen: { year: number; t: number; total: number }[] = [];
    let state: unknown;
    const res = run(toyModel(), {
      startYear: 2025,
      years: 3,
      seed: 2,
      onYear: (s, year, t) => {
        state ??= s;
        expect(s).toBe(state); // one state object, stepped in place
        seen.push({ year, t, total: s.counters.reduce((a, b) => a + b, 0) });
      },
    });
    expect(state).toBe(res.state);
    expect(seen.map(({ year, t }) => [year, t])).toEqual([[2025, 0], [2026, 1], [2027, 2], [2028, 3]]);
    // the state onYear sees is the one that year's rows were collected from
    expect(seen.map((x) => x.total)).toEqual(res.rows.filter((r) => r.metric === 'total').map((r) => r.value));
  });

  it('never draws when collecting metrics: any selection gives the same draws and values', () => {
    const all = run(toyModel(), { startYear: 2025, years: 4, seed: 3 });
    const one = run(toyModel(), { startYear: 2025, years: 4, seed: 3, metrics: ['top'] });
    expect(all.draws).toBe(2 * 3 * 4); // two processes × three groups × four years, one draw each
    expect(one.draws).toBe(all.draws);
    expect(one.rows).toEqual(all.rows.filter((r) => r.metric === 'top'));
    expect(() => run(toyModel(), { startYear: 2025, years: 1, seed: 3, metrics: ['nope'] })).toThrow(/unknown metric "nope"/);
  });

  it('runs a shard of groups with the global stream keys (groupOffset) and keeps per-group values', () => {
    const whole = run(toyModel(4), { startYear: 2025, years: 3, seed: 4, keepGroups: true });
    const tail = run(toyModel(2), { startYear: 2025, years: 3, seed: 4, keepGroups: true, groupOffset: 2 });
    for (let t = 0; t <= 3; t++) expect([...tail.groups![t].values[0]]).toEqual([...whole.groups![t].values[0]].slice(2));
    expect(whole.groups).toHaveLength(4);
  });

  it('has no default start year: the caller (the scenario) gives it', () => {
    const options = { years: 1, seed: 1 } as unknown as Parameters<typeof run>[1];
    expect(() => run(toyModel(), options)).toThrow(/startYear .* must be a number/);
  });

  it('selects metrics in declaration order whatever the order asked', () => {
    expect(selectMetrics(toyModel().metrics, ['top', 'total']).map((m) => m.name)).toEqual(['total', 'top']);
  });
});

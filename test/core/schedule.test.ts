// The year schedule: unique process names, processes in declared order with the year's clock, and each
// process drawing from its own streams keyed by (prefix, group + offset, process name, year).
import { describe, expect, it } from 'vitest';
import { StreamFactory } from '../../src/core/random.js';
import { defineSchedule, stepYear, type Process } from '../../src/core/schedule.js';
import { drawingProcess, type ToyState } from './toy-model.js';

const state = (groups = 2): ToyState => ({ counters: new Array(groups).fill(0), log: [] });

/** A process that records the first draw of its stream for every group. */
function recorder(name: string, out: Record<string, number[]>): Process<ToyState> {
  return { name, run: (s, ctx) => (out[`${name}@${ctx.year}`] = s.counters.map((_, g) => ctx.stream(g).next())) };
}

describe('defineSchedule', () => {
  it('refuses empty and duplicate process names', () => {
    expect(() => defineSchedule([drawingProcess('a'), drawingProcess('a')])).toThrow(/duplicate process name "a"/);
    expect(() => defineSchedule([drawingProcess('')])).toThrow(/a process needs a name/);
    const list = [drawingProcess('a'), drawingProcess('b')];
    expect(defineSchedule(list)).toBe(list);
  });
});

describe('stepYear', () => {
  it('runs the processes in their declared order with the year and t it is given', () => {
    const s = state();
    stepYear(s, [drawingProcess('b'), drawingProcess('a'), drawingProcess('c')], new StreamFactory([1]), 2031, 6);
    expect(s.log).toEqual(['b@2031:6', 'a@2031:6', 'c@2031:6']);
  });

  it('keys each stream by group, process name and year under the prefix', () => {
    const out: Record<string, number[]> = {};
    stepYear(state(), [recorder('a', out), recorder('b', out)], new StreamFactory([7, '', 0]), 2030, 5);
    const fresh = new StreamFactory([7, '', 0]);
    expect(out['a@2030']).toEqual([0, 1].map((g) => fresh.stream(g, 'a', 2030).next()));
    expect(out['b@2030']).toEqual([0, 1].map((g) => fresh.stream(g, 'b', 2030).next()));
    expect(out['a@2030']).not.toEqual(out['b@2030']);
    const later: Record<string, number[]> = {};
    stepYear(state(), [recorder('a', later)], new StreamFactory([7, '', 0]), 2031, 6);
    expect(later['a@2031']).not.toEqual(out['a@2030']);
  });

  it('gives a process the same draws whatever runs before it', () => {
    const alone: Record<string, number[]> = {};
    const after: Record<string, number[]> = {};
    stepYear(state(), [recorder('a', alone)], new StreamFactory([3]), 2026, 1);
    stepYear(state(), [drawingProcess('noise'), drawingProcess('more'), recorder('a', after)], new StreamFactory([3]), 2026, 1);
    expect(after['a@2026']).toEqual(alone['a@2026']);
  });

  it('offsets group numbers in the keys (a shard of groups draws like those groups of the whole)', () => {
    const whole: Record<string, number[]> = {};
    const shard: Record<string, number[]> = {};
    stepYear(state(4), [recorder('a', whole)], new StreamFactory([9]), 2026, 1);
    stepYear(state(2), [recorder('a', shard)], new StreamFactory([9]), 2026, 1, 2);
    expect(shard['a@2026']).toEqual(whole['a@2026'].slice(2));
  });
});

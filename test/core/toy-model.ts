/**
 * A toy core model for the run and schedule tests: per group a counter that each process moves by one
 * uniform draw a year, a log of every call the core makes, and metrics that read state only.
 */
import type { MetricDef } from '../../src/core/metrics.js';
import type { ModelDefinition } from '../../src/core/run.js';
import type { Process } from '../../src/core/schedule.js';

/** The toy state: counters per group and the log of calls ("create@2025", "begin@2026:1", "a@2026:1"). */
export interface ToyState {
  counters: number[];
  log: string[];
}

/** A process that logs its call and adds one uniform draw of its own stream to every counter. */
export function drawingProcess(name: string): Process<ToyState> {
  return {
    name,
    run(state, ctx) {
      state.log.push(`${name}@${ctx.year}:${ctx.t}`);
      for (let g = 0; g < state.counters.length; g++) state.counters[g] += ctx.stream(g).next();
    },
  };
}

const meta = { label: { en: 'Counter', zh: '计数' }, unit: 'draws', description: 'sum of draws', direction: 'none', format: 'index' } as const;

/** Counter metrics: the total (sum), the mean and the largest over groups. */
export const TOY_METRICS: readonly MetricDef<ToyState>[] = [
  { ...meta, name: 'total', perGroup: (s, g) => s.counters[g], aggregate: 'sum' },
  { ...meta, name: 'mean', perGroup: (s, g) => s.counters[g], aggregate: 'mean' },
  { ...meta, name: 'top', perGroup: (s, g) => s.counters[g], aggregate: 'max' },
];

/** The toy model over `groups` groups with the given processes (default: "a" then "b"). */
export function toyModel(groups = 3, processes: readonly Process<ToyState>[] = [drawingProcess('a'), drawingProcess('b')]): ModelDefinition<ToyState> {
  return {
    name: 'toy',
    create(ctx) {
      const counters = Array.from({ length: groups }, (_, g) => ctx.stream(g).next());
      return { counters, log: [`create@${ctx.startYear}`] };
    },
    groups: (s) => s.counters.length,
    processes,
    metrics: TOY_METRICS,
    beginYear(state, year, t) {
      state.log.push(`begin@${year}:${t}`);
    },
  };
}

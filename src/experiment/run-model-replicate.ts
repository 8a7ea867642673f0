/**
 * One replicate of one scenario with a given model factory: the single place that turns a scenario and a
 * replicate number into core `run` options. Common random numbers: with `crn` on, every scenario's
 * replicate r uses the same derived streams (CRN key ""); with it off, the scenario name is the key.
 */
import type { GroupValues } from '../core/metrics.js';
import { run, type RunOptions } from '../core/run.js';
import type { SeriesRow } from '../core/rows.js';
import type { Scenario } from '../scenario/types.js';
import type { ModelFactory } from './binding.js';

/** The core run options of replicate `replicate` of `scenario`. */
export function replicateRunOptions(scenario: Scenario, replicate: number, metrics?: readonly string[]): RunOptions {
  return {
    years: scenario.years,
    startYear: scenario.startYear,
    seed: scenario.seed,
    replicate,
    scenario: scenario.name,
    crnKey: scenario.crn ? '' : scenario.name,
    metrics,
  };
}

/** Runs replicate `replicate` of `scenario` with the model `factory` builds; tidy rows in (year, metric) order. */
export function runModelReplicate(
  factory: ModelFactory,
  scenario: Scenario,
  replicate: number,
  metrics?: readonly string[],
): SeriesRow[] {
  const model = factory(scenario, { replicate });
  return run(model, replicateRunOptions(scenario, replicate, metrics)).rows;
}

/** One replicate's rows with every year's per-group values and each group's attributes at the initial state. */
export interface ReplicateWithGroups {
  /** Tidy rows, as {@link runModelReplicate} gives them. */
  rows: SeriesRow[];
  /** Metric names, in the order of the group values. */
  metrics: string[];
  /** Per year (t = 0..years), every metric's value in every group. */
  groups: GroupValues[];
  /** Per group, its attributes at t = 0 (the model's `groupAttributes`; empty objects if it declares none). */
  attributes: Readonly<Record<string, string | number>>[];
}

/** Runs one replicate keeping the per-group values (core `keepGroups`) and the groups' initial attributes. */
export function runModelReplicateGroups(factory: ModelFactory, scenario: Scenario, replicate: number, metrics?: readonly string[]): ReplicateWithGroups {
  const model = factory(scenario, { replicate });
  const attributes: Readonly<Record<string, string | number>>[] = [];
  const onYear = (state: unknown, _year: number, t: number) => {
    if (t !== 0) return;
    const n = model.groups(state);
    for (let g = 0; g < n; g++) attributes.push(model.groupAttributes ? { ...model.groupAttributes(state, g) } : {});
  };
  const result = run(model, { ...replicateRunOptions(scenario, replicate, metrics), keepGroups: true, onYear });
  const names = metrics ? model.metrics.filter((m) => metrics.includes(m.name)).map((m) => m.name) : model.metrics.map((m) => m.name);
  return { rows: result.rows, metrics: names, groups: result.groups ?? [], attributes };
}

/**
 * One replicate of one scenario with a given model factory: the single place that turns a scenario and a
 * replicate number into core `run` options. Common random numbers: with `crn` on, every scenario's
 * replicate r uses the same derived streams (CRN key ""); with it off, the scenario name is the key.
 */
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

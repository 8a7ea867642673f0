/** `runReplicate`: one replicate of one scenario of the talentsim model (or another factory), as tidy rows. */
import type { SeriesRow } from '../core/rows.js';
import type { ModelFactory } from '../experiment/binding.js';
import { runModelReplicate } from '../experiment/run-model-replicate.js';
import type { Scenario } from '../scenario/types.js';
import { buildModel } from './binding.js';

/** Options of {@link runReplicate}. */
export interface ReplicateOptions {
  /** Only collect these metrics (default: all); never changes the simulation. */
  metrics?: readonly string[];
  /** Model to run (default: the talentsim model compiled from the scenario). */
  model?: ModelFactory;
}

/** Runs replicate `replicate` of `scenario`; rows in (year, metric declaration) order. */
export function runReplicate(scenario: Scenario, replicate: number, options: ReplicateOptions = {}): SeriesRow[] {
  return runModelReplicate(options.model ?? buildModel, scenario, replicate, options.metrics);
}

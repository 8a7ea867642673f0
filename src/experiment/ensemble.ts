/** `ensemble`: every replicate of one or more scenarios of a model, with statistics against a baseline. */
import type { Scenario } from '../scenario/types.js';
import { ExperimentInputError } from './errors.js';
import { resolveModel } from './binding.js';
import { makePlan, modelMetrics, runExperiment, unitHashId, type ExperimentOptions, type ExperimentResult } from './experiment.js';
import { unitKey } from './layout.js';
import { runScenarioProblems } from './run-model-replicate.js';
import { assertPairing } from './pairing.js';
import { unitHash, type ExperimentUnit } from './unit.js';

/** Options of {@link ensemble}. */
export interface EnsembleOptions extends ExperimentOptions {
  /** Replicates per scenario (default: each scenario's own `replicates`). */
  replicates?: number;
  /** Baseline scenario name (default: the scenario named "baseline" if present, else the first). */
  baseline?: string;
  /**
   * Pair scenarios whose county, horizon or start year differ from the baseline's (default false: such an
   * ensemble is refused with an {@link ExperimentInputError} naming the differences; allowed, they are
   * listed in `warnings`).
   */
  allowMismatch?: boolean;
}

/**
 * Runs replicates 0..R−1 of each scenario (with common random numbers when the scenarios have `crn`),
 * in parallel if asked, writing durable parts and final outputs to `outDir` if given. Results do not
 * depend on workers, shards or resuming. Resolves even if replicates fail (see `failures`). Scenarios
 * that cannot be paired with the baseline (another county, horizon or start year) are refused before
 * anything runs, unless `allowMismatch`.
 */
export async function ensemble(scenarios: Scenario | readonly Scenario[], options: EnsembleOptions): Promise<ExperimentResult> {
  const list: readonly Scenario[] = Array.isArray(scenarios) ? scenarios : [scenarios as Scenario];
  if (list.length === 0) throw new ExperimentInputError('no scenarios to run');
  const problems = list.flatMap(runScenarioProblems);
  if (problems.length) throw new ExperimentInputError(problems);
  const model = await resolveModel(options.model, list[0]);
  const identity = model.binding.identity;
  const hashId = unitHashId(model, options);
  const units: ExperimentUnit[] = list.map((s) => {
    const replicates = options.replicates ?? s.replicates;
    const scenario: Scenario = { ...s, replicates };
    const hash = unitHash(scenario, options.metrics, hashId, identity);
    return { key: unitKey(scenario.name, hash), scenario, hash, columns: {}, replicates };
  });
  const names = list.map((s) => s.name);
  if (options.baseline !== undefined && !names.includes(options.baseline)) {
    throw new ExperimentInputError(`baseline "${options.baseline}" is not among the scenarios (${names.join(', ')})`);
  }
  const baseline = options.baseline ?? (names.includes('baseline') ? 'baseline' : names[0]);
  const warnings = assertPairing(list, baseline, options.allowMismatch);
  const metrics = modelMetrics(model.binding, options.metrics);
  const plan = makePlan('ensemble', units, metrics, baseline);
  const result = await runExperiment(plan, model, options);
  return { ...result, warnings: [...warnings, ...result.warnings] };
}

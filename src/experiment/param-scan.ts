/**
 * `paramScan`: one scenario over the Cartesian product of factor values, Agents.jl style — the seed is just
 * another factor, and so is a lever (talentsim: any name or path its binding's `atPoint` sets). Each grid
 * point runs its replicates, is named by its values (`migrant_wage=40000;care_relief=0.5`) and has them
 * as extra columns of its rows (after the fixed columns). No comparison is made: for one against a
 * reference point, see `sweep`.
 */
import type { Scenario } from '../scenario/types.js';
import { resolveModel } from './binding.js';
import { makePlan, modelMetrics, runExperiment, unitHashId, type ExperimentOptions, type ExperimentResult } from './experiment.js';
import { checkRunScenario } from './run-model-replicate.js';
import { checkGrid, factorColumn, gridPoints, pointUnits } from './sweep.js';

/** Options of {@link paramScan}. */
export interface ParamScanOptions extends ExperimentOptions {
  /** Replicates per grid point (default 1 when `seed` is scanned, else the scenario's `replicates`). */
  replicates?: number;
}

/**
 * Runs `scenario` at every point of `grid` (each set with the binding's `atPoint`, so a talentsim point is
 * validated like a scenario file); rows carry the varied factors as extra columns.
 */
export async function paramScan(
  scenario: Scenario,
  grid: Readonly<Record<string, readonly number[]>>,
  options: ParamScanOptions,
): Promise<ExperimentResult> {
  checkGrid(grid);
  checkRunScenario(scenario);
  const model = await resolveModel(options.model, scenario);
  const replicates = options.replicates ?? ('seed' in grid ? 1 : scenario.replicates);
  const units = pointUnits(model.binding, unitHashId(model, options), scenario, gridPoints(grid), { replicates, metrics: options.metrics });
  const metrics = modelMetrics(model.binding, options.metrics);
  const columns = Object.keys(grid).filter((k) => k !== 'seed').map(factorColumn);
  return runExperiment(makePlan('scan', units, metrics, undefined, columns), model, options);
}

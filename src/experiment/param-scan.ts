/**
 * `paramScan`: one scenario over the Cartesian product of parameter values, Agents.jl style — the seed is
 * just another parameter. Each grid point runs its replicates; its values appear as extra columns of the
 * rows (after the fixed columns). No comparison against a baseline is made.
 */
import type { Scenario } from '../scenario/types.js';
import { ExperimentInputError } from './errors.js';
import { resolveModel, scenarioAt } from './binding.js';
import { makePlan, modelMetrics, runExperiment, unitHashId, type ExperimentOptions, type ExperimentResult } from './experiment.js';
import { unitHash, type ExperimentUnit } from './unit.js';

/** Options of {@link paramScan}. */
export interface ParamScanOptions extends ExperimentOptions {
  /** Replicates per grid point (default 1 when `seed` is scanned, else the scenario's `replicates`). */
  replicates?: number;
}

/** Grid points in order: the first key varies slowest, the last fastest. */
export function gridPoints(grid: Readonly<Record<string, readonly number[]>>): Record<string, number>[] {
  let points: Record<string, number>[] = [{}];
  for (const [key, values] of Object.entries(grid)) {
    const next: Record<string, number>[] = [];
    for (const p of points) for (const v of values) next.push({ ...p, [key]: v });
    points = next;
  }
  return points;
}

function checkGrid(grid: Readonly<Record<string, readonly number[]>>): void {
  const problems: string[] = [];
  const keys = Object.keys(grid);
  if (keys.length === 0) problems.push('the grid has no parameters');
  for (const k of keys) {
    const values = grid[k];
    if (!Array.isArray(values) || values.length === 0) problems.push(`grid.${k}: expected a non-empty list of numbers`);
    else values.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`grid.${k}[${i}]: expected a finite number, found ${String(v)}`);
    });
    if (k === 'seed' && Array.isArray(values)) values.forEach((v, i) => {
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) problems.push(`grid.seed[${i}]: expected an unsigned 32-bit integer, found ${v}`);
    });
  }
  if (problems.length) throw new ExperimentInputError(problems);
}

/**
 * Runs `scenario` at every point of `grid` (each set with the binding's `atPoint`, so a talentsim point is
 * validated like a scenario file); rows carry the varied parameters as extra columns.
 */
export async function paramScan(
  scenario: Scenario,
  grid: Readonly<Record<string, readonly number[]>>,
  options: ParamScanOptions,
): Promise<ExperimentResult> {
  checkGrid(grid);
  const model = await resolveModel(options.model, scenario);
  const { atPoint, identity } = model.binding;
  const hashId = unitHashId(model, options);
  const replicates = options.replicates ?? ('seed' in grid ? 1 : scenario.replicates);
  const units: ExperimentUnit[] = gridPoints(grid).map((point, i) => {
    const s = { ...(atPoint ? atPoint(scenario, point) : scenarioAt(scenario, point)), replicates };
    const hash = unitHash(s, options.metrics, hashId, identity);
    return { key: `point-${String(i).padStart(4, '0')}`, scenario: s, hash, columns: point, replicates };
  });
  const metrics = modelMetrics(model.binding, options.metrics);
  return runExperiment(makePlan('scan', units, metrics, undefined), model, options);
}

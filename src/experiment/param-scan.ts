/**
 * `paramScan`: one scenario over the Cartesian product of parameter values, Agents.jl style — the seed is
 * just another parameter. Each grid point runs its replicates; its values appear as extra columns of the
 * rows (after the fixed columns). No comparison against a baseline is made.
 */
import type { Scenario } from '../scenario/types.js';
import { ExperimentInputError } from './errors.js';
import { makePlan, modelMetrics, resolveModel, runExperiment, type ExperimentOptions, type ExperimentResult } from './experiment.js';
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

/** The scenario at one grid point: `seed` sets the seed, every other key a parameter override (unchecked; the talentsim model validates). */
export function scenarioAt(scenario: Scenario, point: Readonly<Record<string, number>>): Scenario {
  const parameters = { ...scenario.parameters };
  let seed = scenario.seed;
  for (const [k, v] of Object.entries(point)) {
    if (k === 'seed') seed = v;
    else parameters[k] = v;
  }
  return { ...scenario, seed, parameters };
}

/** Runs `scenario` at every point of `grid`; rows carry the varied parameters as extra columns. */
export async function paramScan(
  scenario: Scenario,
  grid: Readonly<Record<string, readonly number[]>>,
  options: ParamScanOptions = {},
): Promise<ExperimentResult> {
  checkGrid(grid);
  const model = await resolveModel(options.model);
  const replicates = options.replicates ?? ('seed' in grid ? 1 : scenario.replicates);
  const units: ExperimentUnit[] = gridPoints(grid).map((point, i) => {
    const s = { ...(model.atPoint ?? scenarioAt)(scenario, point), replicates };
    const hash = unitHash(s, options.metrics, model.hashId, model.identity);
    return { key: `point-${String(i).padStart(4, '0')}`, scenario: s, hash, columns: point, replicates };
  });
  const metrics = modelMetrics(model.factory, units[0], options.metrics);
  return runExperiment(makePlan('scan', units, metrics, undefined), model, options);
}

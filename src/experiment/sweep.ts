/**
 * `sweep`: one scenario over a design of points — a grid (the Cartesian product of values per factor) or a
 * Latin hypercube over factor ranges — in the manner of BehaviorSpace and the EMA Workbench. A factor is
 * anything the binding's `atPoint` can set (talentsim: `seed`, a parameter, a lever, any scenario path such
 * as `county.villages`). Every point runs the same replicates on common random numbers (`crn` on, the
 * scenario's seed), is named by its factor values (`migrant_wage=50000;care_relief=0.5`) and carries them
 * as extra columns; the scenario as given runs too, as the `reference` point, and each point is compared
 * with it replicate by replicate: sweep.csv (point × metric × year) and sweep-summary.csv (at the horizon).
 * Parts, workers, shards, merge and resume are those of every ensemble.
 */
import { formatValue } from '../core/rows.js';
import { streamFor } from '../core/random.js';
import { valueAt } from '../scenario/overrides.js';
import type { Scenario } from '../scenario/types.js';
import { resolveModel, scenarioAt, type ModelBinding } from './binding.js';
import { ExperimentInputError } from './errors.js';
import { makePlan, modelMetrics, runExperiment, type ExperimentOptions, type ExperimentResult } from './experiment.js';
import { checkFactors, pointValues, type Factor } from './sensitivity/factor.js';
import { latinHypercube } from './sensitivity/lhs.js';
import { unitHash, type ExperimentUnit } from './unit.js';

/** The name of the reference point (the scenario as given) in a sweep's outputs. */
export const REFERENCE_POINT = 'reference';

/** A sweep's design: a grid of values per factor, a Latin hypercube, or points given one by one. */
export type SweepDesign =
  | { grid: Readonly<Record<string, readonly number[]>> }
  | { lhs: { samples: number; factors: readonly (string | Factor)[]; seed?: number } }
  | { points: readonly Readonly<Record<string, number>>[] };

/** Options of {@link sweep}. */
export interface SweepOptions extends ExperimentOptions {
  /** Replicates per point (default: the scenario's `replicates`). */
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

/** Problems of a grid: no factors, an empty or non-numeric list, a bad seed. Throws ExperimentInputError. */
export function checkGrid(grid: Readonly<Record<string, readonly number[]>>): void {
  if (!grid || typeof grid !== 'object' || Array.isArray(grid)) throw new ExperimentInputError('grid: expected a mapping of factor names to lists of values');
  const problems: string[] = [];
  const keys = Object.keys(grid);
  if (keys.length === 0) problems.push('the grid has no factors');
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
 * The output column of a factor: a parameter or a lever by its own name (`parameters.x` → `x`,
 * `policies.care_relief` → `care_relief`), any other path as written (`county.villages`).
 */
export function factorColumn(factor: string): string {
  const m = /^(?:parameters|policies)\.([^.]+)$/.exec(factor);
  return m ? m[1] : factor;
}

/** A point's name from its factor values: `column=value` joined by `;` (values to `digits` significant digits, default as written). */
export function pointName(point: Readonly<Record<string, number>>, digits?: number): string {
  const show = (v: number) => (digits ? formatValue(Number(v.toPrecision(digits))) : formatValue(v));
  return Object.entries(point).map(([k, v]) => `${factorColumn(k)}=${show(v)}`).join(';');
}

/** Units of the points of a design: each the scenario at the point, named by its values, with the values as columns. */
export function pointUnits(
  binding: ModelBinding,
  hashId: string,
  scenario: Scenario,
  points: readonly Readonly<Record<string, number>>[],
  options: { replicates: number; metrics?: readonly string[]; crn?: boolean; digits?: number },
): ExperimentUnit[] {
  const seen = new Map<string, number>();
  return points.map((point, i) => {
    const at = binding.atPoint ? binding.atPoint(scenario, point) : scenarioAt(scenario, point);
    let name = pointName(point, options.digits);
    const dup = seen.get(name) ?? 0;
    seen.set(name, dup + 1);
    if (dup > 0) name = `${name}#${i}`;
    const s: Scenario = { ...at, name, replicates: options.replicates, ...(options.crn ? { crn: true } : {}) };
    const columns: Record<string, number> = {};
    for (const [k, v] of Object.entries(point)) if (k !== 'seed') columns[factorColumn(k)] = v;
    const hash = unitHash(s, options.metrics, hashId, binding.identity);
    return { key: `point-${String(i).padStart(4, '0')}`, scenario: s, hash, columns, replicates: options.replicates };
  });
}

/** The points of a design and the factor names they set, with the number of significant digits for names. */
function designPoints(design: SweepDesign, binding: ModelBinding): { points: Record<string, number>[]; factors: string[]; digits?: number } {
  if ('grid' in design) {
    checkGrid(design.grid);
    return { points: gridPoints(design.grid), factors: Object.keys(design.grid) };
  }
  if ('points' in design) {
    if (design.points.length === 0) throw new ExperimentInputError('the sweep has no points');
    const factors = [...new Set(design.points.flatMap((p) => Object.keys(p)))];
    return { points: design.points.map((p) => ({ ...p })), factors };
  }
  const { samples, seed = 1 } = design.lhs;
  if (!Number.isInteger(samples) || samples < 1) throw new ExperimentInputError(`lhs.samples must be an integer ≥ 1, found ${samples}`);
  const named = design.lhs.factors.filter((f): f is string => typeof f === 'string');
  const declared = named.length ? (binding.factors ? binding.factors(named) : undefined) : [];
  if (!declared) throw new ExperimentInputError(`model ${binding.id} declares no factors with ranges; give each factor with its range`);
  const byName = new Map(declared.map((f, i) => [named[i], f]));
  // A factor given with its own range keeps the integer-ness the binding declares for it (if it declares it).
  const integer = (f: Factor) => {
    if (f.integer !== undefined || !binding.factors) return f;
    try {
      return binding.factors([f.name])[0]?.integer ? { ...f, integer: true } : f;
    } catch {
      return f;
    }
  };
  const factors: Factor[] = design.lhs.factors.map((f) => (typeof f === 'string' ? { ...byName.get(f)!, name: f } : integer(f)));
  const issues = checkFactors(factors);
  if (issues.length) throw new ExperimentInputError(issues.map((x) => `lhs.${x.path}: ${x.message}`));
  const rows = latinHypercube(factors, samples, streamFor(['sweep-design', seed]));
  return { points: rows.map((r) => pointValues(factors, r)), factors: factors.map((f) => f.name), digits: 4 };
}

/**
 * Runs `scenario` at every point of `design` plus the scenario itself as the `reference` point, all on
 * common random numbers, and compares each point with the reference (see the module comment). With
 * `outDir`, writes parts, series.csv (factor columns after the fixed ones), sweep.csv, sweep-summary.csv,
 * summary.json and manifest.json; `comparison` holds the rows of sweep.csv.
 */
export async function sweep(scenario: Scenario, design: SweepDesign, options: SweepOptions): Promise<ExperimentResult> {
  const model = await resolveModel(options.model, scenario);
  const { points, factors, digits } = designPoints(design, model.binding);
  const replicates = options.replicates ?? scenario.replicates;
  const units = pointUnits(model.binding, model.hashId, scenario, points, { replicates, metrics: options.metrics, crn: true, digits });
  if (units.some((u) => u.scenario.name === REFERENCE_POINT)) throw new ExperimentInputError(`a point may not be named "${REFERENCE_POINT}"`);
  const refScenario: Scenario = { ...scenario, name: REFERENCE_POINT, replicates, crn: true };
  const refColumns: Record<string, number> = {};
  for (const f of factors) {
    if (f === 'seed') continue;
    // A path, or a bare name: a scalar (`years`), a parameter or a lever, in that order.
    const v = f.includes('.') ? valueAt(scenario, f) : (valueAt(scenario, f) ?? valueAt(scenario, `parameters.${f}`) ?? valueAt(scenario, `policies.${f}`));
    if (v !== undefined) refColumns[factorColumn(f)] = v;
  }
  const reference: ExperimentUnit = {
    key: REFERENCE_POINT,
    scenario: refScenario,
    hash: unitHash(refScenario, options.metrics, model.hashId, model.binding.identity),
    columns: refColumns,
    replicates,
  };
  const all = [reference, ...units];
  const metrics = modelMetrics(model.binding, options.metrics);
  const plan = makePlan('sweep', all, metrics, REFERENCE_POINT, factors.filter((f) => f !== 'seed').map(factorColumn));
  return runExperiment(plan, model, options);
}

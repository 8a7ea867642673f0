/**
 * `sensitivity`: global sensitivity analysis of one scenario over the ranges of the factors a model binding
 * declares (talentsim: its parameters).
 * Morris elementary effects (μ, μ*, σ, with bootstrap intervals over trajectories) or Sobol first-order
 * and total indices (Saltelli design, bootstrap intervals). Each design point is the scenario with the
 * point's parameter overrides, run for the scenario's horizon with the same seed (common random numbers);
 * its outcome is the county metric at the horizon, averaged over the point's replicates (one by default).
 * Points run through the experiment machinery (workers, durable parts, resume, shards by point).
 * With `effectOf` (a pathway), the analysed outcome is the pathway's paired effect instead: at every design
 * point both the pathway and the scenario (its baseline) run, with the same seed and random numbers and
 * replicate numbers, and the outcome is pathway − baseline at the horizon — the sensitivity of a policy's
 * effect, not of a level.
 */
import { join } from 'node:path';
import { csvField } from '../core/rows.js';
import { streamFor, uniformInt, type Stream } from '../core/random.js';
import type { Scenario } from '../scenario/types.js';
import { resolveModel, type MetricInfo, type ModelBinding } from './binding.js';
import { designFactors, designOutcomes, designScenario, runDesign, type DesignPoint } from './design-runs.js';
import { ExperimentInputError } from './errors.js';
import { checkOutDir, type ExperimentOptions } from './experiment.js';
import { writeFileDurable } from './files.js';
import { recordOutputs, type OutputRecords } from './integrity.js';
import { withOutputLock } from './lock.js';
import { pointValues } from './sensitivity/factor.js';
import { morrisDesign, morrisIndices, type MorrisDesign, type MorrisIndex } from './sensitivity/morris.js';
import { percentile } from './sensitivity/percentile.js';
import { saltelliDesign, sobolIndices } from './sensitivity/sobol.js';
import type { Factor } from './sensitivity/factor.js';
import type { Shard } from './shard.js';
import { checkPairing } from './pairing.js';

/** Index names in sensitivity.csv: Morris μ, μ*, σ; Sobol S1 and ST. */
export type SensitivityIndexName = 'mu' | 'mu_star' | 'sigma' | 'S1' | 'ST';

/** One row of sensitivity.csv. */
export interface SensitivityRow {
  method: 'morris' | 'sobol';
  outcome: string;
  parameter: string;
  index: SensitivityIndexName;
  value: number;
  /** Bootstrap 95% percentile interval (null when there was nothing to resample). */
  ci_low: number | null;
  ci_high: number | null;
  /** The pathway whose paired effect (pathway − baseline) `outcome` is; null when it is the scenario's level. */
  effect_of: string | null;
}

/** Columns of sensitivity.csv, in order. */
export const SENSITIVITY_COLUMNS = ['method', 'outcome', 'parameter', 'index', 'value', 'ci_low', 'ci_high', 'effect_of'] as const;

/** Options of {@link sensitivity}. */
export interface SensitivityOptions extends Omit<ExperimentOptions, 'metrics' | 'shard'> {
  /** 'morris' (screening, cheap) or 'sobol' (variance shares, N·(k+2) runs). */
  method: 'morris' | 'sobol';
  /** Factors (parameters) to vary (default: every factor the binding declares). */
  params?: readonly string[];
  /** Morris: trajectories r (default 10); Sobol: base sample N (default 256). */
  samples?: number;
  /** Outcome metrics at the horizon (default: the binding's sensitivity outcomes, see `designOutcomes`). */
  outcomes?: readonly string[];
  /** Morris grid levels p (even, default 4). */
  levels?: number;
  /** Morris candidate trajectories for Campolongo spreading (default 4·samples, at most 200). */
  candidates?: number;
  /** Bootstrap resamples for the intervals (default 1000; 0: no intervals). */
  bootstrap?: number;
  /** Seed of the design and the bootstrap (default 1). The runs use the scenario's own seed. */
  seed?: number;
  /** Replicates per design point (default 1), averaged at the horizon. */
  replicates?: number;
  /** Run only these design points (point i with i % count == index − 1); needs `outDir`. */
  shard?: Shard;
  /**
   * A pathway scenario: analyse its paired effect (this − `scenario`, the baseline, at each point with the
   * baseline's seed and common random numbers) instead of `scenario`'s level. It must simulate the same
   * county, years and start year, unless `allowMismatch`.
   */
  effectOf?: Scenario;
  /** Pair an `effectOf` scenario of another county, horizon or start year anyway. */
  allowMismatch?: boolean;
}

/** What {@link sensitivity} produced. */
export interface SensitivityResult {
  method: 'morris' | 'sobol';
  /** The varied parameters with their ranges. */
  factors: Factor[];
  outcomes: MetricInfo[];
  /** Design points (model runs × replicates per point; with `effectOf`, each point runs both scenarios). */
  points: number;
  /** The pathway whose effect was analysed, if any. */
  effectOf?: string;
  /** Index rows (empty for a shard: run once more without `shard`, with `resume`, to compute them). */
  rows: SensitivityRow[];
  /** Per outcome, the horizon value of every design point (undefined for a shard). */
  values?: Record<string, Float64Array>;
  computed: number;
  skipped: number;
  seconds: number;
  /** Files written (sensitivity.csv, design.csv and the experiment outputs). */
  files: string[];
  /** Scenarios paired without common random numbers, an allowed mismatch. */
  warnings: string[];
}

/**
 * The design points of a sensitivity design, as scenarios: one per row, or with `effectOf` two per row
 * (the baseline, then the pathway with the baseline's seed) in the same shard group.
 */
function designPoints(binding: ModelBinding, scenario: Scenario, factors: readonly Factor[], rows: readonly number[][], replicates: number, effectOf?: Scenario): DesignPoint[] {
  return rows.flatMap((row, i) => {
    const key = `point-${String(i).padStart(5, '0')}`;
    const point = pointValues(factors, row);
    const base: DesignPoint = { key, scenario: { ...designScenario(binding, scenario, point), name: `${scenario.name}@${i}`, replicates }, group: i };
    if (!effectOf) return [base];
    const pathway = { ...designScenario(binding, { ...effectOf, seed: scenario.seed }, point), name: `${effectOf.name}@${i}`, replicates };
    return [base, { key: `${key}-effect`, scenario: pathway, group: i }];
  });
}

/** Per outcome, the analysed value of every design row: the level, or (with two points per row) pathway − baseline. */
function designOutputs(values: Record<string, Float64Array>, rows: number, paired: boolean): Record<string, Float64Array> {
  if (!paired) return values;
  const out: Record<string, Float64Array> = {};
  for (const [o, v] of Object.entries(values)) out[o] = Float64Array.from({ length: rows }, (_, i) => v[2 * i + 1] - v[2 * i]);
  return out;
}

/** design.csv: point key and the parameter values of each point. */
export function designCsv(factors: readonly Factor[], rows: readonly number[][]): string {
  let out = ['point', ...factors.map((f) => f.name)].join(',') + '\n';
  rows.forEach((row, i) => (out += [String(i), ...row.map((v) => csvField(v))].join(',') + '\n'));
  return out;
}

/** sensitivity.csv text (empty intervals as empty fields). */
export function sensitivityCsv(rows: readonly SensitivityRow[]): string {
  let out = SENSITIVITY_COLUMNS.join(',') + '\n';
  for (const r of rows) {
    out += SENSITIVITY_COLUMNS.map((c) => {
      const v = r[c];
      return v === null ? '' : csvField(v);
    }).join(',') + '\n';
  }
  return out;
}

/** The Morris design restricted to trajectories `pick` (with repeats), for bootstrapping. */
function pickTrajectories(d: MorrisDesign, pick: ArrayLike<number>): MorrisDesign {
  const k = d.factors.length;
  const points: number[][] = [];
  const unitPoints: number[][] = [];
  const changed: number[] = [];
  const steps: number[] = [];
  for (let i = 0; i < pick.length; i++) {
    const t = pick[i];
    for (let s = 0; s <= k; s++) { points.push(d.points[t * (k + 1) + s]); unitPoints.push(d.unitPoints[t * (k + 1) + s]); }
    for (let s = 0; s < k; s++) { changed.push(d.changed[t * k + s]); steps.push(d.steps[t * k + s]); }
  }
  return { ...d, points, unitPoints, changed, steps, trajectories: pick.length };
}

/**
 * Morris μ, μ*, σ of every factor with percentile-bootstrap 95% intervals over trajectories (resampled
 * with replacement; SALib's `mu_star_conf` does the same). With one trajectory or `bootstrap` 0 the
 * intervals are null.
 */
export function morrisRows(
  design: MorrisDesign,
  outcome: string,
  outputs: ArrayLike<number>,
  bootstrap: number,
  stream: Stream,
  effectOf: string | null = null,
): SensitivityRow[] {
  const k = design.factors.length;
  const est = morrisIndices(design, outputs);
  const r = design.trajectories;
  const B = r > 1 ? bootstrap : 0;
  const samples = { mu: est.map(() => new Float64Array(B)), mu_star: est.map(() => new Float64Array(B)), sigma: est.map(() => new Float64Array(B)) };
  const pick = new Int32Array(r);
  const sub = new Float64Array(r * (k + 1));
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < r; i++) {
      pick[i] = uniformInt(stream, r);
      for (let s = 0; s <= k; s++) sub[i * (k + 1) + s] = outputs[pick[i] * (k + 1) + s];
    }
    const bi = morrisIndices(pickTrajectories(design, pick), sub);
    bi.forEach((x, j) => { samples.mu[j][b] = x.mu; samples.mu_star[j][b] = x.muStar; samples.sigma[j][b] = x.sigma; });
  }
  const rows: SensitivityRow[] = [];
  const value = (x: MorrisIndex, index: 'mu' | 'mu_star' | 'sigma') => (index === 'mu' ? x.mu : index === 'mu_star' ? x.muStar : x.sigma);
  est.forEach((x, j) => {
    for (const index of ['mu', 'mu_star', 'sigma'] as const) {
      rows.push({
        method: 'morris',
        outcome,
        parameter: x.parameter,
        index,
        value: value(x, index),
        ci_low: B > 0 ? percentile(samples[index][j], 0.025) : null,
        ci_high: B > 0 ? percentile(samples[index][j], 0.975) : null,
        effect_of: effectOf,
      });
    }
  });
  return rows;
}

function positiveInt(name: string, v: number | undefined, fallback: number, min = 1): number {
  const x = v ?? fallback;
  if (!Number.isInteger(x) || x < min) throw new ExperimentInputError(`${name} must be an integer ≥ ${min}, found ${x}`);
  return x;
}

/**
 * Global sensitivity of `scenario`'s horizon outcomes to the declared parameter ranges (see the module
 * comment). With `outDir`, writes sensitivity.csv, design.csv and the experiment outputs (parts,
 * series.csv of the outcomes, summary.json, manifest.json) there. Results do not depend on `workers`.
 */
export async function sensitivity(scenario: Scenario, options: SensitivityOptions): Promise<SensitivityResult> {
  return withOutputLock(checkOutDir(options.outDir), () => sensitivityLocked(scenario, options), { command: options.command });
}

async function sensitivityLocked(scenario: Scenario, options: SensitivityOptions): Promise<SensitivityResult> {
  const started = Date.now();
  const method = options.method;
  if (method !== 'morris' && method !== 'sobol') throw new ExperimentInputError(`method must be "morris" or "sobol", found "${String(method)}"`);
  const { binding } = await resolveModel(options.model, scenario);
  const factors = designFactors(binding, options.params);
  const outcomes = [...(options.outcomes ?? designOutcomes(binding))];
  const seed = positiveInt('seed', options.seed, 1, 0);
  const replicates = positiveInt('replicates', options.replicates, 1);
  const bootstrap = positiveInt('bootstrap', options.bootstrap, 1000, 0);
  const designStream = streamFor(['sensitivity-design', method, seed]);
  const bootStream = streamFor(['sensitivity-bootstrap', method, seed]);

  let morris: MorrisDesign | undefined;
  let rowsOfDesign: number[][];
  if (method === 'morris') {
    const r = positiveInt('samples (trajectories)', options.samples, 10);
    const levels = positiveInt('levels', options.levels, 4, 2);
    if (levels % 2 !== 0) throw new ExperimentInputError(`levels (Morris grid levels) must be an even integer ≥ 2, found ${levels}`);
    const candidates = positiveInt('candidates', options.candidates, Math.max(r, Math.min(200, 4 * r)));
    morris = morrisDesign(factors, { trajectories: r, levels, candidates }, designStream);
    rowsOfDesign = morris.points;
  } else {
    const n = positiveInt('samples (base sample N)', options.samples, 256, 2);
    rowsOfDesign = saltelliDesign(factors, { n }, designStream).points;
  }
  const effectOf = options.effectOf;
  const warnings: string[] = [];
  if (effectOf) {
    if (effectOf.name === scenario.name) throw new ExperimentInputError(`effectOf: the pathway "${effectOf.name}" has the baseline's name; give the scenario whose effect to analyse`);
    const pairing = checkPairing([scenario, { ...effectOf, seed: scenario.seed, crn: true }], scenario.name, options.allowMismatch);
    if (pairing.problems.length) throw new ExperimentInputError(pairing.problems);
    warnings.push(...pairing.warnings);
  }
  const points = designPoints(binding, scenario, factors, rowsOfDesign, replicates, effectOf);
  const {
    params: _p, samples: _s, outcomes: _o, levels: _l, candidates: _c, bootstrap: _b, seed: _seed, replicates: _r, method: _m,
    effectOf: _e, allowMismatch: _a, ...runOptions
  } = options;
  const run = await runDesign(points, { ...runOptions, outcomes });
  const files = [...run.experiment.files];
  const rows: SensitivityRow[] = [];
  const effect_of = effectOf?.name ?? null;
  const values = run.values ? designOutputs(run.values, rowsOfDesign.length, !!effectOf) : undefined;
  if (values) {
    for (const o of outcomes) {
      const y = values[o];
      if (morris) rows.push(...morrisRows(morris, o, y, bootstrap, bootStream, effect_of));
      else {
        const design = { factors: factors.map((f) => ({ ...f })), n: rowsOfDesign.length / (factors.length + 2), points: rowsOfDesign };
        for (const x of sobolIndices(design, y, { bootstrap, stream: bootStream })) {
          const ci = bootstrap > 0;
          rows.push({ method, outcome: o, parameter: x.parameter, index: 'S1', value: x.S1, ci_low: ci ? x.S1_low : null, ci_high: ci ? x.S1_high : null, effect_of });
          rows.push({ method, outcome: o, parameter: x.parameter, index: 'ST', value: x.ST, ci_low: ci ? x.ST_low : null, ci_high: ci ? x.ST_high : null, effect_of });
        }
      }
    }
  }
  if (options.outDir) {
    const records: OutputRecords = {};
    const designPath = join(options.outDir, 'design.csv');
    records['design.csv'] = await writeFileDurable(designPath, designCsv(factors, rowsOfDesign));
    files.push(designPath);
    if (run.values) {
      const path = join(options.outDir, 'sensitivity.csv');
      records['sensitivity.csv'] = await writeFileDurable(path, sensitivityCsv(rows));
      files.push(path);
    }
    await recordOutputs(options.outDir, records);
  }
  return {
    method,
    factors,
    outcomes: run.outcomes,
    points: points.length,
    ...(effectOf ? { effectOf: effectOf.name } : {}),
    rows,
    values,
    computed: run.computed,
    skipped: run.skipped,
    seconds: (Date.now() - started) / 1000,
    files,
    warnings,
  };
}

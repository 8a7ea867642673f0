/**
 * The 2010 → 2024 hindcast of the talent model: the `hindcast-2010` scenario run at parameter points
 * through the experiment engine's design runs (workers, durable parts, resume, shards, progress), every
 * replicate's hindcast statistics computed from its yearly metrics, and the comparison of the simulated
 * means with the targets (`hindcast`: one row per target, `talentsim hindcast`). The calibration's
 * simulator (`hindcastEvaluator`) is the same path.
 */
import { existsSync } from 'node:fs';
import type { ExperimentProgress } from '../../experiment/experiment.js';
import { partPath } from '../../experiment/layout.js';
import type { EvaluatePoints, ParameterPoint, SimulatedPoint } from '../../experiment/calibration/history-matching.js';
import { implausibility } from '../../experiment/calibration/implausibility.js';
import type { PosteriorSample } from '../../experiment/calibration/posterior.js';
import { simulatedSummary } from '../../experiment/calibration/calibration-report.js';
import { ExperimentInputError } from '../../experiment/errors.js';
import { designScenario, runDesign, type DesignPoint, type ReplicateStatistics } from '../../experiment/design-runs.js';
import type { Shard } from '../../experiment/shard.js';
import { StreamFactory } from '../../core/random.js';
import type { Scenario } from '../../scenario/types.js';
import { talentBinding } from '../binding.js';
import { calibrationTarget, checkTargetYears, HINDCAST_TARGETS, hindcastMetrics, type HindcastTarget } from './hindcast-targets.js';

/** The hindcast statistics of one replicate, for the engine's design runs. */
export function hindcastStatistics(targets: readonly HindcastTarget[] = HINDCAST_TARGETS): ReplicateStatistics {
  return {
    names: targets.map((t) => t.name),
    metrics: hindcastMetrics(targets),
    compute: (value) => targets.map((t) => t.statistic(value)),
  };
}

/** Ensemble mean and sample variance (n − 1) of each statistic over the finite replicates of one point. */
export function summarizePoint(stats: Float64Array, names: readonly string[]): SimulatedPoint | null {
  const k = names.length;
  const R = stats.length / k;
  const mean: Record<string, number> = {};
  const variance: Record<string, number> = {};
  let replicates = Infinity;
  names.forEach((name, j) => {
    const xs: number[] = [];
    for (let r = 0; r < R; r++) {
      const x = stats[r * k + j];
      if (Number.isFinite(x)) xs.push(x);
    }
    replicates = Math.min(replicates, xs.length);
    const m = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
    mean[name] = m;
    variance[name] = xs.length > 1 ? xs.reduce((a, b) => a + (b - m) * (b - m), 0) / (xs.length - 1) : 0;
  });
  return replicates >= 1 && Number.isFinite(replicates) ? { replicates, mean, variance } : null;
}

/** Raised by an evaluator running one shard: the shard's parts are written, the wave cannot go on here. */
export class ShardDone extends Error {
  constructor(readonly label: string, readonly computed: number, readonly skipped: number) {
    super(`shard done: ${label}`);
  }
}

/** Options of {@link evaluateHindcast}. */
export interface HindcastRunOptions {
  /** The scenario the points are set on (normally `hindcast-2010`). */
  scenario: Scenario;
  /** Replicates per point. */
  replicates: number;
  /** Targets whose statistics are computed (default: every hindcast target). */
  targets?: readonly HindcastTarget[];
  /** Worker threads (default: every core). */
  workers?: number;
  /** Directory of the points' parts (needed for resume and shards); none: in memory. */
  outDir?: string;
  resume?: boolean;
  /** Run only this shard of the points (needs outDir); the evaluation then throws {@link ShardDone}. */
  shard?: Shard;
  /** Each replicate draws its parameters from this sample (on top of the point). */
  posterior?: PosteriorSample;
  onProgress?: (p: ExperimentProgress) => void;
  /** Unit directory prefix (points are `<prefix>-<index>`), default "point". */
  keyPrefix?: string;
  /** Number of the first point (keys and per-point seeds count from it); default 0. */
  firstIndex?: number;
  /**
   * Give every point its own seed, derived from the scenario's seed and the point's number (default false:
   * every point runs the scenario's seed). A calibration needs this: with one seed, every point's replicates
   * are the same synthetic counties, so the ensemble means share one chance offset that no variance term of
   * the emulators sees (they take run-to-run noise as independent between points).
   */
  seedPerPoint?: boolean;
}

/** The seed of point `index` of a design whose runs each get their own seed (an unsigned 32-bit integer). */
export function pointSeed(baseSeed: number, index: number): number {
  return Math.floor(new StreamFactory(['hindcast-point-seed', baseSeed >>> 0]).stream(index).next() * 4294967296) >>> 0;
}

/**
 * Runs `scenario` at every point (`talentBinding.atPoint`: validated like a scenario file) with R
 * replicates through the engine's design runs and returns each point's statistics (mean and variance over
 * its replicates), or null for a point with no complete replicate.
 */
export async function evaluateHindcast(points: readonly ParameterPoint[], o: HindcastRunOptions): Promise<(SimulatedPoint | null)[]> {
  const targets = o.targets ?? HINDCAST_TARGETS;
  const problems = checkTargetYears(targets, o.scenario.startYear, o.scenario.years);
  if (problems.length) throw new ExperimentInputError(problems.map((p) => `${o.scenario.name}: ${p}`));
  const statistics = hindcastStatistics(targets);
  const prefix = o.keyPrefix ?? 'point';
  const first = o.firstIndex ?? 0;
  const design: DesignPoint[] = points.map((p, i) => {
    const n = first + i;
    const at = o.seedPerPoint ? { ...p, seed: pointSeed(o.scenario.seed, n) } : p;
    return {
      key: `${prefix}-${String(n).padStart(5, '0')}`,
      scenario: { ...designScenario(talentBinding, o.scenario, at), name: `${o.scenario.name}@${prefix}-${n}`, replicates: o.replicates },
      group: i,
    };
  });
  // A shard whose wave is already complete (every part joined from all shards) runs it whole, from the parts.
  const complete = o.shard !== undefined && o.outDir !== undefined && o.resume === true &&
    design.every((d) => Array.from({ length: o.replicates }, (_, r) => existsSync(partPath(o.outDir!, d.key, r))).every(Boolean));
  const run = await runDesign(design, {
    model: talentBinding,
    outcomes: [],
    statistics,
    workers: o.workers,
    outDir: o.outDir,
    resume: o.resume,
    shard: complete ? undefined : o.shard,
    posterior: o.posterior,
    onProgress: o.onProgress,
    writeSeries: false,
  });
  if (!run.replicateStatistics) throw new ShardDone(prefix, run.computed, run.skipped);
  return run.replicateStatistics.map((stats) => summarizePoint(stats, statistics.names));
}

/**
 * The calibration engine's simulator: hindcast points, one design-run directory per wave (`dir/wave-k`,
 * `dir/check`), point n (the engine's run id) with its own seed {@link pointSeed}(scenario seed, n).
 */
export function hindcastEvaluator(o: Omit<HindcastRunOptions, 'outDir' | 'keyPrefix' | 'onProgress' | 'firstIndex' | 'seedPerPoint'> & {
  dir?: string;
  onProgress?: (p: ExperimentProgress & { wave: number; purpose: 'design' | 'representatives' }) => void;
}): EvaluatePoints {
  return async (points, request) => {
    const sub = request.purpose === 'design' ? `wave-${request.wave}` : 'check';
    return evaluateHindcast(points, {
      ...o,
      outDir: o.dir ? `${o.dir}/${sub}` : undefined,
      keyPrefix: request.purpose === 'design' ? `run` : 'check',
      firstIndex: request.firstRun,
      seedPerPoint: true,
      onProgress: o.onProgress ? (p) => o.onProgress!({ ...p, wave: request.wave, purpose: request.purpose }) : undefined,
    });
  };
}

/** One row of `talentsim hindcast`: a target against the simulated mean. */
export interface HindcastRow extends Pick<HindcastTarget, 'name' | 'description' | 'source' | 'use'> {
  /** The tolerance: z ± 3 sqrt(V_obs + V_disc) (the calibration's cut-off without the ensemble term). */
  low: number;
  high: number;
  /** The observation z and its stated interval. */
  observed: number;
  obs_low: number;
  obs_high: number;
  discrepancy_sd: number;
  /** Mean over replicates and its 95% t interval. */
  simulated: number;
  ci_low: number;
  ci_high: number;
  replicates: number;
  /** |z − mean| / sqrt(V_obs + V_disc + V_ens/R), as the calibration computes it. */
  implausibility: number;
  /** low ≤ simulated ≤ high. */
  ok: boolean;
}

/** The rows of {@link hindcast} for one simulated point. */
export function hindcastRows(point: SimulatedPoint | null, targets: readonly HindcastTarget[] = HINDCAST_TARGETS): HindcastRow[] {
  return targets.map((t) => {
    const ct = calibrationTarget(t);
    const sd = Math.sqrt(ct.observationVariance + ct.discrepancyVariance);
    const low = ct.observed - 3 * sd;
    const high = ct.observed + 3 * sd;
    const s = point ? simulatedSummary(point, t.name) : { mean: NaN, ci_low: NaN, ci_high: NaN, replicates: 0, variance: NaN };
    const impl = point ? implausibility(ct, { mean: s.mean, variance: s.variance, replicates: s.replicates }, 'ensemble-mean') : Infinity;
    return {
      name: t.name, description: t.description, source: t.source, use: t.use, low, high,
      observed: ct.observed, obs_low: t.low, obs_high: t.high, discrepancy_sd: t.discrepancySd,
      simulated: s.mean, ci_low: s.ci_low, ci_high: s.ci_high, replicates: s.replicates,
      implausibility: impl, ok: Number.isFinite(s.mean) && s.mean >= low && s.mean <= high,
    };
  });
}

/** Options of {@link hindcast}. */
export interface HindcastOptions extends Omit<HindcastRunOptions, 'keyPrefix'> {
  /** Parameter values to run at (on top of the scenario's); default none. */
  point?: ParameterPoint;
}

/** Runs the hindcast scenario (at `point`, or with each replicate's posterior draw) and compares it with every target. */
export async function hindcast(o: HindcastOptions): Promise<HindcastRow[]> {
  const [point] = await evaluateHindcast([o.point ?? {}], { ...o, keyPrefix: 'hindcast' });
  return hindcastRows(point, o.targets ?? HINDCAST_TARGETS);
}

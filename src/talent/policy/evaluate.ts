/**
 * Evaluating policy candidates through the engine's design machinery: every candidate scenario runs on every
 * parameter draw for replicates 0..R−1 from one seed, with common random numbers, as design points of
 * `runDesign` (so workers, durable parts and resume are the engine's). Observation `d·R + r` of two
 * candidates is a paired comparison: the same county, random streams and parameter draw. What comes back is
 * each observation's horizon outcomes and the yearly means of spend metrics.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ModelBinding } from '../../experiment/binding.js';
import { designScenario, runDesign, type DesignPoint } from '../../experiment/design-runs.js';
import { ExperimentInputError } from '../../experiment/errors.js';
import type { ExperimentProgress } from '../../experiment/experiment.js';
import type { Shard } from '../../experiment/shard.js';
import { pairedDifference, summarize } from '../../experiment/statistics.js';
import type { Scenario } from '../../scenario/types.js';
import { leverCostMetricName } from '../../model/metrics.js';
import type { CostLevel, LeverName } from '../../model/levers.js';
import type { LeverSettings } from './mix.js';

/** One scenario to evaluate, with a directory key unique in its batch. */
export interface PolicyCandidate {
  key: string;
  scenario: Scenario;
}

/** Run settings every policy-design analysis takes: worker threads, the output directory, resume, progress, the command line. */
export interface PolicyRunSettings {
  workers?: number;
  /** Directory of the parts and outputs (resume reuses the parts). */
  outDir?: string;
  resume?: boolean;
  onProgress?: (p: ExperimentProgress) => void;
  /** The command line, recorded in manifests. */
  command?: string;
}

/** What the analyses (dose-response, frontier, portfolio) add to the run settings: the cost level and progress notes. */
export interface PolicyDesignSettings extends PolicyRunSettings {
  /** Unit-cost level of the levers (default 'default'). */
  costs?: CostLevel;
  /** Called with a line of text as the analysis advances. */
  onNote?: (line: string) => void;
}

/** How candidates are evaluated. */
export interface EvaluationSettings extends PolicyRunSettings {
  /** The binding to run (the policy binding for spend and type metrics). */
  model: ModelBinding;
  /** Replicates per candidate and draw. */
  replicates: number;
  /** Run seed of every candidate (CRN pairs candidates by replicate). */
  seed: number;
  /** Parameter sets to run each candidate on (overrides); default one draw: the scenario's own parameters. */
  draws?: readonly Readonly<Record<string, number>>[];
  /** Outcomes read at the horizon. */
  outcomes: readonly string[];
  /** Metrics averaged over the simulated years 1..T (spend). */
  yearly?: readonly string[];
  /** Run only shard K/N of the points (needs `outDir`); nothing is measured then (empty evaluation). */
  shard?: Shard;
}

/** What {@link evaluateCandidates} measured: per metric and candidate, one value per observation (d·R + r); empty for a shard. */
export interface Evaluation {
  /** Observations per candidate (draws × replicates). */
  n: number;
  horizon: Record<string, Float64Array[]>;
  yearlyMean: Record<string, Float64Array[]>;
  computed: number;
  skipped: number;
}

/** A short content key (for directory names): 12 hex digits of SHA-256. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Runs every candidate on every draw (see the module comment). */
export async function evaluateCandidates(candidates: readonly PolicyCandidate[], s: EvaluationSettings): Promise<Evaluation> {
  if (candidates.length === 0) throw new ExperimentInputError('no candidates to evaluate');
  const draws = s.draws?.length ? s.draws : [{}];
  const R = s.replicates;
  const points: DesignPoint[] = [];
  draws.forEach((draw, d) => {
    for (const c of candidates) {
      const base: Scenario = { ...c.scenario, seed: s.seed, replicates: R };
      const scenario = Object.keys(draw).length ? designScenario(s.model, base, draw) : base;
      points.push({ key: `d${String(d).padStart(3, '0')}-${c.key}`, scenario: { ...scenario, name: `${c.scenario.name}@${d}`, replicates: R }, group: points.length });
    }
  });
  const yearly = s.yearly ?? [];
  const outcomes = [...new Set([...s.outcomes, ...yearly])];
  const run = await runDesign(points, {
    model: s.model, outcomes, workers: s.workers, outDir: s.outDir, resume: s.resume, onProgress: s.onProgress, command: s.command, shard: s.shard,
  });
  if (!run.replicateValues) return { n: 0, horizon: {}, yearlyMean: {}, computed: run.computed, skipped: run.skipped };
  const years = candidates[0].scenario.years;
  const n = draws.length * R;
  const horizon: Record<string, Float64Array[]> = {};
  const yearlyMean: Record<string, Float64Array[]> = {};
  for (const o of s.outcomes) horizon[o] = candidates.map(() => new Float64Array(n));
  for (const o of yearly) yearlyMean[o] = candidates.map(() => new Float64Array(n));
  draws.forEach((_, d) => {
    candidates.forEach((_, c) => {
      const p = d * candidates.length + c;
      for (const o of s.outcomes) horizon[o][c].set(run.replicateValues!(o, p), d * R);
      for (const o of yearly) {
        const acc = new Float64Array(R);
        for (let t = 1; t <= years; t++) {
          const v = run.replicateValues!(o, p, t);
          for (let r = 0; r < R; r++) acc[r] += v[r] / years;
        }
        yearlyMean[o][c].set(acc, d * R);
      }
    });
  });
  return { n, horizon, yearlyMean, computed: run.computed, skipped: run.skipped };
}

/** Mean of each observation's values (finite ones). */
export function mean(x: ArrayLike<number>): number {
  return summarize(x).mean;
}

/** A mean with its 95% t interval. */
export interface Estimate {
  mean: number;
  ci_low: number;
  ci_high: number;
}

/** Mean and 95% interval of observations. */
export function estimate(x: ArrayLike<number>): Estimate {
  const s = summarize(x);
  return { mean: s.mean, ci_low: s.ci_low, ci_high: s.ci_high };
}

/** Paired difference a − b (same observations) with its 95% interval. */
export function pairedEstimate(a: ArrayLike<number>, b: ArrayLike<number>): Estimate {
  const d = pairedDifference(a, b);
  return { mean: d.diff, ci_low: d.diff_ci_low, ci_high: d.diff_ci_high };
}

/** Names of the per-lever spend metrics of some levers. */
export function spendMetrics(levers: readonly LeverName[]): string[] {
  return levers.map(leverCostMetricName);
}

/**
 * Spend per village and year of one candidate, by lever and in total, from an evaluation that measured
 * `policy_cost` and the levers' spend metrics yearly (county yuan per year ÷ villages).
 */
export function measuredSpend(e: Evaluation, c: number, levers: readonly LeverName[], villages: number): { total: number; byLever: LeverSettings } {
  const byLever: LeverSettings = {};
  for (const l of levers) {
    const m = e.yearlyMean[leverCostMetricName(l)];
    if (m) byLever[l] = mean(m[c]) / villages;
  }
  return { total: mean(e.yearlyMean.policy_cost[c]) / villages, byLever };
}

/** A batch directory under `root` (undefined without one). */
export function batchDir(root: string | undefined, ...parts: string[]): string | undefined {
  return root ? join(root, ...parts) : undefined;
}

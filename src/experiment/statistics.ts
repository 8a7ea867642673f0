/**
 * Replicate statistics for comparing scenarios: the mean of a metric with its t interval, the paired
 * (same replicate, common random numbers) difference against a baseline, and the comparison table
 * built from tidy series rows. Pure functions; non-finite values are ignored so every output is finite.
 */
import { lazyRequire } from '../core/lazy-require.js';
import type { Direction } from '../core/metrics.js';
import type { SeriesRow } from '../core/rows.js';
import type { ComparisonRow } from './types.js';

/**
 * Which direction of a metric counts as better. `undefined` is read as 'higher' (the share strictly
 * higher); 'none' (a cost, a population count) has no better side, so its `p_better` is NaN (an empty
 * cell in comparison.csv), never a share.
 */
export type Better = Direction;

/** Options of {@link summarize} and {@link pairedDifference}. */
export interface SummaryOptions {
  /** Two-sided confidence level of the t interval, in (0, 1); default 0.95. */
  confidence?: number;
}

/** Sample summary of replicate values. */
export interface Summary {
  /** Number of finite values used. */
  n: number;
  /** Sample mean (0 when n = 0). */
  mean: number;
  /** Sample standard deviation with n − 1 in the denominator (0 when n < 2). */
  sd: number;
  /** Lower end of the t interval of the mean ([mean, mean] when n < 2). */
  ci_low: number;
  /** Upper end of the t interval of the mean. */
  ci_high: number;
}

/** Paired difference scenario − baseline. */
export interface PairedDifference {
  /** Mean of the paired differences (0 when there are no pairs). */
  diff: number;
  /** Lower end of the t interval of the mean difference. */
  diff_ci_low: number;
  /** Upper end of the t interval of the mean difference. */
  diff_ci_high: number;
  /**
   * Share of pairs in which the scenario is strictly better than the baseline (0 when there are no pairs);
   * NaN for a metric without a direction ('none').
   */
  p_better: number;
}

/** Options of {@link compare}. */
export interface CompareOptions {
  /** Name of the baseline scenario; it must appear in the rows. */
  baseline: string;
  /** Direction of each metric (undefined: counted as 'higher'; 'none': no `p_better`). */
  better: (metric: string) => Better | undefined;
  /** Confidence level of all intervals; default 0.95. */
  confidence?: number;
}

const DEFAULT_CONFIDENCE = 0.95;

/** The Student t quantile function (p, df) of @stdlib/stats-base-dists-t-quantile. */
export type TQuantile = (p: number, df: number) => number;

/**
 * @stdlib's t quantile, loaded on the first interval (≈0.13 s of start-up otherwise: a tree of small
 * CommonJS files; a one-replicate run never needs it). Outside Node it is given by {@link useTQuantile}.
 */
let tQuantile: TQuantile | undefined;

/** Gives the statistics their t quantile function (for runtimes without Node's `require`). */
export function useTQuantile(f: TQuantile): void {
  tQuantile = f;
}

function quantileT(p: number, df: number): number {
  tQuantile ??= lazyRequire('@stdlib/stats-base-dists-t-quantile') as TQuantile | undefined;
  if (!tQuantile) throw new Error('t intervals need @stdlib/stats-base-dists-t-quantile: call useTQuantile() first outside Node >= 20.16');
  return tQuantile(p, df);
}

/** Half-width multiplier of a two-sided t interval: the (1 + c)/2 quantile of Student t with `df` degrees. */
export function tCritical(df: number, confidence = DEFAULT_CONFIDENCE): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (!(df >= 1)) throw new RangeError(`degrees of freedom must be >= 1, got ${df}`);
  return quantileT((1 + confidence) / 2, df);
}

function finiteValues(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return out;
}

function allEqual(x: readonly number[]): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}

/**
 * The mean of finite values, summed left to right then divided by n: the same operations, in the same
 * order, as mathjs's `mean` on numbers (which this replaces so that the statistics do not load mathjs;
 * test/experiment/statistics-mathjs.test.ts checks bit-for-bit equality).
 */
function mean(x: readonly number[]): number {
  let sum = x[0];
  for (let i = 1; i < x.length; i++) sum += x[i];
  return sum / x.length;
}

/** The sample SD (n − 1, n ≥ 2) about `m`, exactly as mathjs's `std(x, 'unbiased')` computes it on numbers. */
function sampleSd(x: readonly number[], m: number): number {
  let d = x[0] - m;
  let sum = d * d;
  for (let i = 1; i < x.length; i++) {
    d = x[i] - m;
    sum += d * d;
  }
  return Math.sqrt(sum / (x.length - 1));
}

/**
 * Mean, sample SD (n − 1) and t interval of the mean of `values` (non-finite values are skipped).
 * n = 0 gives all zeros; n = 1 (or all values equal) gives sd 0 and the interval [mean, mean] exactly.
 */
export function summarize(values: ArrayLike<number>, options: SummaryOptions = {}): Summary {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const x = finiteValues(values);
  const n = x.length;
  if (n === 0) return { n: 0, mean: 0, sd: 0, ci_low: 0, ci_high: 0 };
  if (allEqual(x)) return { n, mean: x[0], sd: 0, ci_low: x[0], ci_high: x[0] };
  const m = mean(x);
  const sd = sampleSd(x, m);
  const half = tCritical(n - 1, confidence) * (sd / Math.sqrt(n));
  const out = { n, mean: m, sd, ci_low: m - half, ci_high: m + half };
  // Guard against overflow (e.g. values near ±Number.MAX_VALUE): keep the promise that outputs are finite.
  if (!Number.isFinite(out.mean) || !Number.isFinite(out.sd) || !Number.isFinite(half)) {
    throw new RangeError('summarize: values too large for a finite mean/SD');
  }
  return out;
}

/**
 * Mean paired difference `scenario[i] − baseline[i]` with its t interval, and the share of pairs where
 * the scenario is strictly better ('higher' or undefined: strictly greater; 'lower': strictly smaller;
 * 'none': NaN, as such a metric has no better side). Pairs with a non-finite member are dropped.
 * Identical inputs give exactly 0, [0, 0] and 0.
 */
export function pairedDifference(
  scenario: ArrayLike<number>,
  baseline: ArrayLike<number>,
  better?: Better,
  options: SummaryOptions = {},
): PairedDifference {
  if (scenario.length !== baseline.length) {
    throw new RangeError(`pairedDifference: ${scenario.length} scenario values but ${baseline.length} baseline values`);
  }
  const d: number[] = [];
  let wins = 0;
  for (let i = 0; i < scenario.length; i++) {
    const s = scenario[i];
    const b = baseline[i];
    if (!Number.isFinite(s) || !Number.isFinite(b)) continue;
    d.push(s - b);
    if (better === 'lower' ? s < b : s > b) wins++;
  }
  const sum = summarize(d, options);
  return {
    diff: sum.mean,
    diff_ci_low: sum.ci_low,
    diff_ci_high: sum.ci_high,
    p_better: better === 'none' ? NaN : d.length === 0 ? 0 : wins / d.length,
  };
}

/**
 * The comparison table: one row per scenario × metric × year (scenarios, then metrics in order of first
 * appearance, years ascending), each scenario paired with the baseline by replicate number. The numbers do
 * not depend on row order (values are taken in replicate order). The baseline's own rows and a cell the
 * baseline lacks entirely get NaN differences (written as empty cells: not applicable, not zero). Throws if
 * the baseline is absent or a (scenario, metric, year, replicate) repeats.
 */
export function compare(rows: readonly SeriesRow[], options: CompareOptions): ComparisonRow[] {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const scenarios: string[] = [];
  const metrics: string[] = [];
  const seenScenario = new Set<string>();
  const seenMetric = new Set<string>();
  // scenario -> metric -> year -> replicate -> value
  const cells = new Map<string, Map<string, Map<number, Map<number, number>>>>();
  for (const r of rows) {
    if (!seenScenario.has(r.scenario)) { seenScenario.add(r.scenario); scenarios.push(r.scenario); }
    if (!seenMetric.has(r.metric)) { seenMetric.add(r.metric); metrics.push(r.metric); }
    let byMetric = cells.get(r.scenario);
    if (!byMetric) cells.set(r.scenario, (byMetric = new Map()));
    let byYear = byMetric.get(r.metric);
    if (!byYear) byMetric.set(r.metric, (byYear = new Map()));
    let byRep = byYear.get(r.year);
    if (!byRep) byYear.set(r.year, (byRep = new Map()));
    if (byRep.has(r.replicate)) {
      throw new Error(
        `compare: duplicate row for scenario "${r.scenario}", metric "${r.metric}", year ${r.year}, replicate ${r.replicate}`,
      );
    }
    byRep.set(r.replicate, r.value);
  }
  const base = cells.get(options.baseline);
  if (!base) throw new Error(`compare: baseline scenario "${options.baseline}" has no rows`);

  const out: ComparisonRow[] = [];
  for (const scenario of scenarios) {
    const byMetric = cells.get(scenario)!;
    for (const metric of metrics) {
      const byYear = byMetric.get(metric);
      if (!byYear) continue;
      const better = options.better(metric);
      const years = [...byYear.keys()].sort((a, b) => a - b);
      for (const year of years) {
        const byRep = byYear.get(year)!;
        const reps = [...byRep.keys()].sort((a, b) => a - b);
        const values = reps.map((k) => byRep.get(k)!);
        const s = summarize(values, { confidence });
        const baseRep = base.get(metric)?.get(year);
        let d: PairedDifference;
        if (!baseRep || scenario === options.baseline) {
          d = { diff: NaN, diff_ci_low: NaN, diff_ci_high: NaN, p_better: NaN };
        } else {
          const paired = reps.filter((k) => baseRep.has(k));
          d = pairedDifference(
            paired.map((k) => byRep.get(k)!),
            paired.map((k) => baseRep.get(k)!),
            better,
            { confidence },
          );
        }
        out.push({ scenario, metric, year, n: s.n, mean: s.mean, sd: s.sd, ci_low: s.ci_low, ci_high: s.ci_high, ...d });
      }
    }
  }
  return out;
}

/**
 * Which scenario leads on an outcome, and whether it can be told apart from the runner-up. The comparison
 * rows give each scenario's paired difference from the baseline; the difference between two non-baseline
 * scenarios is computed here from the replicate values the report reads (series.csv at the horizon): the
 * same replicate number under both scenarios is one pair — with common random numbers they share their
 * random numbers, as each scenario shares them with the baseline — and the mean of the pairs gets the
 * engine's t interval (`pairedDifference`). A scenario is the leader only when that interval excludes zero.
 */
import type { SeriesRow } from '../core/rows.js';
import { pairedDifference, type PairedDifference } from '../experiment/statistics.js';
import type { ComparisonRow } from '../experiment/types.js';

/** Replicate values of one metric at one year, by scenario then replicate number. */
export type ReplicateValues = Map<string, Map<number, number>>;

/** The replicate values of `metric` in `year` (non-finite values dropped). */
export function replicateValues(series: readonly SeriesRow[], metric: string, year: number): ReplicateValues {
  const out: ReplicateValues = new Map();
  for (const r of series) {
    if (r.metric !== metric || r.year !== year || !Number.isFinite(r.value)) continue;
    let byRep = out.get(r.scenario);
    if (!byRep) out.set(r.scenario, (byRep = new Map()));
    byRep.set(r.replicate, r.value);
  }
  return out;
}

/** Paired difference a − b over the replicates both have (all NaN when they share fewer than two). */
export function pairedBetween(a: ReadonlyMap<number, number> | undefined, b: ReadonlyMap<number, number> | undefined): PairedDifference {
  const reps = a && b ? [...a.keys()].filter((k) => b.has(k)).sort((x, y) => x - y) : [];
  if (reps.length < 2) return { diff: NaN, diff_ci_low: NaN, diff_ci_high: NaN, p_better: NaN };
  return pairedDifference(reps.map((k) => a!.get(k)!), reps.map((k) => b!.get(k)!), 'higher');
}

/** True when the interval lies wholly on one side of zero. */
export function excludesZero(low: number, high: number): boolean {
  return (Number.isFinite(low) && low > 0) || (Number.isFinite(high) && high < 0);
}

/** The ranking of the non-baseline scenarios on one outcome. */
export interface OutcomeRanking {
  /** Comparison rows of the non-baseline scenarios, best first (in the outcome's direction). */
  ranked: ComparisonRow[];
  /** The leader's paired difference from the runner-up (leader − runner-up); absent with one scenario. */
  lead?: PairedDifference;
  /** The scenarios that cannot be told from the leader (the leader first, then in rank order). */
  tied: string[];
}

/**
 * Ranks the scenarios other than `baseline` on `metric` at `year` by their paired difference from the
 * baseline (times `direction`, +1 higher is better, −1 lower), and compares the leader with every other
 * scenario, paired by replicate: `tied` holds those whose difference from the leader has an interval that
 * includes zero. `values` transforms the replicate values first (e.g. per million yuan); default as read.
 */
export function rankOutcome(
  comparison: readonly ComparisonRow[],
  series: readonly SeriesRow[],
  metric: string,
  year: number,
  baseline: string | undefined,
  direction: 1 | -1,
  values?: (scenario: string, byReplicate: ReadonlyMap<number, number>) => ReadonlyMap<number, number>,
): OutcomeRanking {
  const ranked = comparison
    .filter((r) => r.metric === metric && r.year === year && r.scenario !== baseline && Number.isFinite(r.diff))
    .sort((a, b) => direction * b.diff - direction * a.diff);
  if (ranked.length < 2) return { ranked, tied: ranked.map((r) => r.scenario) };
  const raw = replicateValues(series, metric, year);
  const at = (s: string) => {
    const v = raw.get(s);
    return v && values ? values(s, v) : v;
  };
  const leader = ranked[0].scenario;
  const vs = (s: string) => {
    const d = pairedBetween(at(leader), at(s));
    return { diff: direction * d.diff, low: direction * (direction > 0 ? d.diff_ci_low : d.diff_ci_high), d };
  };
  const lead = vs(ranked[1].scenario).d;
  // A scenario is tied with the leader unless their difference is distinguishably in the leader's favour.
  const tied = [leader, ...ranked.slice(1).map((r) => r.scenario).filter((s) => !(vs(s).low > 0))];
  return { ranked, lead, tied };
}

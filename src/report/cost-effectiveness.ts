/** Outcome gained per million yuan spent: paired difference at the horizon ÷ extra cumulative policy cost. */
import type { SeriesRow } from '../core/rows.js';
import type { ComparisonRow } from '../experiment/types.js';
import { mean } from './aggregate.js';
import { horizonYear } from './charts/horizon.js';

/** What to compute cost-effectiveness for. */
export interface CostEffectivenessOptions {
  /** Horizon year (default: the latest year in the comparison rows). Costs are summed over years ≤ it. */
  year?: number;
  /** Outcome metrics (default: members_full and succession_ready_share). */
  outcomes?: readonly string[];
  /** Reference scenario (default "baseline"); its cost is subtracted. */
  baseline?: string;
}

/** One pathway's outcome gained per million yuan. */
export interface CostEffectivenessRow {
  scenario: string;
  metric: string;
  year: number;
  /** Paired difference from baseline at the horizon and its 95% interval. */
  diff: number;
  diff_ci_low: number;
  diff_ci_high: number;
  /** Mean cumulative policy cost minus baseline's, in millions of yuan. */
  cost_million: number;
  /** diff ÷ cost_million, and the interval ends divided likewise (cost taken as fixed at its mean). */
  per_million: number;
  per_million_low: number;
  per_million_high: number;
}

/** Mean over replicates of cumulative policy_cost (yuan) over years ≤ `year`, per scenario. */
export function cumulativeCost(series: readonly SeriesRow[], year: number): Map<string, number> {
  const sums = new Map<string, Map<number, number>>();
  for (const r of series) {
    if (r.metric !== 'policy_cost' || r.year > year || !Number.isFinite(r.value)) continue;
    let byRep = sums.get(r.scenario);
    if (!byRep) sums.set(r.scenario, (byRep = new Map()));
    byRep.set(r.replicate, (byRep.get(r.replicate) ?? 0) + r.value);
  }
  return new Map([...sums].map(([s, byRep]) => [s, mean([...byRep.values()])] as const));
}

/**
 * Outcome gained per million yuan of extra spending, per scenario and outcome. Scenarios whose extra
 * cumulative cost is not positive (nothing spent) are left out: the ratio means nothing there.
 */
export function costEffectiveness(
  comparison: readonly ComparisonRow[],
  series: readonly SeriesRow[],
  options?: CostEffectivenessOptions,
): CostEffectivenessRow[] {
  const year = options?.year ?? horizonYear(comparison);
  const outcomes = options?.outcomes ?? ['members_full', 'succession_ready_share'];
  const baseline = options?.baseline ?? 'baseline';
  const costs = cumulativeCost(series, year);
  const baseCost = costs.get(baseline) ?? 0;
  const out: CostEffectivenessRow[] = [];
  for (const metric of outcomes) {
    for (const r of comparison) {
      if (r.metric !== metric || r.year !== year || r.scenario === baseline) continue;
      const cost = costs.get(r.scenario);
      if (cost === undefined) continue;
      const costMillion = (cost - baseCost) / 1e6;
      if (!(costMillion > 0)) continue;
      out.push({
        scenario: r.scenario, metric, year,
        diff: r.diff, diff_ci_low: r.diff_ci_low, diff_ci_high: r.diff_ci_high,
        cost_million: costMillion,
        per_million: r.diff / costMillion,
        per_million_low: r.diff_ci_low / costMillion,
        per_million_high: r.diff_ci_high / costMillion,
      });
    }
  }
  return out;
}

/** A short plain-language reading of the comparison: which pathway did best on what, with its interval. */
import type { SeriesRow } from '../core/rows.js';
import type { ComparisonRow } from '../experiment/types.js';
import { horizonYear } from './charts/horizon.js';
import { costEffectiveness } from './cost-effectiveness.js';
import { formatDiff, formatInterval, formatNumber, formatPercent } from './format.js';
import { metricPhrase, reportOutcomes, scenarioLabel, TALENT_CATALOG, type MetricCatalog } from './metric-info.js';

/** What to read. */
export interface ReadingOptions {
  /** Year to read at (default: the latest year in the rows). */
  year?: number;
  /** Metrics, one sentence each (default: the report's main outcomes with a direction). */
  metrics?: readonly string[];
  /** Metric facts (default: the talent model's). */
  catalog?: MetricCatalog;
  /** Reference scenario (default "baseline"). */
  baseline?: string;
  /** Series rows: when given, adds a sentence on cost-effectiveness from policy_cost. */
  series?: readonly SeriesRow[];
}

/**
 * One sentence per metric naming the scenario with the best paired difference from baseline, e.g.
 * "Benefit incentives raised full members most by 2055: +12.3 persons (95% CI 8.1 to 16.5) over
 * baseline, better in 92% of replicates." Plain text; escape before putting it in HTML.
 */
export function readingOf(comparison: readonly ComparisonRow[], options?: ReadingOptions): string[] {
  const year = options?.year ?? horizonYear(comparison);
  const baseline = options?.baseline ?? 'baseline';
  const catalog = options?.catalog ?? TALENT_CATALOG;
  const metrics = options?.metrics ?? reportOutcomes(catalog);
  const out: string[] = [];
  for (const metric of metrics) {
    const dir = catalog.info(metric).direction;
    if (dir === 0) continue;
    const rows = comparison.filter((r) => r.metric === metric && r.year === year && r.scenario !== baseline && Number.isFinite(r.diff));
    if (rows.length === 0) continue;
    const best = rows.reduce((a, b) => (dir * b.diff > dir * a.diff ? b : a));
    const ci = `(95% CI ${formatInterval(metric, best.diff_ci_low, best.diff_ci_high, catalog)})`;
    const better = `better in ${formatPercent(best.p_better)} of replicates`;
    const who = scenarioLabel(best.scenario);
    if (dir * best.diff > 0) {
      const verb = best.diff > 0 ? 'raised' : 'lowered';
      const unsure = best.diff_ci_low <= 0 && best.diff_ci_high >= 0 ? ' The interval includes zero, so this may be chance.' : '';
      out.push(`${who} ${verb} ${metricPhrase(metric, catalog)} most by ${year}: ${formatDiff(metric, best.diff, true, catalog)} ${ci} over ${baseline}, ${better}.${unsure}`);
    } else {
      out.push(`No scenario improved ${metricPhrase(metric, catalog)} over ${baseline} by ${year}; the least unfavourable was ${who}: ${formatDiff(metric, best.diff, true, catalog)} ${ci}, ${better}.`);
    }
  }
  if (options?.series) {
    const ce = costEffectiveness(comparison, options.series, { year, baseline, outcomes: ['members_full'] });
    if (ce.length > 0) {
      const best = ce.reduce((a, b) => (b.per_million > a.per_million ? b : a));
      out.push(
        `Per million yuan of extra spending, ${scenarioLabel(best.scenario)} added the most full members: ` +
          `${formatNumber(best.per_million, 2, true)} per million yuan (${formatNumber(best.cost_million, 1)} million yuan more than ${baseline} over the run).`,
      );
    }
  }
  return out;
}

/**
 * A short plain-language reading of the comparison, in the report's language: per outcome, which scenario
 * leads and whether it can be told apart from the runner-up (paired difference, see paired.ts) — "most"
 * only when it can, otherwise "A and B are indistinguishable" with the interval — and the same for the
 * outcome gained per million yuan. The baseline is the comparison's, never described as a pathway.
 */
import type { SeriesRow } from '../core/rows.js';
import type { ComparisonRow } from '../experiment/types.js';
import { horizonYear } from './charts/horizon.js';
import { costEffectiveness } from './cost-effectiveness.js';
import { formatDiff, formatInterval, formatNumber, formatPercent, formatSize } from './format.js';
import { messagesFor, type EffectFacts, type LeadFacts, type Messages } from './i18n/index.js';
import { metricPhrase, reportOutcomes, TALENT_CATALOG, type MetricCatalog } from './metric-info.js';
import { excludesZero, rankOutcome, replicateValues } from './paired.js';

/** What to read. */
export interface ReadingOptions {
  /** Year to read at (default: the latest year in the rows). */
  year?: number;
  /** Metrics, one sentence each (default: the report's main outcomes with a direction). */
  metrics?: readonly string[];
  /** Metric facts, in the language of the reading (default: the talent model's, English). */
  catalog?: MetricCatalog;
  /** The comparison's baseline (default "baseline"). */
  baseline?: string;
  /**
   * Series rows: the replicate values that pair two non-baseline scenarios (without them leaders are
   * not told apart from runners-up and read as tied); also adds the sentence on cost-effectiveness.
   */
  series?: readonly SeriesRow[];
  /** Display names of scenarios (default: the names). */
  label?: (scenario: string) => string;
}

/** What one sentence is built from. */
interface Ctx {
  year: number;
  baseline: string;
  catalog: MetricCatalog;
  m: Messages;
  label: (s: string) => string;
  series: readonly SeriesRow[];
}

function facts(r: ComparisonRow, metric: string, c: Ctx): EffectFacts {
  const dir = c.catalog.info(metric).direction;
  return {
    year: c.year,
    scenario: c.label(r.scenario),
    baseline: c.label(c.baseline),
    phrase: metricPhrase(metric, c.catalog),
    diff: formatDiff(metric, r.diff, true, c.catalog),
    size: formatSize(metric, r.diff, c.catalog),
    interval: formatInterval(metric, r.diff_ci_low, r.diff_ci_high, c.catalog),
    ...(dir !== 0 && Number.isFinite(r.p_better) ? { better: formatPercent(r.p_better) } : {}),
    change: r.diff > 0 ? 'raised' : 'lowered',
  };
}

/** The sentence about one outcome; undefined when it has no direction or no scenario besides the baseline. */
export function outcomeSentence(comparison: readonly ComparisonRow[], metric: string, c: Ctx): string | undefined {
  const dir = c.catalog.info(metric).direction;
  if (dir === 0) return undefined;
  const rank = rankOutcome(comparison, c.series, metric, c.year, c.baseline, dir);
  const top = rank.ranked[0];
  if (!top) return undefined;
  const f = facts(top, metric, c);
  const several = rank.ranked.length > 1;
  const favourable = dir * top.diff > 0 && excludesZero(top.diff_ci_low, top.diff_ci_high);
  if (!favourable) {
    if (several) return c.m.reading.noneBetter(f);
    return excludesZero(top.diff_ci_low, top.diff_ci_high) ? c.m.reading.worse(f) : c.m.reading.noDifference(f);
  }
  if (!several || !rank.lead) return c.m.reading.single(f);
  const lead: LeadFacts = {
    leader: f.scenario,
    runnerUp: c.label(rank.ranked[1].scenario),
    diff: formatDiff(metric, rank.lead.diff, true, c.catalog),
    size: formatSize(metric, rank.lead.diff, c.catalog),
    interval: formatInterval(metric, rank.lead.diff_ci_low, rank.lead.diff_ci_high, c.catalog),
  };
  return rank.tied.length === 1 ? c.m.reading.best(f, lead) : c.m.reading.tied(f, rank.tied.map(c.label), lead);
}

/**
 * The sentence on full members gained per million yuan of extra spending: the leader, or the scenarios
 * that cannot be told apart from it (paired per replicate: each replicate's gain over the baseline divided
 * by the scenario's mean extra cost). Undefined when no scenario spends extra or none gains.
 */
export function costSentence(comparison: readonly ComparisonRow[], c: Ctx, metric = 'members_full'): string | undefined {
  const ce = costEffectiveness(comparison, c.series, { year: c.year, baseline: c.baseline, outcomes: [metric] });
  if (ce.length === 0) return undefined;
  const rows: ComparisonRow[] = ce.map((r) => ({
    scenario: r.scenario, metric, year: c.year, n: NaN, mean: NaN, sd: NaN, ci_low: NaN, ci_high: NaN,
    diff: r.per_million, diff_ci_low: r.per_million_low, diff_ci_high: r.per_million_high, p_better: NaN,
  }));
  const cost = new Map(ce.map((r) => [r.scenario, r.cost_million] as const));
  const base = replicateValues(c.series, metric, c.year).get(c.baseline);
  const perMillion = (s: string, v: ReadonlyMap<number, number>) =>
    new Map([...v].filter(([k]) => base?.has(k)).map(([k, x]) => [k, (x - base!.get(k)!) / cost.get(s)!] as const));
  const rank = rankOutcome(rows, c.series, metric, c.year, c.baseline, 1, perMillion);
  const top = rank.ranked[0];
  if (!(top.diff > 0)) return undefined;
  const info = c.catalog.info(metric);
  const unit = info.share ? c.m.percentagePoints : info.unit;
  const k = info.share ? 100 : 1;
  const amount = (x: number, signed = false) => (c.m.lang === 'zh' ? `${formatNumber(k * x, 2, signed)}${unit}` : `${formatNumber(k * x, 2, signed)} ${unit}`);
  const interval = c.m.interval(formatNumber(k * top.diff_ci_low, 2), formatNumber(k * top.diff_ci_high, 2));
  const outcome = metricPhrase(metric, c.catalog);
  const lead: LeadFacts | undefined = rank.lead && rank.ranked[1]
    ? {
        leader: c.label(top.scenario), runnerUp: c.label(rank.ranked[1].scenario), diff: amount(rank.lead.diff, true), size: amount(Math.abs(rank.lead.diff)),
        interval: c.m.interval(formatNumber(k * rank.lead.diff_ci_low, 2), formatNumber(k * rank.lead.diff_ci_high, 2)),
      }
    : undefined;
  if (rank.ranked.length === 1) return c.m.reading.costSingle(c.label(top.scenario), amount(top.diff), interval, outcome);
  if (!lead || rank.tied.length === 1) return c.m.reading.costBest(c.label(top.scenario), amount(top.diff), interval, lead, outcome);
  const tiedRows = rank.tied.map((s) => rows.find((r) => r.scenario === s)!);
  return c.m.reading.costTied(rank.tied.map(c.label), tiedRows.map((r) => amount(r.diff)), lead, outcome);
}

/**
 * One sentence per metric on the leading scenario's paired difference from the baseline, e.g.
 * "Benefit-oriented incentives raised full members most by 2055: +12.3 persons (95% CI 8.1 to 16.5)
 * against Baseline, better in 92% of replicates; ahead of the runner-up, Combined, by +4.0 persons
 * (95% CI 0.6 to 7.4)." — or, when the leader and runner-up cannot be told apart, "By 2055, A and B are
 * indistinguishable on …". Plain text in the catalog's language; escape before putting it in HTML.
 */
export function readingOf(comparison: readonly ComparisonRow[], options?: ReadingOptions): string[] {
  const catalog = options?.catalog ?? TALENT_CATALOG;
  const c: Ctx = {
    year: options?.year ?? horizonYear(comparison),
    baseline: options?.baseline ?? 'baseline',
    catalog,
    m: messagesFor(catalog.lang),
    label: options?.label ?? ((s) => s),
    series: options?.series ?? [],
  };
  const metrics = options?.metrics ?? reportOutcomes(catalog);
  const out = metrics.map((metric) => outcomeSentence(comparison, metric, c)).filter((s): s is string => s !== undefined);
  if (options?.series) {
    const cost = costSentence(comparison, c);
    if (cost) out.push(cost);
  }
  return out;
}

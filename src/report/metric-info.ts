/**
 * What the report shows about each metric — label, unit, whether it reads as a percentage, which way is
 * better, the phrase for running text, which metrics are its main outcomes — in the report's language,
 * read from metric metadata (manifest.json's `metricMetadata`, or a binding's `metrics`), never written
 * here. Without metadata the talent model's is used.
 */
import { metricsInRole, type MetricMeta, type MetricRole } from '../core/metrics.js';
import { TALENT_METRICS } from '../talent/metrics.js';
import { DEFAULT_LANG, type Lang } from './i18n/index.js';

/** Display facts about one metric, in one language. */
export interface MetricDisplay {
  /** Short label, e.g. "Full members" / "正式党员". */
  label: string;
  /** Unit text for axis titles, e.g. "persons" / "人". */
  unit: string;
  /** True when the metric is a share or a yearly rate in [0, 1], shown as a percentage. */
  share: boolean;
  /** +1 when more is better, −1 when less is better, 0 when neither. */
  direction: 1 | -1 | 0;
  /** Phrase for running text, e.g. "the share of branches in warning" (default: the label in lower case). */
  phrase?: string;
  /** True for a yearly flow (unit "…/year" or "… per year"): it has no value in the initial year. */
  flow?: boolean;
}

/** The metric facts of one report: display facts by name and the metrics of each role. */
export interface MetricCatalog {
  /** The language of the labels. */
  lang: Lang;
  /** Display facts of a metric; a metric without metadata gets its name as label, no unit and no direction. */
  info(metric: string): MetricDisplay;
  /** The metrics placed in `role`, in order. */
  inRole(role: MetricRole): string[];
}

/** A unit that counts per year (a flow): "persons/year", "share of youth per year". */
function isFlowUnit(unit: string): boolean {
  return /\/\s*year\b|\bper year\b/.test(unit);
}

function display(m: MetricMeta, lang: Lang): MetricDisplay {
  return {
    label: m.label[lang] ?? m.label.en,
    unit: m.unitLabel?.[lang] ?? m.unit,
    share: m.format === 'share' || m.format === 'rate',
    direction: m.direction === 'higher' ? 1 : m.direction === 'lower' ? -1 : 0,
    ...(m.phrase ? { phrase: m.phrase[lang] ?? m.phrase.en } : {}),
    ...(isFlowUnit(m.unit) ? { flow: true } : {}),
  };
}

/** A catalog over metric metadata (default: the talent model's) in `lang` (default English). */
export function metricCatalog(metrics: readonly MetricMeta[] = TALENT_METRICS, lang: Lang = DEFAULT_LANG): MetricCatalog {
  const byName = new Map(metrics.map((m) => [m.name, display(m, lang)]));
  return {
    lang,
    info: (metric) => byName.get(metric) ?? { label: metric.replace(/_/g, ' '), unit: 'value', share: false, direction: 0 },
    inRole: (role) => metricsInRole(metrics, role).map((m) => m.name),
  };
}

/** The catalog of the talent model's metrics in English: the report's default. */
export const TALENT_CATALOG: MetricCatalog = metricCatalog(TALENT_METRICS);

/** Facts for a metric (from `catalog`, default the talent model's). */
export function metricInfo(metric: string, catalog: MetricCatalog = TALENT_CATALOG): MetricDisplay {
  return catalog.info(metric);
}

/** The metric's phrase for running text (English: the label in lower case unless a phrase is declared). */
export function metricPhrase(metric: string, catalog: MetricCatalog = TALENT_CATALOG): string {
  const m = catalog.info(metric);
  return m.phrase ?? (catalog.lang === 'en' ? m.label.toLowerCase() : m.label);
}

/**
 * "Label (unit)" for an axis title; shares read "Label (% of branches)" ("Label (%)" for a bare share);
 * in Chinese "标签（单位）", shares "标签（占村党组织比例，%）".
 */
export function axisTitle(metric: string, catalog: MetricCatalog = TALENT_CATALOG): string {
  const m = catalog.info(metric);
  if (catalog.lang === 'zh') {
    if (!m.share) return `${m.label}（${m.unit}）`;
    return m.unit === '比例' || m.unit === 'share' ? `${m.label}（%）` : `${m.label}（${m.unit}，%）`;
  }
  if (!m.share) return `${m.label} (${m.unit})`;
  const of = m.unit.replace(/^share\b ?/, '');
  return `${m.label} (%${of ? ` ${of}` : ''})`;
}

/** The main outcomes of the report (its table, effects chart and reading), in order. */
export function reportOutcomes(catalog: MetricCatalog = TALENT_CATALOG): string[] {
  return catalog.inRole('report');
}

/** The talent model's report outcomes (the metrics it declares with a `report` position), in order. */
export const MAIN_OUTCOMES: readonly string[] = Object.freeze(reportOutcomes(TALENT_CATALOG));

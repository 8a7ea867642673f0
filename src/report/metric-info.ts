/**
 * What the report shows about each metric — label, unit, whether it reads as a percentage, which way is
 * better, the phrase for running text, which metrics are its main outcomes — read from metric metadata
 * (manifest.json's `metricMetadata`, or a binding's `metrics`), never written here. Without metadata the
 * talent model's is used.
 */
import { metricsInRole, type MetricMeta, type MetricRole } from '../core/metrics.js';
import { TALENT_METRICS } from '../talent/metrics.js';

/** Display facts about one metric (English). */
export interface MetricDisplay {
  /** Short label, e.g. "Full members". */
  label: string;
  /** Unit text for axis titles, e.g. "persons". */
  unit: string;
  /** True when the metric is a share or a yearly rate in [0, 1], shown as a percentage. */
  share: boolean;
  /** +1 when more is better, −1 when less is better, 0 when neither. */
  direction: 1 | -1 | 0;
  /** Phrase for running text, e.g. "the share of branches in warning" (default: the label in lower case). */
  phrase?: string;
}

/** The metric facts of one report: display facts by name and the metrics of each role. */
export interface MetricCatalog {
  /** Display facts of a metric; a metric without metadata gets its name as label, no unit and no direction. */
  info(metric: string): MetricDisplay;
  /** The metrics placed in `role`, in order. */
  inRole(role: MetricRole): string[];
}

function display(m: MetricMeta): MetricDisplay {
  return {
    label: m.label.en,
    unit: m.unitLabel?.en ?? m.unit,
    share: m.format === 'share' || m.format === 'rate',
    direction: m.direction === 'higher' ? 1 : m.direction === 'lower' ? -1 : 0,
    ...(m.phrase ? { phrase: m.phrase.en } : {}),
  };
}

/** A catalog over metric metadata (default: the talent model's). */
export function metricCatalog(metrics: readonly MetricMeta[] = TALENT_METRICS): MetricCatalog {
  const byName = new Map(metrics.map((m) => [m.name, display(m)]));
  return {
    info: (metric) => byName.get(metric) ?? { label: metric.replace(/_/g, ' '), unit: 'value', share: false, direction: 0 },
    inRole: (role) => metricsInRole(metrics, role).map((m) => m.name),
  };
}

/** The catalog of the talent model's metrics: the report's default. */
export const TALENT_CATALOG: MetricCatalog = metricCatalog(TALENT_METRICS);

/** Facts for a metric (from `catalog`, default the talent model's). */
export function metricInfo(metric: string, catalog: MetricCatalog = TALENT_CATALOG): MetricDisplay {
  return catalog.info(metric);
}

/** The metric's phrase for running text. */
export function metricPhrase(metric: string, catalog: MetricCatalog = TALENT_CATALOG): string {
  const m = catalog.info(metric);
  return m.phrase ?? m.label.toLowerCase();
}

/** "Label (unit)" for an axis title; shares read "Label (% of branches)" ("Label (%)" for a bare share). */
export function axisTitle(metric: string, catalog: MetricCatalog = TALENT_CATALOG): string {
  const m = catalog.info(metric);
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

/** "benefit-incentives" → "Benefit incentives". */
export function scenarioLabel(name: string): string {
  const s = name.replace(/[-_]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

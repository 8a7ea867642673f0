/**
 * The talent model's metric metadata as plain data — what reports, tables, help texts and manifests read
 * without building the model — and the outcome lists derived from it. The facts themselves are declared
 * once, on each metric in src/model/metrics.ts.
 */
import { metricMeta, metricsInRole, type MetricMeta, type MetricRole } from '../core/metrics.js';
import { METRICS } from '../model/metrics.js';

/** Metadata of every talent metric, in output order. */
export const TALENT_METRICS: readonly MetricMeta[] = Object.freeze(METRICS.map((m) => Object.freeze(metricMeta(m))));

/**
 * The talent model's outcomes in a role, in order, with label and unit: 'main' (summary.json, the CLI's
 * tables and help), 'sensitivity' (default outcomes of sensitivity and robustness), 'report' (the report's
 * table, effects chart and reading). For help texts: `talentOutcomes('sensitivity').map((m) => m.name)`.
 */
export function talentOutcomes(role: MetricRole = 'main'): MetricMeta[] {
  return metricsInRole(TALENT_METRICS, role);
}

/** Names of the main outcomes (summary.json and the CLI table), derived from the metric metadata. */
export const MAIN_METRICS: readonly string[] = Object.freeze(talentOutcomes('main').map((m) => m.name));

/** Names of the default outcomes of sensitivity and robustness analyses, derived from the metric metadata. */
export const SENSITIVITY_OUTCOMES: readonly string[] = Object.freeze(talentOutcomes('sensitivity').map((m) => m.name));

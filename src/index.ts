/**
 * talentsim — agent-based simulation of talent dynamics and Party-branch renewal in poverty-alleviated
 * ethnic-minority villages (central Guangxi). The one public entry point: the domain-free core, the
 * model, scenarios, experiments and reports.
 */
export * from './core/index.js';
export * from './model/index.js';
export * from './scenario/index.js';
export * from './experiment/index.js';
export { PATTERNS, PATTERN_WINDOW, type PatternSpec } from './model/calibration/patterns.js';
export * from './report/index.js';
export type { MetricInfo } from './experiment/index.js';
export type { MetricInfo as ReportMetricInfo } from './report/metric-info.js';

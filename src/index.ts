/**
 * talentsim — agent-based simulation of talent dynamics and Party-branch renewal in poverty-alleviated
 * ethnic-minority villages (central Guangxi). The one public entry point: the domain-free core, the
 * model, scenarios, the experiment engine, the talent layer and reports.
 */
export * from './core/index.js';
export * from './model/index.js';
export * from './scenario/index.js';
export * from './experiment/index.js';
export * from './talent/index.js';
// The talent layer's experiments take the engine's options with `model` optional (default: talentBinding),
// so they replace the engine's functions of the same names here and run any other model as well.
export { ensemble, paramScan, sweep, sensitivity, robustness } from './talent/index.js';
export * from './report/index.js';
export type { MetricInfo } from './experiment/index.js';
export type { MetricDisplay as ReportMetricInfo } from './report/metric-info.js';

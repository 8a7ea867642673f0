/**
 * The talent layer: the talent model's binding to the experiment engine and everything that is about this
 * model rather than any model — replicates and experiments with the talent default, calibration patterns,
 * parameter factors, the metric lists derived from the metadata, and the province-scale split run.
 */
export { talentBinding, scenarioIdentity, scenarioAtPoint, pointPath } from './binding.js';
export { TALENT_METRICS, MAIN_METRICS, SENSITIVITY_OUTCOMES, talentOutcomes } from './metrics.js';
export { runReplicate, type ReplicateOptions } from './replicate.js';
export { ensemble, paramScan, sweep, sensitivity, robustness, type TalentOptions } from './experiments.js';
export { parameterFactors, talentFactors, variableParameterNames } from './parameter-factors.js';
export {
  PATTERNS, PATTERN_METRICS, PATTERN_WINDOW, patternStatistics, checkPatterns,
  type PatternSpec, type PatternSeries, type PatternResult, type PatternOptions,
} from './calibration/patterns.js';
export { runSplit, splitRanges, type SplitRunOptions, type SplitRunResult } from './split-run.js';
export * from './policy/index.js';

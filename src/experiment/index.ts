/**
 * The experiment layer's public API: replicates, ensembles with common random numbers, parameter scans,
 * statistics against a baseline, worker threads, shards, merge and resume.
 */
export { runReplicate, type ReplicateOptions } from './replicate.js';
export { replicateRunOptions, runModelReplicate } from './run-model-replicate.js';
export { ensemble, type EnsembleOptions } from './ensemble.js';
export { paramScan, gridPoints, scenarioAt, type ParamScanOptions } from './param-scan.js';
export { mergeShards, type MergeOptions } from './merge.js';
export {
  type ExperimentOptions,
  type ExperimentProgress,
  type ExperimentResult,
  type ShardManifest,
} from './experiment.js';
export {
  MAIN_METRICS,
  type ExperimentPlan,
  type ExperimentSummary,
  type SummaryScenario,
  type HorizonOutcome,
  type ReplicateFailure,
} from './outputs.js';
export { parseShard, shardReplicates, formatShard, type Shard } from './shard.js';
export { ExperimentInputError } from './errors.js';
export { OUTPUT_FILES } from './layout.js';
export type { ModelFactory, ModelModule, ModelSource, ModelContext } from './model-source.js';
export type { ExperimentUnit, MetricInfo } from './unit.js';
export { compare, summarize, pairedDifference, tCritical, type Better, type Summary, type PairedDifference, type CompareOptions } from './statistics.js';
export { COMPARISON_COLUMNS, type ComparisonRow } from './types.js';
export { sensitivity, type SensitivityOptions, type SensitivityRow } from './sensitivity-run.js';
export { robustness, type RobustnessOptions, type RobustnessRow } from './robustness.js';
export { SENSITIVITY_OUTCOMES } from './design-runs.js';
export * from './sensitivity/index.js';
export { checkPatterns, type PatternResult, type PatternOptions } from './patterns.js';
export { runSplit, splitRanges, type SplitRunOptions, type SplitRunResult } from './split-run.js';
export {
  jobArrayScripts,
  jobArrayFiles,
  writeJobArrayScripts,
  submitJobArray,
  spawnProcess,
  shellQuote,
  SlurmSubmitError,
  SLURM_DEFAULTS,
  JOB_ARRAY_FILES,
  type JobArrayOptions,
  type JobArrayScripts,
  type JobArrayFiles,
  type SlurmSettings,
  type ProcessRunner,
  type ProcessResult,
  type SpawnOptions,
  type SubmittedJobArray,
} from './slurm.js';

/**
 * The experiment engine's public API: ensembles with common random numbers, parameter scans, designs and
 * their sensitivity estimators, robustness of a ranking, statistics against a baseline, worker threads,
 * shards, merge and resume — for any model given as a {@link ModelBinding}. It names no model: the talent
 * model's binding and defaults are in src/talent.
 */
export {
  resolveModel, isModelBinding, scenarioAt, describeMetrics, modelModuleUrl, modelLevers,
  type ModelBinding, type ModelFactory, type ModelModule, type ModelSource, type ModelContext, type WorkerModule,
  type MetricInfo, type ResolvedModel,
} from './binding.js';
export { replicateRunOptions, runModelReplicate } from './run-model-replicate.js';
export { ensemble, type EnsembleOptions } from './ensemble.js';
export { paramScan, type ParamScanOptions } from './param-scan.js';
export { sweep, gridPoints, pointName, factorColumn, REFERENCE_POINT, type SweepDesign, type SweepOptions } from './sweep.js';
export { mergeShards, type MergeOptions } from './merge.js';
export {
  modelMetrics,
  SHARD_FORMAT,
  type ExperimentOptions,
  type ExperimentProgress,
  type ExperimentResult,
  type ShardManifest,
} from './experiment.js';
export {
  mainMetricNames,
  type ExperimentPlan,
  type ExperimentSummary,
  type SummaryScenario,
  type HorizonOutcome,
  type ReplicateFailure,
} from './outputs.js';
export { parseShard, shardReplicates, formatShard, type Shard } from './shard.js';
export { ExperimentInputError } from './errors.js';
export { checkPairing, assertPairing, type PairingCheck, type FieldDifference } from './pairing.js';
export { OUTPUT_FILES } from './layout.js';
export type { ExperimentUnit } from './unit.js';
export { compare, summarize, pairedDifference, tCritical, type Better, type Summary, type PairedDifference, type CompareOptions } from './statistics.js';
export { COMPARISON_COLUMNS, type ComparisonRow } from './types.js';
export { sensitivity, type SensitivityOptions, type SensitivityRow, type SensitivityResult } from './sensitivity-run.js';
export { robustness, type RobustnessOptions, type RobustnessRow, type RobustnessResult } from './robustness.js';
export { runDesign, designOutcomes, designFactors, type DesignPoint, type DesignRunOptions, type DesignRunResult } from './design-runs.js';
export * from './sensitivity/index.js';
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

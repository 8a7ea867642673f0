/**
 * talentsim — agent-based simulation of talent dynamics and Party-branch renewal in poverty-alleviated
 * ethnic-minority villages (central Guangxi). The main entry holds what a study needs; everything else is
 * in the named subpaths (see docs/api.md):
 *
 *   talentsim             scenarios, experiments of the talent model, extending it, the report
 *   talentsim/core        the domain-free core: agent store, random streams, schedule, metrics, run
 *   talentsim/model       the talent model: entities, processes, parameters, levers, metrics, village types
 *   talentsim/scenario    scenario files: load, validate, --set, describe, hash, compile, JSON Schema
 *   talentsim/experiment  the model-agnostic engine: ensembles, sweeps, designs, shards, merge, statistics
 *   talentsim/talent      the talent model's binding and analyses (patterns, factors, split runs, policy design)
 *   talentsim/report      charts and the HTML report from output folders
 *   talentsim/browser     what runs in a web page (the explorer's API)
 */

// Scenarios: load, change, describe and compile.
export {
  loadScenario, safeLoadScenario, parseScenario, safeParseScenario, scenarioFromObject, safeScenarioFromObject,
  applySettings, parseSetting, withOverrides, describeScenario, compileScenario, builtinScenarioNames,
  ScenarioLoadError, formatScenarioErrors,
  type Scenario, type ScenarioError, type ScenarioResult, type LoadOptions, type ScenarioSetting,
} from './scenario/index.js';

// Experiments (the talent model unless `model` is given).
export { runReplicate, ensemble, paramScan, sweep, sensitivity, robustness, type ReplicateOptions } from './talent/index.js';
export { mergeShards, compare, ExperimentInputError, type ExperimentResult, type ExperimentProgress, type ComparisonRow } from './experiment/index.js';
export type { SeriesRow } from './core/rows.js';

// Policy design: dose-response of a lever, budget frontiers of the pathways, a robust county portfolio.
export {
  doseResponse, frontier, optimizePortfolio,
  type DoseResponseOptions, type DoseResponseResult, type FrontierOptions, type FrontierResult, type OptimizeOptions, type PortfolioResult,
} from './talent/policy/index.js';

// Extending the model: user processes, levers and metrics.
export { talentBinding } from './talent/binding.js';
export { talentModel, PROCESSES, defineLever, defaultInputs, metricDirection, type County, type LeverSpec } from './model/index.js';
export { run, metricMeta, type MetricDef, type Process, type ModelDefinition } from './core/index.js';
export type { ModelBinding, ModelFactory } from './experiment/binding.js';

// The report of an output folder.
export { rebuildReport } from './report/rebuild.js';
export type { ReportSection } from './report/sections.js';

/**
 * `talentsim/browser`: everything that runs in a web page (no Node module anywhere in its import graph,
 * checked by test/api/subpaths.test.ts) — the domain-free core, the talent model, scenarios resolved from
 * text or objects (no file access, so `extends` needs a lookup you give), compiled and described, one
 * replicate as rows, the comparison statistics, the metric metadata and the report's colours and bands.
 * Everything the explorer (explorer/) uses is here (test/api/subpaths.test.ts checks it); the explorer
 * itself imports the modules by file, so that its inlined worker bundle holds only what it uses.
 */
import './static-deps.js';
export * from './core/index.js';
export * from './model/index.js';
export type { Scenario, PolicySetting, ShockSetting } from './scenario/types.js';
export { compileScenario } from './scenario/compile.js';
export { resolveScenario, scaledValue, MIX_SUM_TOLERANCE, type ScenarioLookup, type ScenarioSource, type ResolveOptions } from './scenario/resolve.js';
export { decodeScenarioBytes, parseScenarioText, type TextParseResult } from './scenario/parse-text.js';
export { describeScenario, scenarioToFile, type ScenarioToFileOptions } from './scenario/describe.js';
export { canonicalJson } from './scenario/canonical-json.js';
export {
  ScenarioLoadError, formatScenarioError, formatScenarioErrors, unwrapScenario, type ScenarioError, type ScenarioResult,
} from './scenario/errors.js';
export {
  applySettings, safeApplySettings, parseSetting, valueAt, withOverrides, type ScenarioSetting, type ScenarioOverrides, type ApplyOptions,
} from './scenario/overrides.js';
export { scenarioJsonSchema, SCENARIO_DEFAULTS, SHOCK_DEFAULTS, CALENDAR_YEARS, MAX_STRENGTH, SCENARIO_LANGS } from './scenario/schema.js';
export { withCostLevel } from './scenario/overrides.js';
export { compileExpression, EXPRESSION_FUNCTIONS, EXPRESSION_SYMBOLS, type CompiledExpression, type ExpressionResult } from './scenario/expression.js';
export { leverCatalog, type LeverCatalog } from './scenario/levers.js';
export { textIn } from './scenario/text.js';
export { replicateRunOptions, runModelReplicate } from './experiment/run-model-replicate.js';
export { compare, summarize, pairedDifference, tCritical, type Better, type Summary, type PairedDifference, type CompareOptions } from './experiment/statistics.js';
export type { ComparisonRow } from './experiment/types.js';
export { TALENT_METRICS, MAIN_METRICS, SENSITIVITY_OUTCOMES, talentOutcomes } from './talent/metrics.js';
export * from './report/colors.js';
export * from './report/aggregate.js';

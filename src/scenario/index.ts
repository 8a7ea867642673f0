/**
 * The scenario layer's public API: load and validate scenario files (YAML/JSON, `extends`), describe,
 * hash and compile them into the model's inputs. Node-only parts (file access, hashing) live in
 * load.ts, builtin.ts and hash.ts; everything else is pure and browser-safe.
 */
export type { Scenario, PolicySetting, ShockSetting, LeverSpec } from './types.js';
export type { WhereSetting } from './schema.js';
export { compileScenario } from './compile.js';
export {
  ScenarioLoadError,
  formatScenarioError,
  formatScenarioErrors,
  unwrapScenario,
  type ScenarioError,
  type ScenarioResult,
} from './errors.js';
export {
  loadScenario, safeLoadScenario, parseScenario, safeParseScenario, scenarioFromObject, safeScenarioFromObject, type LoadOptions,
} from './load.js';
export { builtinScenarioNames, builtinScenarioPath, BUILTIN_SCENARIO_DIR } from './builtin.js';
export { scenarioHash } from './hash.js';
export { canonicalJson } from './canonical-json.js';
export { describeScenario, scenarioToFile, type ScenarioToFileOptions } from './describe.js';
export {
  withOverrides, withCostLevel, applySettings, safeApplySettings, parseSetting, valueAt,
  type ScenarioOverrides, type ScenarioSetting, type ApplyOptions,
} from './overrides.js';
export {
  scenarioJsonSchema, SCENARIO_DEFAULTS, SCENARIO_LANGS, SHOCK_DEFAULTS, CALENDAR_YEARS, MAX_STRENGTH,
  type StrengthSetting, type LocalizedText, type ScenarioLang,
} from './schema.js';
export { leverCatalog, type LeverCatalog } from './levers.js';
export { textIn } from './text.js';
export { compileExpression, EXPRESSION_FUNCTIONS, EXPRESSION_SYMBOLS, type CompiledExpression, type ExpressionResult } from './expression.js';
export { resolveScenario, scaledValue, MIX_SUM_TOLERANCE, type ScenarioLookup, type ScenarioSource, type ResolveOptions } from './resolve.js';

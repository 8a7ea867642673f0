/**
 * The scenario layer's public API: load and validate scenario files (YAML/JSON, `extends`), describe,
 * hash and compile them into the model's inputs. Node-only parts (file access, hashing) live in
 * load.ts, builtin.ts and hash.ts; everything else is pure and browser-safe.
 */
export type { Scenario, PolicySetting, ShockSetting } from './types.js';
export type { WhereSetting } from './schema.js';
export { compileScenario } from './compile.js';
export {
  ScenarioLoadError,
  formatScenarioError,
  formatScenarioErrors,
  type ScenarioError,
  type ScenarioResult,
} from './errors.js';
export { loadScenario, safeLoadScenario, parseScenario, safeParseScenario, scenarioFromObject, safeScenarioFromObject } from './load.js';
export { builtinScenarioNames, builtinScenarioPath, BUILTIN_SCENARIO_DIR } from './builtin.js';
export { scenarioHash } from './hash.js';
export { canonicalJson } from './canonical-json.js';
export { describeScenario, scenarioToFile, type ScenarioToFileOptions } from './describe.js';
export { withOverrides, withCostLevel, type ScenarioOverrides } from './overrides.js';
export { scenarioJsonSchema, SCENARIO_DEFAULTS, SHOCK_DEFAULTS } from './schema.js';
export { compileExpression, EXPRESSION_FUNCTIONS, EXPRESSION_SYMBOLS, type CompiledExpression, type ExpressionResult } from './expression.js';
export { resolveScenario, type ScenarioLookup, type ScenarioSource } from './resolve.js';

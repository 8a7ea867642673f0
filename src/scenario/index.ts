/** The scenario layer's public API: load, validate, describe, hash and compile scenarios. */
export type { Scenario, PolicySetting, ShockSetting } from './types.js';
export { compileScenario } from './compile.js';

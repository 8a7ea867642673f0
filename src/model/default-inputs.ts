/** Model inputs built in code, without a scenario file: defaults, optional overrides, current policy, no shock. */
import { defaultCounty, type CountyConfig } from './county-config.js';
import { idlePolicy } from './county.js';
import type { ModelInputs, PolicyYear } from './inputs.js';
import { noShock, type LeverValues, type ShockState } from './levers.js';
import { resolveParams } from './parameters.js';
import { resolveStructure, type Structure } from './structure.js';

/** Options of {@link defaultInputs}. */
export interface DefaultInputsOptions {
  /** Parameter overrides by name. */
  parameters?: Record<string, number>;
  /** County overrides. */
  county?: Partial<CountyConfig>;
  /** Constant lever values (others 0). */
  levers?: Partial<LeverValues>;
  /** Shock in force in every year. */
  shock?: Partial<ShockState>;
  /** Structural alternatives (others: the default structure). */
  structure?: Partial<Structure>;
}

/** Builds model inputs from defaults. */
export function defaultInputs(options: DefaultInputsOptions = {}): ModelInputs {
  const params = resolveParams(options.parameters ?? {});
  const county = { ...defaultCounty(), ...options.county };
  const base = idlePolicy();
  const policy: PolicyYear = { levers: { ...base.levers, ...options.levers } as LeverValues, unitCosts: base.unitCosts };
  const shock = { ...noShock(), ...options.shock };
  return { params, county, policy: () => policy, shock: () => shock, structure: resolveStructure(options.structure as Record<string, string> | undefined) };
}

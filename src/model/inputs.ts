/** Everything the model needs from outside: parameters, the county, and the policy and shock schedules. */
import type { CountyConfig } from './county-config.js';
import type { AnyLeverValues, LeverSpec, ShockState } from './levers.js';
import type { Params } from './parameters.js';

/** Lever values and their unit costs in one year. */
export interface PolicyYear {
  /** Every lever's value this year, user levers included (0 where no policy sets it). */
  levers: AnyLeverValues;
  /** Yuan per unit of each lever per village (or recipient) per year. */
  unitCosts: AnyLeverValues;
}

/** The model's complete inputs (compiled from a scenario by src/scenario, or built by hand). */
export interface ModelInputs {
  params: Params;
  county: CountyConfig;
  /** Lever values in year offset `t` (1..years) and calendar `year`. Must be finite and within lever ranges. */
  policy(t: number, year: number): PolicyYear;
  /** Shock state in year offset `t`. */
  shock(t: number, year: number): ShockState;
  /** Levers of user processes (declared with `defineLever`), billed like the built-in ones; default none. */
  levers?: readonly LeverSpec[];
}

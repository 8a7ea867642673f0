/** Everything the model needs from outside: parameters, the county, and the policy and shock schedules. */
import type { CountyConfig } from './county-config.js';
import type { AnyLeverValues, LeverName, LeverSpec, ShockState } from './levers.js';
import type { Params } from './parameters.js';
import type { Structure } from './structure.js';
import type { VillageSelector } from './targeting.js';

/** A lever setting in force this year in the villages a selector picks (a `where:` policy of a scenario). */
export interface TargetedLever {
  /** A built-in lever's name, or a user lever's. */
  lever: LeverName | (string & {});
  /** The lever's value this year where it applies. */
  value: number;
  /** Yuan per unit per village (or recipient) per year where it applies. */
  unitCost: number;
  /** The villages it applies to, judged on their state at the start of the year. */
  where: VillageSelector;
}

/** Lever values and their unit costs in one year. */
export interface PolicyYear {
  /** County-wide lever values, user levers included (0 where no policy sets it; every village, unless a targeted entry applies there). */
  levers: AnyLeverValues;
  /** Yuan per unit of each lever per village (or recipient) per year. */
  unitCosts: AnyLeverValues;
  /** Targeted settings in force this year, in scenario order (a later matching one wins); absent or empty: none. */
  targeted?: readonly TargetedLever[];
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
  /** The structural alternatives (src/model/structure.ts); default: the default structure. */
  structure?: Structure;
}

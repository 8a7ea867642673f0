/** The complete, validated scenario that everything downstream of the loader trusts. */
import type { CountyConfig } from '../model/county-config.js';

/** A lever setting: a number, or a mathjs expression in `t` (years since start) and `year`. */
export interface PolicySetting {
  /** Lever name (see LEVERS). */
  lever: string;
  /** Constant value or expression text, e.g. "min(1, 0.2 * t)". */
  value: number | string;
  /** First year offset `t` (≥1) at which the lever acts (default 1). */
  from: number;
  /** Last year offset at which it acts (default: the horizon). */
  until: number | null;
  /** Cost in yuan per unit per village (or recipient) per year; default: the lever's declared unitCost. */
  unitCost: number;
}

/** A shock: over years t ∈ [start, start+duration), mobility is multiplied and conflict raised. */
export interface ShockSetting {
  kind: 'lockdown' | 'economic';
  /** Year offset of the first shocked year (≥1). */
  start: number;
  /** Years it lasts. */
  duration: number;
  /** Multiplier on migration flows during the shock (lockdown: 0 = mobility stops). */
  mobility: number;
  /** Added conflict during the shock (0-1). */
  conflict: number;
  /** Multiplier on migrant wages during the shock. */
  migrantWage: number;
}

/** A fully resolved scenario. */
export interface Scenario {
  name: string;
  description: string;
  /** Where it came from: a built-in name or a file path. */
  source: string;
  /** Years simulated. */
  years: number;
  /** Calendar year of the initial state. */
  startYear: number;
  /** Run seed. */
  seed: number;
  /** Replicates in an ensemble. */
  replicates: number;
  /** Common random numbers across scenarios (default true). When false the scenario name enters every stream key. */
  crn: boolean;
  county: CountyConfig;
  /** Parameter overrides (validated names and ranges). */
  parameters: Record<string, number>;
  policies: PolicySetting[];
  shocks: ShockSetting[];
}

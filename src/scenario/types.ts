/**
 * The complete, validated scenario that everything downstream of the loader trusts. Its type is derived
 * from the file schema (schema.ts): the file's scalar keys in camelCase with their defaults filled, the
 * county complete, policies with their windows in years since the start and their unit cost — so a new key
 * is added to the schema only.
 */
import type { CountyConfig } from '../model/county-config.js';
import type { LeverSpec } from '../model/levers.js';
import type { Structure } from '../model/structure.js';
import type { Camelize, CountyFile, PolicyEntry, ScenarioScalars, ShockSetting } from './schema.js';

export type { ShockSetting } from './schema.js';
export type { LeverSpec } from '../model/levers.js';

/**
 * A lever setting: the lever, a number or a mathjs expression in `t` (years since start) and `year`, the
 * window [from, until] in years since the start (until null: the horizon), and the cost in yuan per unit
 * per village (or recipient) per year (the lever's declared unitCost unless the file gives one).
 */
export type PolicySetting = Pick<PolicyEntry, 'lever' | 'value' | 'where'> & { from: number; until: number | null; unitCost: number };

/** Scalar keys a resolved scenario carries only when its file gives them (display texts and the report language). */
type OptionalScalars = 'title' | 'lang';

/**
 * A fully resolved scenario: name, description, years, startYear, seed, replicates and crn (common random
 * numbers; when false the scenario name enters every stream key) from the file or their defaults; `title`
 * and `lang` only when the file gives them; where it came from (`source`: a built-in name or a file path);
 * the county; the parameter overrides (validated names and ranges); policies (with any `strength` already
 * applied) and shocks; and the user levers (declared with `defineLever`) it was loaded with, if any — absent
 * when it uses built-in levers only.
 */
export type Scenario = Required<Camelize<Omit<ScenarioScalars, 'extends' | OptionalScalars>>> & Camelize<Pick<ScenarioScalars, OptionalScalars>> & {
  source: string;
  county: CountyConfig;
  parameters: Record<string, number>;
  /** The structural alternatives, complete (every switch: the file's choice or the default). */
  structure: Structure;
  policies: PolicySetting[];
  shocks: ShockSetting[];
  levers?: readonly LeverSpec[];
};

/** Compile-time check (fails to compile if false) that every county key of the file is a field of the model's CountyConfig. */
export type CountyKeysAreModelFields = Assert<Exclude<keyof Camelize<CountyFile>, keyof CountyConfig> extends never ? true : false>;
type Assert<T extends true> = T;

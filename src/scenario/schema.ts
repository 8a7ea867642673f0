/**
 * The scenario file format (YAML or JSON, snake_case keys) as zod 4 schemas — the one source of the
 * scenario types (types.ts and validate.ts derive theirs from these with `z.output`) and of the file's
 * keys — with the defaults applied when a key is absent everywhere in the `extends` chain. A policy or
 * shock entry parses to its camelCase entry (shock defaults filled; windows completed in resolve.ts, once
 * the start year is known). Parameter and lever names and ranges are read from the model's declarations
 * (PARAMETERS, and the lever catalogue: the built-in LEVERS plus any user levers), never copied. Pure and
 * browser-safe.
 */
import * as z from 'zod';
import { ETHNICITIES } from '../model/county-config.js';
import { CENSUS_FIGURES, checkCensusFigures, type CensusFigures } from '../model/county-profile.js';
import { PARAMETERS, type ParamSpec } from '../model/parameters.js';
import { STRUCTURES } from '../model/structure.js';
import { compileExpression } from './expression.js';
import { formatFound } from './errors.js';
import { nameProblem, SCENARIO_LIMITS, textProblem } from './limits.js';
import { leverCatalog, type LeverCatalog } from './levers.js';
import type { VillageSelector } from '../model/targeting.js';
import { VILLAGE_TYPES } from '../model/village-type.js';
import { closestName } from './suggest.js';

/** Defaults of the top-level scalars. */
export const SCENARIO_DEFAULTS = {
  description: '',
  years: 30,
  startYear: 2025,
  seed: 1,
  replicates: 20,
  crn: true,
} as const;

/** Defaults of a shock's effects, by kind (lockdown: paper 3.1; economic: an assumed recession). */
export const SHOCK_DEFAULTS = {
  lockdown: { mobility: 0, conflict: 0.3, migrantWage: 0.8 },
  economic: { mobility: 1, conflict: 0.1, migrantWage: 0.7 },
} as const;

/** Top-level keys that hold a structure rather than a scalar (merged by their own rules in resolve.ts). */
export const STRUCTURED_KEYS = ['county', 'parameters', 'structure', 'strength', 'policies', 'shocks'] as const;

/** A file key as the scenario's field name: snake_case → camelCase (`start_year` → `startYear`). */
export function camelKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `camelKey` at the type level. */
export type CamelKey<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelKey<T>>}` : S;

/** An object type with its keys in camelCase. */
export type Camelize<T> = { [K in keyof T as K extends string ? CamelKey<K> : never]: T[K] };

/** Formats a bound for messages (shortest round-trip form). */
function fmt(n: number): string {
  return String(n);
}

/** The "expected …" text of a ranged number. */
export function rangeText(min: number, max: number, opts: { integer?: boolean; what?: string; unit?: string } = {}): string {
  const what = opts.what ?? (opts.integer ? 'a whole number' : 'a number');
  return `${what} in [${fmt(min)}, ${fmt(max)}]${opts.unit ? ` (${opts.unit})` : ''}`;
}

function expectedMessage(expected: string, input: unknown): string {
  if (input === undefined) return `required key is missing; expected ${expected}`;
  return `expected ${expected}; found ${formatFound(input)}`;
}

/** A finite number in [min, max] with one uniform message for every failure (type, NaN, range, integer). */
function ranged(min: number, max: number, opts: { integer?: boolean; what?: string; unit?: string; description?: string } = {}) {
  const text = rangeText(min, max, opts);
  const error = (iss: { input?: unknown }) => expectedMessage(text, iss.input);
  const base = opts.integer ? z.int({ error }) : z.number({ error });
  const s = base.min(min, { error }).max(max, { error });
  return opts.description ? s.describe(opts.description) : s;
}

function str(expected: string, description?: string) {
  const error = (iss: { input?: unknown }) => expectedMessage(expected, iss.input);
  const s = z.string({ error }).min(1, { error });
  return description ? s.describe(description) : s;
}

/** A name (scenario, county): a non-empty string of allowed characters (see limits.ts). */
function nameString(description: string) {
  return str('a non-empty string', description).superRefine((v, ctx) => {
    const why = v === '' ? undefined : nameProblem(v); // empty: already reported by str()
    if (why) ctx.addIssue({ code: 'custom', input: v, message: `expected a name of 1 to ${SCENARIO_LIMITS.nameLength} printable characters; found ${formatFound(v)}, which ${why}` });
  });
}

const share = (description?: string) => ranged(0, 1, { what: 'a share', description });

/** The languages a scenario's own texts (title, description) and its reports can be written in. */
export const SCENARIO_LANGS = ['en', 'zh'] as const;

/**
 * A text a scenario gives in one language (a plain string) or in several (`{ en: …, zh: … }`, at least
 * one of them); readers pick their language with `textIn` (text.ts).
 */
function localizedText(description: string) {
  const expected = 'a string or { en: …, zh: … } with at least one non-empty text';
  const error = (iss: { input?: unknown }) => expectedMessage(expected, iss.input);
  // Plain text: newlines and tabs allowed, no other control, format or line-separator character, at most the limit's length.
  const plain = () =>
    z.string({ error }).superRefine((v, ctx) => {
      const why = textProblem(v);
      if (why) ctx.addIssue({ code: 'custom', input: v, message: `expected plain text; found a text that ${why}` });
    });
  const text = plain().min(1, { error });
  const byLang = z
    .strictObject(Object.fromEntries(SCENARIO_LANGS.map((l) => [l, text.optional()])) as Record<(typeof SCENARIO_LANGS)[number], z.ZodOptional<typeof text>>)
    .refine((v) => SCENARIO_LANGS.some((l) => v[l] !== undefined), { error: (iss) => expectedMessage(expected, iss.input) });
  return z.union([plain(), byLang], { error }).describe(description);
}

/** The "expected …" text of a policy value for a lever with range [min, max]. */
export function policyValueText(min: number, max: number): string {
  return `a number in [${fmt(min)}, ${fmt(max)}] or an expression in t, year`;
}

/** Calendar years that `from_year`, `to_year` and a shock's `start_year` may name (start years 1900-2200, runs up to 100 years). */
export const CALENDAR_YEARS = { min: 1900, max: 2300 } as const;

/** Greatest `strength` (values are clamped to each lever's range, so more than 1 only matters below the maximum). */
export const MAX_STRENGTH = 10;

/** One name of `names` or a non-empty list of them, read as a list; the message names the choices and suggests the closest. */
function oneOrMany<const T extends readonly [string, ...string[]]>(names: T, what: string, description: string) {
  const error = (iss: { input?: unknown }) => {
    const list = Array.isArray(iss.input);
    const bad = list ? (iss.input as unknown[]).find((x) => !names.includes(x as string)) : iss.input;
    const s = typeof bad === 'string' ? closestName(bad, names) : undefined;
    const expected = `${what} (${names.join(', ')}) or a list of them`;
    const found = list && bad !== undefined ? `${expectedMessage(expected, bad)} in the list` : expectedMessage(expected, iss.input);
    return found + (s ? `; did you mean \`${s}\`?` : '');
  };
  const one = z.enum(names);
  return z
    .union([one, z.array(one).min(1)], { error })
    .transform((x): T[number][] => (Array.isArray(x) ? x : [x]))
    .describe(description);
}

/** An open interval `{ above?, below? }` within [min, max]: at least one end, and above < below when both are given. */
function band(min: number, max: number, description: string) {
  return z
    .strictObject({
      above: ranged(min, max, { description: 'Strictly greater than this' }).optional(),
      below: ranged(min, max, { description: 'Strictly less than this' }).optional(),
    }, { error: (iss) => expectedMessage('a mapping with `above` and/or `below`', iss.input) })
    // Checked only when the mapping itself is valid (an unknown key is reported on its own).
    .refine((b) => b.above !== undefined || b.below !== undefined, { message: 'expected `above` and/or `below`; found neither', when: (x) => x.issues.length === 0 })
    .refine((b) => b.above === undefined || b.below === undefined || b.above < b.below, {
      path: ['below'],
      error: (iss) => {
        const b = iss.input as { above?: number; below?: number };
        return `expected a number greater than above (${b.above}); found ${formatFound(b.below)}`;
      },
      when: (x) => x.issues.length === 0,
    })
    .describe(description);
}

function buildSchemas(catalog: LeverCatalog) {
  const mix = z.strictObject(
    Object.fromEntries(ETHNICITIES.map((e) => [e, share(`Share of ${e} villagers in the county`).optional()])),
  );
  const profileNames = [...CENSUS_FIGURES.keys()] as [string, ...string[]];
  const pct = (description: string) => ranged(0, 100, { what: 'a percentage', description }).optional();
  const per100k = (level: string) => ranged(0, 100000, { description: `Persons per 100,000 whose highest education is ${level}` }).optional();
  const profileObject = z.strictObject({
    base: z.enum(profileNames).describe(`Built-in figures the others override (default ${profileNames[profileNames.length - 1]})`).optional(),
    name: str('a non-empty string', 'Name of the profile (default: the base name with "(modified)")').optional(),
    year: ranged(1900, 2200, { integer: true, description: 'Census year the figures describe' }).optional(),
    age_0_14: pct('Residents aged 0-14, %'),
    age_15_59: pct('Residents aged 15-59, %'),
    age_60_64: pct('Residents aged 60-64, %'),
    age_65plus: pct('Residents aged 65 or over, %'),
    sex_ratio: ranged(50, 200, { what: 'a ratio', description: 'Males per 100 females' }).optional(),
    household_size: ranged(1, 10, { description: 'Mean family household size (residents per household)' }).optional(),
    college_per_100k: per100k('college'),
    senior_per_100k: per100k('senior secondary'),
    junior_per_100k: per100k('junior secondary'),
  });
  // The profile as census figures: a built-in name, or figures over a built-in base, checked as a whole.
  const profile = z
    .union([
      z.enum(profileNames).transform((name): CensusFigures => copyFigures(CENSUS_FIGURES.get(name)!)),
      profileObject.transform((o): CensusFigures => {
        const baseName = o.base ?? profileNames[profileNames.length - 1];
        const b = copyFigures(CENSUS_FIGURES.get(baseName)!);
        const g = b.ageGroups;
        return {
          name: o.name ?? `${baseName} (modified)`,
          year: o.year ?? b.year,
          ageGroups: { age0to14: o.age_0_14 ?? g.age0to14, age15to59: o.age_15_59 ?? g.age15to59, age60to64: o.age_60_64 ?? g.age60to64, age65plus: o.age_65plus ?? g.age65plus },
          sexRatio: o.sex_ratio ?? b.sexRatio,
          householdSize: o.household_size ?? b.householdSize,
          education: { college: o.college_per_100k ?? b.education.college, senior: o.senior_per_100k ?? b.education.senior, junior: o.junior_per_100k ?? b.education.junior },
        };
      }),
    ], { error: (iss) => expectedMessage(`a built-in profile (${profileNames.join(', ')}) or a mapping of census figures`, iss.input) })
    .superRefine((f, ctx) => {
      for (const p of checkCensusFigures(f)) ctx.addIssue({ code: 'custom', path: [], input: f, message: p.message });
    })
    .describe('Census-year figures the initial state is built from (src/model/county-profile.ts); default: the present-day county');
  const county = z.strictObject({
    name: nameString('Display name of the county').optional(),
    villages: ranged(1, 100000, { integer: true, description: 'Number of administrative villages (alone: the population scales, keeping the mean village size)' }).optional(),
    population: ranged(1, 1e9, { integer: true, description: 'Registered villagers in the county (resident and away)' }).optional(),
    village_size_cv: ranged(0, 3, { description: 'Coefficient of variation of village size (lognormal)' }).optional(),
    segregation: share('How concentrated each ethnicity is by village (0 even, 1 one group per village)').optional(),
    mix: mix.describe('Ethnic shares of the county: the shares given are kept, those inherited are scaled so that all sum to 1').optional(),
    profile: profile.optional(),
  });
  const parameters = z.strictObject(
    Object.fromEntries(
      (PARAMETERS as readonly ParamSpec[]).map((p) => [
        p.name,
        ranged(p.min, p.max, { integer: p.integer, unit: p.unit, description: `${p.description} [${p.unit}; default ${p.default}]` }).optional(),
      ]),
    ),
  );
  // Structural alternatives (src/model/structure.ts): one choice per declared switch.
  const structure = z.strictObject(
    Object.fromEntries(
      STRUCTURES.map((x) => [
        x.name,
        z.enum(x.choices as unknown as [string, ...string[]], { error: (iss) => expectedMessage(`one of ${x.choices.join(', ')}`, iss.input) })
          .describe(`${x.description} [default ${x.default}]`).optional(),
      ]),
    ),
  );
  const leverNames = catalog.all.map((l) => l.name) as unknown as [string, ...string[]];
  const calendar = (description: string) =>
    ranged(CALENDAR_YEARS.min, CALENDAR_YEARS.max, { integer: true, what: 'a calendar year', description });
  const whereEntry = z.strictObject({
    branch_in_warning: z.boolean({ error: (iss) => expectedMessage('true or false', iss.input) })
      .describe('The branch is in warning at the start of the year (true) or not (false)').optional(),
    branch_authority: band(0, 1, 'Branch authority 0-1 at the start of the year').optional(),
    branch_foundation: band(0, 1, 'Branch foundation 0-1 at the start of the year: the mean of authority and meeting quality').optional(),
    industry_base: band(0, 1, "The village's initial local-jobs index 0-1 (its industry base)").optional(),
    industry: band(0, 1, 'The local-jobs index 0-1 at the start of the year').optional(),
    majority: oneOrMany(ETHNICITIES, 'an ethnicity', 'Majority ethnicity of the village, or a list of them').optional(),
    size: band(0, 1e9, 'Registered villagers (resident and away) at the start of the year').optional(),
    village_type: oneOrMany(VILLAGE_TYPES, 'a village type', 'Village type (docs/ODD.md, village typology), or a list of them').optional(),
  }, { error: (iss) => expectedMessage('a mapping of village conditions (branch_in_warning, branch_authority, …)', iss.input) });
  const where = whereEntry
    .refine((w) => Object.values(w).some((x) => x !== undefined), {
      message: `expected at least one condition (${Object.keys(whereEntry.shape).join(', ')}); found none`,
      when: (x) => x.issues.length === 0,
    })
    // The selector in camelCase, only the conditions given (the model's VillageSelector).
    .transform((w) => Object.fromEntries(Object.entries(w).filter(([, x]) => x !== undefined).map(([k, x]) => [camelKey(k), x])) as Camelize<typeof w>)
    .describe('Apply only in villages meeting every condition, judged on their state at the start of each year');
  const policyEntry = z
    .strictObject({
      lever: z.enum(leverNames).describe('Lever name'),
      value: z.union([z.number(), z.string()]).describe('Constant value within the lever range, or an expression in t and year'),
      from: ranged(1, 100, { integer: true, description: 'First year offset t at which the lever acts (default 1)' }).optional(),
      until: ranged(1, 100, { integer: true, what: 'a whole number or null', description: 'Last year offset at which it acts (default: the horizon)' })
        .nullable()
        .optional(),
      from_year: calendar('First calendar year at which the lever acts (instead of from: from = from_year − start_year)').optional(),
      to_year: calendar('Last calendar year at which it acts (instead of until: until = to_year − start_year)').optional(),
      unit_cost: ranged(0, 1e9, { unit: 'yuan', description: "Cost per unit per village (or recipient) per year; default: the lever's unitCost" }).optional(),
      where: where.optional(),
    });
  const policy = policyEntry
    .superRefine((p, ctx) => {
      const spec = catalog.index.get(p.lever);
      if (!spec) return;
      if (typeof p.value === 'number') {
        if (!(Number.isFinite(p.value) && p.value >= spec.min && p.value <= spec.max)) {
          ctx.addIssue({ code: 'custom', path: ['value'], input: p.value, message: expectedMessage(policyValueText(spec.min, spec.max), p.value) });
        }
      } else {
        const r = compileExpression(p.value);
        if (!r.ok) ctx.addIssue({ code: 'custom', path: ['value'], input: p.value, message: `invalid expression ${formatFound(p.value)}: ${r.message}` });
      }
      if (p.from !== undefined && p.from_year !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['from_year'], input: p.from_year, message: 'give either `from` (years since the start) or `from_year` (a calendar year), not both' });
      }
      if (p.until !== undefined && p.to_year !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['to_year'], input: p.to_year, message: 'give either `until` (years since the start) or `to_year` (a calendar year), not both' });
      }
      const from = p.from ?? 1;
      if (p.until != null && p.from_year === undefined && p.until < from) {
        ctx.addIssue({ code: 'custom', path: ['until'], input: p.until, message: expectedMessage(`a whole number ≥ from (${from}) or null`, p.until) });
      }
      if (p.to_year !== undefined && p.from_year !== undefined && p.to_year < p.from_year) {
        ctx.addIssue({ code: 'custom', path: ['to_year'], input: p.to_year, message: expectedMessage(`a calendar year ≥ from_year (${p.from_year})`, p.to_year) });
      }
    })
    // The entry in camelCase; the window is completed (calendar years → t, defaults) once the start year is
    // known; the selector only when given.
    .transform((p) => ({
      lever: p.lever, value: p.value, from: p.from, until: p.until, fromYear: p.from_year, toYear: p.to_year, unitCost: p.unit_cost,
      ...(p.where ? { where: p.where } : {}),
    }));
  const kinds = ['lockdown', 'economic'] as const;
  const shockEntry = z.strictObject({
    kind: z.enum(kinds).describe('lockdown (mobility stops, conflict rises; paper 3.1) or economic (recession)'),
    start: ranged(1, 100, { integer: true, description: 'Year offset t of the first shocked year (or give start_year)' }).optional(),
    start_year: calendar('Calendar year of the first shocked year (instead of start: start = start_year − start_year of the scenario)').optional(),
    duration: ranged(1, 100, { integer: true, description: 'Years it lasts (default 1)' }).optional(),
    mobility: ranged(0, 2, { what: 'a multiplier', description: 'Multiplier on migration flows (lockdown default 0)' }).optional(),
    conflict: share('Added village conflict, 0-1 (lockdown default 0.3)').optional(),
    migrant_wage: ranged(0, 2, { what: 'a multiplier', description: 'Multiplier on migrant wages (lockdown default 0.8)' }).optional(),
  });
  // The entry with duration 1 and the effects of its kind where not given; `start` is completed from
  // `start_year` once the scenario's start year is known.
  const shock = shockEntry
    .superRefine((x, ctx) => {
      if (x.start === undefined && x.start_year === undefined) {
        ctx.addIssue({ code: 'custom', path: ['start'], input: undefined, message: 'required key is missing; expected a whole number in [1, 100] (or give start_year, a calendar year)' });
      }
      if (x.start !== undefined && x.start_year !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['start_year'], input: x.start_year, message: 'give either `start` (years since the start) or `start_year` (a calendar year), not both' });
      }
    })
    .transform((x) => {
      const d = SHOCK_DEFAULTS[x.kind];
      return {
        kind: x.kind,
        start: x.start,
        startYear: x.start_year,
        duration: x.duration ?? 1,
        mobility: x.mobility ?? d.mobility,
        conflict: x.conflict ?? d.conflict,
        migrantWage: x.migrant_wage ?? d.migrantWage,
      };
    });
  const strengthValue = ranged(0, MAX_STRENGTH, { what: 'a strength', description: 'Multiplier on lever values (clamped to each lever range)' });
  const strengthMap = z.strictObject(Object.fromEntries(catalog.pathways.map((p) => [p, strengthValue.optional()])));
  const strength = z
    .union([strengthValue, strengthMap], {
      error: (iss) => expectedMessage(`a strength in [0, ${MAX_STRENGTH}] or a mapping pathway → strength`, iss.input),
    })
    .describe(
      'Scales the levers in force after this file (inherited and its own): every lever (a number) or those of the named pathways ' +
        '(a mapping); values × strength, clamped to the lever range; expressions wrapped. Not inherited.',
    );
  const file = z
    .strictObject({
      name: nameString('Scenario name (used in output rows)'),
      title: localizedText('Display name in reports, e.g. { en: Baseline, zh: 基线 } (default: the pathway\'s declared label, else the name)').optional(),
      description: localizedText('What the scenario changes and why: a string or { en: …, zh: … }').optional(),
      lang: z.enum(SCENARIO_LANGS, { error: (iss) => expectedMessage(`one of ${SCENARIO_LANGS.join(', ')}`, iss.input) })
        .describe('Language of the reports written for it, en or zh (default en; --lang overrides)').optional(),
      extends: str('a built-in scenario name or a file path', 'Parent scenario: a built-in name (e.g. baseline) or a path relative to this file').optional(),
      years: ranged(1, 100, { integer: true, description: 'Years simulated (default 30)' }).optional(),
      start_year: ranged(1900, 2200, { integer: true, description: 'Calendar year of the initial state (default 2025)' }).optional(),
      seed: ranged(0, 4294967295, { integer: true, what: 'an unsigned 32-bit integer', description: 'Run seed (default 1)' }).optional(),
      replicates: ranged(1, 10000, { integer: true, description: 'Replicates in an ensemble (default 20)' }).optional(),
      crn: z.boolean({ error: (iss) => expectedMessage('true or false', iss.input) }).describe('Common random numbers across scenarios (default true)').optional(),
      county: county.optional(),
      parameters: parameters.describe('Parameter overrides (declared names, within declared ranges)').optional(),
      structure: structure.describe('Structural alternatives (docs/ODD.md, structural alternatives): one choice per switch; absent: the default').optional(),
      strength: strength.optional(),
      policies: z.array(policy, { error: (iss) => expectedMessage('a list of policies', iss.input) }).optional(),
      shocks: z.array(shock, { error: (iss) => expectedMessage('a list of shocks', iss.input) }).optional(),
    })
    .describe('A talentsim scenario');
  const keys = {
    top: Object.keys(file.shape),
    scalars: Object.keys(file.shape).filter((k) => !(STRUCTURED_KEYS as readonly string[]).includes(k)),
    county: Object.keys(county.shape),
    structure: Object.keys(structure.shape),
    profile: Object.keys(profileObject.shape),
    policy: Object.keys(policyEntry.shape),
    where: Object.keys(whereEntry.shape),
    shock: Object.keys(shockEntry.shape),
  };
  return { file, county, mix, parameters, structure, policy, shock, strength, strengthValue, keys, catalog };
}

/** A deep copy of census figures (scenarios never share a built-in's objects). */
function copyFigures(f: Readonly<CensusFigures>): CensusFigures {
  return { name: f.name, year: f.year, ageGroups: { ...f.ageGroups }, sexRatio: f.sexRatio, householdSize: f.householdSize, education: { ...f.education } };
}

/** Census figures in the file's object form (every figure given, so the object loads back to the same figures). */
export function profileToFile(f: Readonly<CensusFigures>): Record<string, unknown> {
  const g = f.ageGroups;
  return {
    name: f.name, year: f.year, age_0_14: g.age0to14, age_15_59: g.age15to59, age_60_64: g.age60to64, age_65plus: g.age65plus,
    sex_ratio: f.sexRatio, household_size: f.householdSize,
    college_per_100k: f.education.college, senior_per_100k: f.education.senior, junior_per_100k: f.education.junior,
  };
}

const builtinSchemas = new WeakMap<LeverCatalog, ReturnType<typeof buildSchemas>>();

/**
 * The zod schemas of the file format for a lever catalogue (default: the built-in levers), built once per
 * catalogue from the current declarations.
 */
export function scenarioSchemas(catalog: LeverCatalog = leverCatalog()): ReturnType<typeof buildSchemas> {
  let s = builtinSchemas.get(catalog);
  if (!s) builtinSchemas.set(catalog, (s = buildSchemas(catalog)));
  return s;
}

type Schemas = ReturnType<typeof buildSchemas>;

/** The parsed form of one scenario file (snake_case keys; policies and shocks as camelCase entries). */
export type ScenarioFile = z.output<Schemas['file']>;

/**
 * A parsed `policies:` entry: lever, value, the window as written (`from`/`until` in years since the start,
 * or `fromYear`/`toYear` in calendar years; completed when the scenario is resolved) and the unit cost if given.
 */
export type PolicyEntry = z.output<Schemas['policy']>;

/** A parsed `shocks:` entry: its first year as written (`start`, or the calendar `startYear`) and its effects. */
export type ShockEntry = z.output<Schemas['shock']>;

/** A policy's `where:` selector, parsed (camelCase keys, only the conditions given; majority and village_type as lists). */
export type WhereSetting = NonNullable<PolicyEntry['where']>;

/** Compile-time check (fails to compile if false) that a parsed `where:` is the model's VillageSelector. */
export type WhereIsVillageSelector = Assert<WhereSetting extends VillageSelector ? true : false>;
type Assert<T extends true> = T;

/** A shock: over years t ∈ [start, start + duration), mobility and migrant wages are multiplied, conflict added. */
export type ShockSetting = Omit<ShockEntry, 'start' | 'startYear'> & { start: number };

/** A scenario file's `strength`: one multiplier for every lever, or one per pathway. */
export type StrengthSetting = NonNullable<ScenarioFile['strength']>;

/** The `county:` block of a file (snake_case keys, each optional). */
export type CountyFile = NonNullable<ScenarioFile['county']>;

/** A scenario's own text (`title`, `description`): one string, or texts by language. */
export type LocalizedText = NonNullable<ScenarioFile['description']>;

/** A report language. */
export type ScenarioLang = (typeof SCENARIO_LANGS)[number];

/** The file's scalar keys (every top-level key but county, parameters, strength, policies and shocks), parsed. */
export type ScenarioScalars = Omit<ScenarioFile, (typeof STRUCTURED_KEYS)[number]>;

/** JSON Schema of the scenario file format (for editor completion), from zod's `z.toJSONSchema`; user levers if given. */
export function scenarioJsonSchema(catalog?: LeverCatalog): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchemas(catalog).file, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

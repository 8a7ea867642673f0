/**
 * The scenario file format (YAML or JSON, snake_case keys) as zod 4 schemas — the one source of the
 * scenario types (types.ts and validate.ts derive theirs from these with `z.output`) and of the file's
 * keys — with the defaults applied when a key is absent everywhere in the `extends` chain. A policy or
 * shock entry parses straight to its camelCase setting (window and shock defaults filled). Parameter and
 * lever names and ranges are read from the model's declarations (PARAMETERS, LEVERS), never copied. Pure
 * and browser-safe.
 */
import * as z from 'zod';
import { ETHNICITIES } from '../model/county-config.js';
import { LEVER_INDEX, LEVERS } from '../model/levers.js';
import type { VillageSelector } from '../model/targeting.js';
import { VILLAGE_TYPES } from '../model/village-type.js';
import { PARAMETERS, type ParamSpec } from '../model/parameters.js';
import { compileExpression } from './expression.js';
import { formatFound } from './errors.js';
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
export const STRUCTURED_KEYS = ['county', 'parameters', 'policies', 'shocks'] as const;

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

const share = (description?: string) => ranged(0, 1, { what: 'a share', description });

/** The "expected …" text of a policy value for a lever with range [min, max]. */
export function policyValueText(min: number, max: number): string {
  return `a number in [${fmt(min)}, ${fmt(max)}] or an expression in t, year`;
}

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

function buildSchemas() {
  const mix = z.strictObject(
    Object.fromEntries(ETHNICITIES.map((e) => [e, share(`Share of ${e} villagers in the county`).optional()])),
  );
  const county = z.strictObject({
    name: str('a non-empty string', 'Display name of the county').optional(),
    villages: ranged(1, 100000, { integer: true, description: 'Number of administrative villages' }).optional(),
    population: ranged(1, 1e9, { integer: true, description: 'Registered villagers in the county (resident and away)' }).optional(),
    village_size_cv: ranged(0, 3, { description: 'Coefficient of variation of village size (lognormal)' }).optional(),
    segregation: share('How concentrated each ethnicity is by village (0 even, 1 one group per village)').optional(),
    mix: mix.describe('Ethnic shares of the county (merged over the parent, then normalised to sum to 1)').optional(),
  });
  const parameters = z.strictObject(
    Object.fromEntries(
      (PARAMETERS as readonly ParamSpec[]).map((p) => [
        p.name,
        ranged(p.min, p.max, { integer: p.integer, unit: p.unit, description: `${p.description} [${p.unit}; default ${p.default}]` }).optional(),
      ]),
    ),
  );
  const leverNames = LEVERS.map((l) => l.name) as unknown as [string, ...string[]];
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
      unit_cost: ranged(0, 1e9, { unit: 'yuan', description: "Cost per unit per village (or recipient) per year; default: the lever's unitCost (see `talentsim schema --levers`)" }).optional(),
      where: where.optional(),
    });
  const policy = policyEntry
    .superRefine((p, ctx) => {
      const spec = LEVER_INDEX.get(p.lever);
      if (!spec) return;
      if (typeof p.value === 'number') {
        if (!(Number.isFinite(p.value) && p.value >= spec.min && p.value <= spec.max)) {
          ctx.addIssue({ code: 'custom', path: ['value'], input: p.value, message: expectedMessage(policyValueText(spec.min, spec.max), p.value) });
        }
      } else {
        const r = compileExpression(p.value);
        if (!r.ok) ctx.addIssue({ code: 'custom', path: ['value'], input: p.value, message: `invalid expression ${formatFound(p.value)}: ${r.message}` });
      }
      const from = p.from ?? 1;
      if (p.until != null && p.until < from) {
        ctx.addIssue({ code: 'custom', path: ['until'], input: p.until, message: expectedMessage(`a whole number ≥ from (${from}) or null`, p.until) });
      }
    })
    // The entry as a setting: the window's defaults filled, the unit cost still optional (the lever's own applies
    // later), the selector only when given.
    .transform((p) => ({
      lever: p.lever, value: p.value, from: p.from ?? 1, until: p.until ?? null, unitCost: p.unit_cost,
      ...(p.where ? { where: p.where } : {}),
    }));
  const kinds = ['lockdown', 'economic'] as const;
  const shockEntry = z.strictObject({
    kind: z.enum(kinds).describe('lockdown (mobility stops, conflict rises; paper 3.1) or economic (recession)'),
    start: ranged(1, 100, { integer: true, description: 'Year offset t of the first shocked year' }),
    duration: ranged(1, 100, { integer: true, description: 'Years it lasts (default 1)' }).optional(),
    mobility: ranged(0, 2, { what: 'a multiplier', description: 'Multiplier on migration flows (lockdown default 0)' }).optional(),
    conflict: share('Added village conflict, 0-1 (lockdown default 0.3)').optional(),
    migrant_wage: ranged(0, 2, { what: 'a multiplier', description: 'Multiplier on migrant wages (lockdown default 0.8)' }).optional(),
  });
  // The entry as a setting: duration 1 and the effects of its kind where not given.
  const shock = shockEntry.transform((x) => {
    const d = SHOCK_DEFAULTS[x.kind];
    return {
      kind: x.kind,
      start: x.start,
      duration: x.duration ?? 1,
      mobility: x.mobility ?? d.mobility,
      conflict: x.conflict ?? d.conflict,
      migrantWage: x.migrant_wage ?? d.migrantWage,
    };
  });
  const file = z
    .strictObject({
      name: str('a non-empty string', 'Scenario name (used in output rows)'),
      description: z.string({ error: (iss) => expectedMessage('a string', iss.input) }).describe('What the scenario changes and why').optional(),
      extends: str('a built-in scenario name or a file path', 'Parent scenario: a built-in name (e.g. baseline) or a path relative to this file').optional(),
      years: ranged(1, 100, { integer: true, description: 'Years simulated (default 30)' }).optional(),
      start_year: ranged(1900, 2200, { integer: true, description: 'Calendar year of the initial state (default 2025)' }).optional(),
      seed: ranged(0, 4294967295, { integer: true, what: 'an unsigned 32-bit integer', description: 'Run seed (default 1)' }).optional(),
      replicates: ranged(1, 10000, { integer: true, description: 'Replicates in an ensemble (default 20)' }).optional(),
      crn: z.boolean({ error: (iss) => expectedMessage('true or false', iss.input) }).describe('Common random numbers across scenarios (default true)').optional(),
      county: county.optional(),
      parameters: parameters.describe('Parameter overrides (declared names, within declared ranges)').optional(),
      policies: z.array(policy, { error: (iss) => expectedMessage('a list of policies', iss.input) }).optional(),
      shocks: z.array(shock, { error: (iss) => expectedMessage('a list of shocks', iss.input) }).optional(),
    })
    .describe('A talentsim scenario');
  const keys = {
    top: Object.keys(file.shape),
    scalars: Object.keys(file.shape).filter((k) => !(STRUCTURED_KEYS as readonly string[]).includes(k)),
    county: Object.keys(county.shape),
    policy: Object.keys(policyEntry.shape),
    where: Object.keys(whereEntry.shape),
    shock: Object.keys(shockEntry.shape),
  };
  return { file, county, mix, parameters, policy, shock, keys };
}

let cached: ReturnType<typeof buildSchemas> | undefined;

/** The zod schemas of the file format (built once, from the current declarations). */
export function scenarioSchemas(): ReturnType<typeof buildSchemas> {
  cached ??= buildSchemas();
  return cached;
}

type Schemas = ReturnType<typeof buildSchemas>;

/** The parsed form of one scenario file (snake_case keys; policies and shocks already as settings). */
export type ScenarioFile = z.output<Schemas['file']>;

/** A parsed `policies:` entry: lever, value and window (from 1, until null = the horizon); unit cost if given. */
export type PolicyEntry = z.output<Schemas['policy']>;

/** A policy's `where:` selector, parsed (camelCase keys, only the conditions given; majority and village_type as lists). */
export type WhereSetting = NonNullable<PolicyEntry['where']>;

/** Compile-time check (fails to compile if false) that a parsed `where:` is the model's VillageSelector. */
export type WhereIsVillageSelector = Assert<WhereSetting extends VillageSelector ? true : false>;
type Assert<T extends true> = T;

/** A shock: over years t ∈ [start, start + duration), mobility and migrant wages are multiplied, conflict added. */
export type ShockSetting = z.output<Schemas['shock']>;

/** The `county:` block of a file (snake_case keys, each optional). */
export type CountyFile = NonNullable<ScenarioFile['county']>;

/** The file's scalar keys (every top-level key but county, parameters, policies and shocks), parsed. */
export type ScenarioScalars = Omit<ScenarioFile, (typeof STRUCTURED_KEYS)[number]>;

/** JSON Schema of the scenario file format (for editor completion), from zod's `z.toJSONSchema`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchemas().file, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

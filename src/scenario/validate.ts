/**
 * One scenario file's plain value → a partial, camelCase `ScenarioDocument` plus every problem found in it.
 * Structure, types and ranges are checked with the zod schemas (all problems at once, never the first
 * only); the valid parts are kept so later checks (expressions over the horizon) still run on them.
 * Pure and browser-safe.
 */
import type * as z from 'zod';
import { ETHNICITIES, type Ethnicity } from '../model/county-config.js';
import { PARAMETER_INDEX, PARAMETERS } from '../model/parameters.js';
import { formatFound, formatPath, type ScenarioError } from './errors.js';
import { leverCatalog, type LeverCatalog } from './levers.js';
import {
  CALENDAR_YEARS, camelKey, policyValueText, scenarioSchemas,
  type Camelize, type CountyFile, type PolicyEntry, type ScenarioScalars, type ShockEntry, type StrengthSetting,
} from './schema.js';
import { closestName } from './suggest.js';
import { STRUCTURES } from '../model/structure.js';

/** Where an entry of a list was written: file label and path (for problems found later). */
interface Written {
  file: string;
  path: string;
}

/**
 * A policy entry as written in one file (window as written, unit cost still optional), with where it was
 * written and the product of the strengths applied to it so far (1: none).
 */
export type DocumentPolicy = PolicyEntry & Written & { scale: number };

/** A shock entry as written in one file (first year as `start` or `startYear`), with where it was written. */
export type DocumentShock = ShockEntry & Written;

/** One file's content (types from the schema): only the keys it sets, each already valid, in camelCase. */
export type ScenarioDocument = Partial<Camelize<ScenarioScalars>> & {
  file: string;
  county: Partial<Camelize<Omit<CountyFile, 'mix'>>> & { mix: Partial<Record<Ethnicity, number>> };
  parameters: Record<string, number>;
  /** Structure choices set in this file (switch → choice). */
  structure: Record<string, string>;
  strength?: StrengthSetting;
  policies: DocumentPolicy[];
  shocks: DocumentShock[];
};

/**
 * A year offset (`from`, `until`, a shock's `start`) written as a calendar year (e.g. `from: 2027`): its
 * message needs the scenario's start year, known only once the whole `extends` chain is resolved.
 */
export interface CalendarYearSlip extends Written {
  /** The key as written. */
  key: 'from' | 'until' | 'start';
  value: number;
}

const PARAM_NAMES = () => PARAMETERS.map((p) => p.name as string);

const code = (s: string) => `\`${s}\``;

/** The message for an unknown key at `parent` (path parts of the containing object). */
function unknownKeyMessage(parent: readonly PropertyKey[], key: string, catalog: LeverCatalog): string {
  const p0 = parent[0];
  const LEVER_INDEX = catalog.index;
  const LEVER_NAMES = () => catalog.all.map((l) => l.name);
  if (parent.length === 0) {
    const keys = scenarioSchemas(catalog).keys;
    const top = closestName(key, keys.top);
    if (top) return `unknown key; did you mean ${code(top)}?`;
    if (PARAMETER_INDEX.has(key)) return `unknown key; ${code(key)} is a parameter: put it under ${code('parameters:')}`;
    if (LEVER_INDEX.has(key)) return `unknown key; ${code(key)} is a lever: set it in ${code('policies:')} as ${code(`- { lever: ${key}, value: … }`)}`;
    const param = closestName(key, PARAM_NAMES());
    if (param) return `unknown key; did you mean ${code(`parameters.${param}`)}?`;
    const lever = closestName(key, LEVER_NAMES());
    if (lever) return `unknown key; did you mean the lever ${code(lever)} (set it in ${code('policies:')})?`;
    return `unknown key; expected one of: ${keys.top.join(', ')}`;
  }
  if (p0 === 'parameters' && parent.length === 1) {
    if (LEVER_INDEX.has(key)) return `unknown parameter; ${code(key)} is a lever: set it in ${code('policies:')}`;
    const s = closestName(key, PARAM_NAMES());
    return s ? `unknown parameter; did you mean ${code(s)}?` : 'unknown parameter (the declared ones are listed in docs/parameters.md)';
  }
  if (p0 === 'structure' && parent.length === 1) {
    const names = STRUCTURES.map((x) => x.name);
    const s = closestName(key, names);
    return `unknown structure switch; ${s ? `did you mean ${code(s)}? (expected one of: ${names.join(', ')})` : `expected one of: ${names.join(', ')}`}`;
  }
  if (p0 === 'county' && parent[1] === 'mix') {
    const s = closestName(key, ETHNICITIES);
    return `unknown ethnicity; ${s ? `did you mean ${code(s)}? (expected one of: ${ETHNICITIES.join(', ')})` : `expected one of: ${ETHNICITIES.join(', ')}`}`;
  }
  if (p0 === 'strength' && parent.length === 1) {
    const s = closestName(key, catalog.pathways);
    return `unknown pathway; ${s ? `did you mean ${code(s)}? (expected one of: ${catalog.pathways.join(', ')})` : `expected one of: ${catalog.pathways.join(', ')}`}`;
  }
  const k = scenarioSchemas(catalog).keys;
  const inWhere = p0 === 'policies' && parent[2] === 'where';
  const allowed: readonly string[] =
    inWhere && parent.length === 3 ? k.where
    : inWhere ? ['above', 'below']
    : p0 === 'county' ? (parent[1] === 'profile' ? k.profile : k.county) : p0 === 'policies' ? k.policy : p0 === 'shocks' ? k.shock : [];
  const s = closestName(key, allowed);
  if (s) return `unknown key; did you mean ${code(s)}?`;
  return allowed.length ? `unknown key; expected one of: ${allowed.join(', ')}` : 'unknown key';
}

/** The message of a bad lever name. */
function leverMessage(input: unknown, catalog: LeverCatalog): string {
  if (typeof input !== 'string') return `expected a lever name; found ${formatFound(input)}`;
  if (PARAMETER_INDEX.has(input)) return `${formatFound(input)} is a parameter, not a lever: set it under ${code('parameters:')}`;
  const names = catalog.all.map((l) => l.name);
  const s = closestName(input, names);
  return `unknown lever ${formatFound(input)}; ${s ? `did you mean ${code(s)}?` : `expected one of: ${names.join(', ')}`}`;
}

/** True if `input` looks like a calendar year written where a year offset t belongs. */
function looksLikeYear(input: unknown): input is number {
  return typeof input === 'number' && Number.isInteger(input) && input >= CALENDAR_YEARS.min && input <= CALENDAR_YEARS.max;
}

/** Generic messages for issues no schema customised (types of containers, enums, unions). */
function genericMessage(iss: { code: string; input?: unknown; expected?: string; path?: PropertyKey[] }): string {
  const found = formatFound(iss.input);
  if (iss.code === 'invalid_type') {
    const what: Record<string, string> = {
      object: iss.path?.length ? 'a mapping' : 'a mapping of scenario keys (name, years, county, parameters, policies, …)',
      array: 'a list',
      string: 'a string',
      number: 'a number',
      boolean: 'true or false',
    };
    const expected = what[iss.expected ?? ''] ?? String(iss.expected);
    if (!iss.path?.length && iss.input !== undefined) return `not a scenario file: expected ${expected}; found ${kindOf(iss.input)}`;
    return iss.input === undefined ? `required key is missing; expected ${expected}` : `expected ${expected}; found ${found}`;
  }
  return `invalid value; found ${found}`;
}

/** What kind of value `v` is, without its content (for a file that is not a scenario: never echo it). */
function kindOf(v: unknown): string {
  if (typeof v === 'string') return 'text';
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;
}

/**
 * True when a mapping has no key a scenario could mean (no scenario key, parameter or lever, nor a near
 * miss of one): a file that is not a scenario, whose keys are not echoed back.
 */
function notAScenario(value: Record<string, unknown>, catalog: LeverCatalog): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => unknownKeyMessage([], k, catalog).startsWith('unknown key; expected one of'));
}

/** Looks up the value at `path` inside `root`. */
function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as string];
  }
  return v;
}

/** Converts zod issues (from a parse of `root`) into scenario problems for `file`; calendar-year slips go to `slips`. */
function toScenarioErrors(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  file: string,
  catalog: LeverCatalog,
  slips: CalendarYearSlip[],
  prefix: readonly PropertyKey[] = [],
): ScenarioError[] {
  const out: ScenarioError[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) out.push({ file, path: formatPath([...path, key]), message: unknownKeyMessage(path, key, catalog) });
      continue;
    }
    const last = path[path.length - 1];
    const windowKey = (path[0] === 'policies' && (last === 'from' || last === 'until')) || (path[0] === 'shocks' && last === 'start');
    if (windowKey && path.length === 3 && looksLikeYear(iss.input)) {
      slips.push({ file, path: formatPath(path), key: last as CalendarYearSlip['key'], value: iss.input });
      continue;
    }
    if (path[0] === 'strength' && path.length === 1 && iss.code === 'invalid_union' && isRecord(iss.input)) {
      // A mapping: report its own problems (unknown pathways, strengths out of range), not the union's.
      const r = scenarioSchemas(catalog).strength.options[1].safeParse(iss.input, { error: genericMessage as never, reportInput: true });
      if (!r.success) {
        out.push(...toScenarioErrors(r.error.issues, root, file, catalog, slips, ['strength']));
        continue;
      }
    }
    let message = iss.message;
    if (path[0] === 'policies' && last === 'lever' && iss.code === 'invalid_value') message = leverMessage(iss.input, catalog);
    else if (path[0] === 'structure' && path.length === 2 && iss.code === 'invalid_value') {
      const spec = STRUCTURES.find((x) => x.name === last);
      const choices: readonly string[] = spec ? spec.choices : [];
      const s = typeof iss.input === 'string' ? closestName(iss.input, choices) : undefined;
      message = `expected one of ${choices.map(code).join(', ')}; found ${formatFound(iss.input)}${s ? `; did you mean ${code(s)}?` : ''}`;
    } else if (path[0] === 'shocks' && last === 'kind' && iss.code === 'invalid_value') {
      const s = typeof iss.input === 'string' ? closestName(iss.input, ['lockdown', 'economic']) : undefined;
      message = `expected ${code('lockdown')} or ${code('economic')}; found ${formatFound(iss.input)}${s ? `; did you mean ${code(s)}?` : ''}`;
    } else if (path[0] === 'policies' && last === 'value' && iss.code === 'invalid_union') {
      const spec = catalog.index.get(String(at(root, [...path.slice(0, -1), 'lever'])));
      const expected = spec ? policyValueText(spec.min, spec.max) : 'a number or an expression in t, year';
      message = iss.input === undefined ? `required key is missing; expected ${expected}` : `expected ${expected}; found ${formatFound(iss.input)}`;
    }
    const e: ScenarioError = { file, path: formatPath(path), message };
    const m = /^(?:required key is missing; )?expected (.*); found (.*)$/s.exec(message);
    if (m) {
      e.expected = m[1];
      e.found = m[2];
    } else if (message.startsWith('required key is missing; expected ')) {
      e.expected = message.slice('required key is missing; expected '.length);
    }
    out.push(e);
  }
  return out;
}

/** Parses `value` with `schema`, returning the data or undefined (problems are collected elsewhere). */
function valid<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** What {@link validateScenarioValue} found in one file. */
export interface ValidatedDocument {
  /** Its valid content. */
  doc: ScenarioDocument;
  /** Every problem found in it. */
  issues: ScenarioError[];
  /** Year offsets written as calendar years (problems whose message needs the resolved start year). */
  slips: CalendarYearSlip[];
}

/** Validates one file's plain value against the levers of `catalog` (default: the built-in ones). */
export function validateScenarioValue(value: unknown, file: string, catalog: LeverCatalog = leverCatalog()): ValidatedDocument {
  const s = scenarioSchemas(catalog);
  const doc: ScenarioDocument = { file, county: { mix: {} }, parameters: {}, structure: {}, policies: [], shocks: [] };
  if (isRecord(value) && notAScenario(value, catalog)) {
    const expected = `a mapping of scenario keys (${s.keys.top.slice(0, 6).join(', ')}, …)`;
    return { doc, issues: [{ file, path: '', message: `not a scenario file: expected ${expected}; found a mapping without any of them`, expected }], slips: [] };
  }
  const r = s.file.safeParse(value, { error: genericMessage as never, reportInput: true });
  const slips: CalendarYearSlip[] = [];
  const issues = r.success ? [] : toScenarioErrors(r.error.issues, value, file, catalog, slips);
  if (!isRecord(value)) return { doc, issues, slips };
  // Report in file order: by the position of the top-level key the problem is under (stable within a key).
  const order = new Map(Object.keys(value).map((k, i) => [k, i]));
  const rank = (e: ScenarioError) => {
    const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(e.path)?.[0] ?? '';
    return order.get(key) ?? -1; // a key that is not there: a missing required key, reported first
  };
  issues.sort((a, b) => rank(a) - rank(b));
  // Every valid key, by the schema's own key lists (so a key added to the schema is carried here unchanged).
  const shape = s.file.shape as Record<string, z.ZodType<unknown>>;
  const scalars = doc as unknown as Record<string, unknown>;
  for (const key of s.keys.scalars) {
    const ok = hasOwn(value, key) ? valid(shape[key], value[key]) : undefined;
    if (ok !== undefined) scalars[camelKey(key)] = ok;
  }
  const county = value.county;
  if (isRecord(county)) {
    const cs = s.county.shape as Record<string, z.ZodType<unknown>>;
    const fields = doc.county as unknown as Record<string, unknown>;
    for (const key of s.keys.county) {
      if (key === 'mix' || !hasOwn(county, key)) continue;
      const ok = valid(cs[key], county[key]);
      if (ok !== undefined) fields[camelKey(key)] = ok;
    }
    const mix = county.mix;
    if (isRecord(mix)) {
      for (const e of ETHNICITIES) {
        if (!hasOwn(mix, e)) continue;
        const v = valid(s.mix.shape[e] as z.ZodType<unknown>, mix[e]);
        if (typeof v === 'number') doc.county.mix[e] = v;
      }
    }
  }
  const params = value.parameters;
  if (isRecord(params)) {
    for (const [k, v] of Object.entries(params)) {
      const schema = PARAMETER_INDEX.has(k) ? (s.parameters.shape[k] as z.ZodType<unknown> | undefined) : undefined;
      const ok = schema ? valid(schema, v) : undefined;
      if (typeof ok === 'number') doc.parameters[k] = ok;
    }
  }
  const structure = value.structure;
  if (isRecord(structure)) {
    const ss = s.structure.shape as Record<string, z.ZodType<unknown>>;
    for (const [k, v] of Object.entries(structure)) {
      const ok = hasOwn(ss, k) ? valid(ss[k], v) : undefined;
      if (typeof ok === 'string') doc.structure[k] = ok;
    }
  }
  if (hasOwn(value, 'strength')) {
    const ok = valid(s.strength, value.strength);
    if (ok !== undefined) doc.strength = ok;
  }
  if (Array.isArray(value.policies)) {
    value.policies.forEach((p: unknown, i: number) => {
      const ok = valid(s.policy, p);
      if (ok) doc.policies.push({ ...ok, file, path: `policies[${i}]`, scale: 1 });
    });
  }
  if (Array.isArray(value.shocks)) {
    (value.shocks as unknown[]).forEach((sh, i) => {
      const ok = valid(s.shock, sh);
      if (ok) doc.shocks.push({ ...ok, file, path: `shocks[${i}]` });
    });
  }
  return { doc, issues, slips };
}

/**
 * One scenario file's plain value → a partial, camelCase `ScenarioDocument` plus every problem found in it.
 * Structure, types and ranges are checked with the zod schemas (all problems at once, never the first
 * only); the valid parts are kept so later checks (expressions over the horizon) still run on them.
 * Pure and browser-safe.
 */
import type * as z from 'zod';
import { ETHNICITIES, type Ethnicity } from '../model/county-config.js';
import { LEVER_INDEX, LEVERS } from '../model/levers.js';
import { PARAMETER_INDEX, PARAMETERS } from '../model/parameters.js';
import { formatFound, formatPath, type ScenarioError } from './errors.js';
import {
  camelKey, policyValueText, scenarioSchemas,
  type Camelize, type CountyFile, type PolicyEntry, type ScenarioScalars, type ShockSetting,
} from './schema.js';
import { closestName } from './suggest.js';

/** A policy entry as written in one file (unit cost still optional), with where it was written. */
export type DocumentPolicy = PolicyEntry & {
  /** File label and path of the entry (for later problems). */
  file: string;
  path: string;
};

/** One file's content (types from the schema): only the keys it sets, each already valid, in camelCase. */
export type ScenarioDocument = Partial<Camelize<ScenarioScalars>> & {
  file: string;
  county: Partial<Camelize<Omit<CountyFile, 'mix'>>> & { mix: Partial<Record<Ethnicity, number>> };
  parameters: Record<string, number>;
  policies: DocumentPolicy[];
  shocks: ShockSetting[];
};

const PARAM_NAMES = () => PARAMETERS.map((p) => p.name as string);
const LEVER_NAMES = () => LEVERS.map((l) => l.name as string);

const code = (s: string) => `\`${s}\``;

/** The message for an unknown key at `parent` (path parts of the containing object). */
function unknownKeyMessage(parent: readonly PropertyKey[], key: string): string {
  const p0 = parent[0];
  if (parent.length === 0) {
    const keys = scenarioSchemas().keys;
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
  if (p0 === 'county' && parent[1] === 'mix') {
    const s = closestName(key, ETHNICITIES);
    return `unknown ethnicity; ${s ? `did you mean ${code(s)}? (expected one of: ${ETHNICITIES.join(', ')})` : `expected one of: ${ETHNICITIES.join(', ')}`}`;
  }
  const k = scenarioSchemas().keys;
  const inWhere = p0 === 'policies' && parent[2] === 'where';
  const allowed: readonly string[] =
    inWhere && parent.length === 3 ? k.where
    : inWhere ? ['above', 'below']
    : p0 === 'county' ? k.county : p0 === 'policies' ? k.policy : p0 === 'shocks' ? k.shock : [];
  const s = closestName(key, allowed);
  if (s) return `unknown key; did you mean ${code(s)}?`;
  return allowed.length ? `unknown key; expected one of: ${allowed.join(', ')}` : 'unknown key';
}

/** The message of a bad lever name. */
function leverMessage(input: unknown): string {
  if (typeof input !== 'string') return `expected a lever name; found ${formatFound(input)}`;
  if (PARAMETER_INDEX.has(input)) return `${formatFound(input)} is a parameter, not a lever: set it under ${code('parameters:')}`;
  const s = closestName(input, LEVER_NAMES());
  return `unknown lever ${formatFound(input)}; ${s ? `did you mean ${code(s)}?` : `expected one of: ${LEVER_NAMES().join(', ')}`}`;
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
    return iss.input === undefined ? `required key is missing; expected ${expected}` : `expected ${expected}; found ${found}`;
  }
  return `invalid value; found ${found}`;
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

/** Converts zod issues (from a parse of `root`) into scenario problems for `file`. */
function toScenarioErrors(issues: readonly z.core.$ZodIssue[], root: unknown, file: string): ScenarioError[] {
  const out: ScenarioError[] = [];
  for (const iss of issues) {
    const path = iss.path;
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) out.push({ file, path: formatPath([...path, key]), message: unknownKeyMessage(path, key) });
      continue;
    }
    const last = path[path.length - 1];
    let message = iss.message;
    if (path[0] === 'policies' && last === 'lever' && iss.code === 'invalid_value') message = leverMessage(iss.input);
    else if (path[0] === 'shocks' && last === 'kind' && iss.code === 'invalid_value') {
      const s = typeof iss.input === 'string' ? closestName(iss.input, ['lockdown', 'economic']) : undefined;
      message = `expected ${code('lockdown')} or ${code('economic')}; found ${formatFound(iss.input)}${s ? `; did you mean ${code(s)}?` : ''}`;
    } else if (path[0] === 'policies' && last === 'value' && iss.code === 'invalid_union') {
      const spec = LEVER_INDEX.get(String(at(root, [...path.slice(0, -1), 'lever'])));
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

/** Validates one file's plain value; returns its valid content and every problem found. */
export function validateScenarioValue(value: unknown, file: string): { doc: ScenarioDocument; issues: ScenarioError[] } {
  const s = scenarioSchemas();
  const doc: ScenarioDocument = { file, county: { mix: {} }, parameters: {}, policies: [], shocks: [] };
  const r = s.file.safeParse(value, { error: genericMessage as never, reportInput: true });
  const issues = r.success ? [] : toScenarioErrors(r.error.issues, value, file);
  if (!isRecord(value)) return { doc, issues };
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
  if (Array.isArray(value.policies)) {
    value.policies.forEach((p: unknown, i: number) => {
      const ok = valid(s.policy, p);
      if (ok) doc.policies.push({ ...ok, file, path: `policies[${i}]` });
    });
  }
  if (Array.isArray(value.shocks)) {
    for (const sh of value.shocks as unknown[]) {
      const ok = valid(s.shock, sh);
      if (ok) doc.shocks.push(ok);
    }
  }
  return { doc, issues };
}

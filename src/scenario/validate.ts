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
import { COUNTY_KEYS, POLICY_KEYS, policyValueText, scenarioSchemas, SHOCK_KEYS, TOP_KEYS } from './schema.js';
import { closestName } from './suggest.js';
import type { ShockSetting } from './types.js';
import { SHOCK_DEFAULTS } from './schema.js';

/** A policy entry as written in one file (unit cost still optional), with where it was written. */
export interface DocumentPolicy {
  lever: string;
  value: number | string;
  from: number;
  until: number | null;
  unitCost?: number;
  /** File label and path of the entry (for later problems). */
  file: string;
  path: string;
}

/** One file's content: only the keys it sets, each already valid. */
export interface ScenarioDocument {
  file: string;
  name?: string;
  description?: string;
  extends?: string;
  years?: number;
  startYear?: number;
  seed?: number;
  replicates?: number;
  crn?: boolean;
  county: {
    name?: string;
    villages?: number;
    population?: number;
    villageSizeCv?: number;
    segregation?: number;
    mix: Partial<Record<Ethnicity, number>>;
  };
  parameters: Record<string, number>;
  policies: DocumentPolicy[];
  shocks: ShockSetting[];
}

const PARAM_NAMES = () => PARAMETERS.map((p) => p.name as string);
const LEVER_NAMES = () => LEVERS.map((l) => l.name as string);

const code = (s: string) => `\`${s}\``;

/** The message for an unknown key at `parent` (path parts of the containing object). */
function unknownKeyMessage(parent: readonly PropertyKey[], key: string): string {
  const p0 = parent[0];
  if (parent.length === 0) {
    const top = closestName(key, TOP_KEYS);
    if (top) return `unknown key; did you mean ${code(top)}?`;
    if (PARAMETER_INDEX.has(key)) return `unknown key; ${code(key)} is a parameter: put it under ${code('parameters:')}`;
    if (LEVER_INDEX.has(key)) return `unknown key; ${code(key)} is a lever: set it in ${code('policies:')} as ${code(`- { lever: ${key}, value: … }`)}`;
    const param = closestName(key, PARAM_NAMES());
    if (param) return `unknown key; did you mean ${code(`parameters.${param}`)}?`;
    const lever = closestName(key, LEVER_NAMES());
    if (lever) return `unknown key; did you mean the lever ${code(lever)} (set it in ${code('policies:')})?`;
    return `unknown key; expected one of: ${TOP_KEYS.join(', ')}`;
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
  const allowed: readonly string[] = p0 === 'county' ? COUNTY_KEYS : p0 === 'policies' ? POLICY_KEYS : p0 === 'shocks' ? SHOCK_KEYS : [];
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
  const shape = s.file.shape;
  const scalar = <K extends keyof typeof shape>(key: K): unknown =>
    hasOwn(value, key) ? valid(shape[key] as z.ZodType<unknown>, value[key]) : undefined;
  doc.name = scalar('name') as string | undefined;
  doc.description = scalar('description') as string | undefined;
  doc.extends = scalar('extends') as string | undefined;
  doc.years = scalar('years') as number | undefined;
  doc.startYear = scalar('start_year') as number | undefined;
  doc.seed = scalar('seed') as number | undefined;
  doc.replicates = scalar('replicates') as number | undefined;
  doc.crn = scalar('crn') as boolean | undefined;
  const county = value.county;
  if (isRecord(county)) {
    const cs = s.county.shape;
    const c = (key: keyof typeof cs): unknown => (hasOwn(county, key) ? valid(cs[key] as z.ZodType<unknown>, county[key]) : undefined);
    doc.county.name = c('name') as string | undefined;
    doc.county.villages = c('villages') as number | undefined;
    doc.county.population = c('population') as number | undefined;
    doc.county.villageSizeCv = c('village_size_cv') as number | undefined;
    doc.county.segregation = c('segregation') as number | undefined;
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
      if (!ok) return;
      doc.policies.push({
        lever: ok.lever,
        value: ok.value,
        from: ok.from ?? 1,
        until: ok.until ?? null,
        unitCost: ok.unit_cost,
        file,
        path: `policies[${i}]`,
      });
    });
  }
  if (Array.isArray(value.shocks)) {
    for (const sh of value.shocks as unknown[]) {
      const ok = valid(s.shock, sh);
      if (!ok) continue;
      const d = SHOCK_DEFAULTS[ok.kind];
      doc.shocks.push({
        kind: ok.kind,
        start: ok.start,
        duration: ok.duration ?? 1,
        mobility: ok.mobility ?? d.mobility,
        conflict: ok.conflict ?? d.conflict,
        migrantWage: ok.migrant_wage ?? d.migrantWage,
      });
    }
  }
  return { doc, issues };
}

/**
 * Changing a resolved scenario field by field — `--set path=value` on the command line, scan and sweep
 * points, `withOverrides` in code — validated exactly like a scenario file: the changes become a child
 * document that `extends` the scenario (so the merge rules of `extends` hold: `county.villages` alone keeps
 * the mean village size, a mix share keeps the others in proportion, a lever's entries are replaced,
 * `strength` scales what is in force) and every problem is reported as `<label>: <path>: <message>`, with the
 * path as the user wrote it; {@link withCostLevel} prices the policies at a cost level. Pure (no file access).
 */
import YAML from 'yaml';
import { LEVER_INDEX, leverUnitCost, type CostLevel } from '../model/levers.js';
import { PARAMETER_INDEX, resolveParams } from '../model/parameters.js';
import { ScenarioLoadError, unwrapScenario, type ScenarioError, type ScenarioResult } from './errors.js';
import { scenarioToFile } from './describe.js';
import { leverCatalog } from './levers.js';
import { resolveScenario, type ScenarioLookup } from './resolve.js';
import { camelKey as camel, scenarioSchemas } from './schema.js';
import type { Scenario } from './types.js';

/** One field change: a path in the file's terms (`parameters.migrant_wage`, `policies.care_relief`) and its value. */
export interface ScenarioSetting {
  /** The path, e.g. `years`, `county.villages`, `county.mix.yao`, `parameters.x`, `policies.lever[.field]`, `strength[.pathway]`, `shocks[0].start`. */
  path: string;
  /** The value as a scenario file would hold it (number, string, boolean or null). */
  value: unknown;
}

/** What {@link withOverrides} can change. */
export interface ScenarioOverrides {
  years?: number;
  seed?: number;
  replicates?: number;
  /** Parameter overrides, merged over the scenario's own. */
  parameters?: Record<string, number>;
  /** Price the policies at this cost level ({@link withCostLevel}). */
  costs?: CostLevel;
}

/** Options of {@link applySettings}. */
export interface ApplyOptions {
  /** Label of the changes in problems (default `--set`): `--set: parameters.x: …`. */
  label?: string;
  /** Label of problems the changes cause in the scenario's own entries (default `<source> (with <label>)`). */
  parentLabel?: string;
}

/**
 * Parses a `path=value` text (the value as YAML: `0.5` a number, `true` a boolean, `null`, text a string;
 * text that does not read as a YAML scalar, such as `t > 3 ? 1 : 0`, is taken as written).
 * Throws ScenarioLoadError (file label `label`) if there is no `=` or no path.
 */
export function parseSetting(text: string, label = '--set'): ScenarioSetting {
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq).trim();
  if (eq < 0 || path === '') {
    throw new ScenarioLoadError([{ file: label, path: '', message: `expected path=value (e.g. parameters.migrant_wage=50000 or policies.care_relief=0.5); found ${JSON.stringify(text)}` }]);
  }
  return { path, value: yamlScalar(text.slice(eq + 1).trim()) };
}

/** A value text read as a YAML scalar, or the text itself when it is not one. */
function yamlScalar(text: string): unknown {
  try {
    const v: unknown = YAML.parse(text);
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    if (v === null && (text === '' || text === 'null' || text === '~')) return null;
    return text;
  } catch {
    return text;
  }
}

/** One segment of a path: a key and an optional list index (`shocks[0]`). */
interface Segment {
  key: string;
  index?: number;
}

function parsePath(path: string): Segment[] | undefined {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([A-Za-z_][A-Za-z0-9_-]*)(?:\[(\d+)\])?$/.exec(part);
    if (!m) return undefined;
    out.push(m[2] === undefined ? { key: m[1] } : { key: m[1], index: Number(m[2]) });
  }
  return out;
}

/** A `--set` problem before anything is resolved (a path that names no field). */
class SettingProblems {
  readonly issues: ScenarioError[] = [];
  constructor(readonly label: string) {}
  add(path: string, message: string): void {
    this.issues.push({ file: this.label, path, message });
  }
}

type Doc = Record<string, unknown> & { county?: Record<string, unknown> & { mix?: Record<string, unknown> }; parameters?: Record<string, unknown> };

/** What one lever's settings say: its value and other entry fields, with the paths they were given at. */
interface LeverSetting {
  value?: unknown;
  fields: Record<string, unknown>;
  /** The path prefix the user wrote (`policies.care_relief`). */
  path: string;
}

/**
 * The child document of `settings` over `scenario`, the shock changes to make in the parent file, and the
 * user's path of each generated policy entry (for the messages).
 */
function childDocument(scenario: Scenario, settings: readonly ScenarioSetting[], problems: SettingProblems) {
  const keys = scenarioSchemas(leverCatalog(scenario.levers)).keys;
  const scalarKeys = keys.scalars.filter((k) => k !== 'extends');
  const child: Doc = {};
  const levers = new Map<string, LeverSetting>();
  const shockChanges: { index: number; field: string; value: unknown; path: string }[] = [];
  for (const { path, value } of settings) {
    const seg = parsePath(path);
    if (!seg) {
      problems.add(path, 'not a path; expected keys joined by dots, e.g. parameters.migrant_wage, county.mix.yao, policies.care_relief, shocks[0].start');
      continue;
    }
    const [first, second, third] = seg;
    const n = seg.length;
    const noIndex = seg.every((s, i) => s.index === undefined || (first.key === 'shocks' && i === 0));
    if (!noIndex) {
      problems.add(path, 'only `shocks[i]` takes an index; policies are named by lever (policies.<lever>)');
      continue;
    }
    if (scalarKeys.includes(first.key) && n === 1) child[first.key] = value;
    else if (first.key === 'parameters' && n === 2) (child.parameters ??= {})[second.key] = value;
    else if (first.key === 'county' && n === 2 && second.key !== 'mix') (child.county ??= {})[second.key] = value;
    else if (first.key === 'county' && n === 3 && second.key === 'mix') ((child.county ??= {}).mix ??= {})[third.key] = value;
    else if (first.key === 'strength' && n === 1) child.strength = value;
    else if (first.key === 'strength' && n === 2) {
      if (typeof child.strength === 'number') problems.add(path, 'strength is also set as one number; set either one strength or strengths by pathway');
      else child.strength = { ...(child.strength as object | undefined), [second.key]: value };
    } else if (first.key === 'policies' && (n === 2 || n === 3)) {
      const entry = levers.get(second.key) ?? { fields: {}, path: `policies.${second.key}` };
      levers.set(second.key, entry);
      if (n === 2 || third.key === 'value') entry.value = value;
      else if (third.key === 'lever') problems.add(path, 'a lever is named by its path (policies.<lever>); it cannot be renamed');
      else if (keys.policy.includes(third.key)) entry.fields[third.key] = value;
      else problems.add(path, `unknown key; expected one of: ${keys.policy.filter((k) => k !== 'lever').join(', ')}`);
    } else if (first.key === 'shocks' && first.index !== undefined && n === 2) {
      if (first.index >= scenario.shocks.length) {
        const have = scenario.shocks.length ? `shocks[0..${scenario.shocks.length - 1}]` : 'none';
        problems.add(path, `the scenario has ${scenario.shocks.length} shock(s) (${have}); --set changes existing shocks only`);
      } else if (!keys.shock.includes(second.key)) problems.add(path, `unknown key; expected one of: ${keys.shock.join(', ')}`);
      else shockChanges.push({ index: first.index, field: second.key, value, path });
    } else {
      const hint = PARAMETER_INDEX.has(first.key) ? `; \`${first.key}\` is a parameter: parameters.${first.key}` : leverCatalog(scenario.levers).index.has(first.key) ? `; \`${first.key}\` is a lever: policies.${first.key}` : '';
      problems.add(path, `not a scenario field${hint}; expected one of: ${scalarKeys.join(', ')}, county.<key>, county.mix.<ethnicity>, parameters.<name>, policies.<lever>[.<key>], strength[.<pathway>], shocks[<i>].<key>`);
    }
  }
  // Each lever set: its entries in the scenario with the new value and fields (windows kept), or one new entry.
  const policyPaths: string[] = [];
  const policies: Record<string, unknown>[] = [];
  for (const [lever, set] of levers) {
    const existing = scenario.policies.filter((p) => p.lever === lever);
    const windowKeys = ['from', 'until', 'from_year', 'to_year'];
    const setsWindow = Object.keys(set.fields).some((k) => windowKeys.includes(k));
    if (existing.length > 1 && setsWindow) {
      problems.add(set.path, `the lever has ${existing.length} entries in the scenario (different windows); set the window of a lever with one entry only`);
      continue;
    }
    if (existing.length === 0 && set.value === undefined) {
      problems.add(set.path, `the scenario does not set the lever; give its value (${set.path}=VALUE) with its other keys`);
      continue;
    }
    const bases = existing.length ? existing.map((p) => ({ lever, value: p.value, from: p.from, until: p.until, unit_cost: p.unitCost })) : [{ lever }];
    for (const base of bases) {
      const entry: Record<string, unknown> = { ...base, ...set.fields };
      if (set.value !== undefined) entry.value = set.value;
      if ('from_year' in set.fields) delete entry.from;
      if ('to_year' in set.fields) delete entry.until;
      policies.push(entry);
      policyPaths.push(set.path);
    }
  }
  if (policies.length) child.policies = policies;
  return { child, shockChanges, policyPaths };
}

/** The user's path of a problem found in the generated child document. */
function userPath(path: string, policyPaths: readonly string[]): string {
  const m = /^policies\[(\d+)\](.*)$/.exec(path);
  if (!m) return path;
  const base = policyPaths[Number(m[1])];
  if (base === undefined) return path;
  return m[2] === '.value' || m[2] === '.lever' || m[2] === '' ? base : `${base}${m[2]}`;
}

/**
 * The scenario with `settings` applied and every rule checked again; never throws. Problems in the
 * settings are labelled `options.label` (default `--set`) with the path as given; problems they cause in
 * the scenario's own entries (a window after a shortened horizon) are labelled `<source> (with --set)`.
 */
export function safeApplySettings(scenario: Scenario, settings: readonly ScenarioSetting[], options: ApplyOptions = {}): ScenarioResult<Scenario> {
  const label = options.label ?? '--set';
  const problems = new SettingProblems(label);
  const { child, shockChanges, policyPaths } = childDocument(scenario, settings, problems);
  if (problems.issues.length) return { ok: false, issues: problems.issues };
  const parent = scenarioToFile(scenario);
  const shocks = parent.shocks as Record<string, unknown>[];
  for (const c of shockChanges) {
    const shock = shocks[c.index];
    if (c.field === 'start_year') delete shock.start;
    shock[c.field] = c.value;
  }
  const parentLabel = options.parentLabel ?? `${scenario.source} (with ${label})`;
  const parentRef = '\u0000parent';
  const lookup: ScenarioLookup = (ref) =>
    ref === parentRef
      ? { ok: true, source: { id: 'parent', label: parentLabel, source: scenario.source, baseDir: '.', content: { value: parent } } }
      : { ok: false, message: `unknown scenario ${JSON.stringify(ref)}` };
  const doc = { name: scenario.name, ...child, extends: parentRef };
  const r = resolveScenario({ id: 'settings', label, source: scenario.source, baseDir: '.', content: { value: doc } }, lookup, { levers: scenario.levers });
  const shockPaths = new Map(shockChanges.map((c) => [`shocks[${c.index}].${c.field}`, c.path]));
  if (!r.ok) {
    const issues = r.issues.map((e) => {
      if (e.file === label) return { ...e, path: userPath(e.path, policyPaths) };
      const shockPath = shockPaths.get(e.path);
      return shockPath ? { ...e, file: label, path: shockPath } : e;
    });
    return { ok: false, issues };
  }
  // The texts of one file (title, description) are not inherited through `extends`: the changed scenario keeps the scenario's own.
  const description = 'description' in child ? r.scenario.description : scenario.description;
  const title = 'title' in child ? r.scenario.title : scenario.title;
  const texts = { description, ...(title !== undefined ? { title } : {}) };
  return { ok: true, scenario: { ...r.scenario, ...texts }, warnings: r.warnings.map((w) => (w.file === label ? { ...w, path: userPath(w.path, policyPaths) } : w)) };
}

/** {@link safeApplySettings}, throwing ScenarioLoadError with every problem. */
export function applySettings(scenario: Scenario, settings: readonly ScenarioSetting[], options: ApplyOptions & { onWarning?: (w: ScenarioError) => void } = {}): Scenario {
  return unwrapScenario(safeApplySettings(scenario, settings, options), options);
}

/**
 * The scenario with `overrides` applied and every rule checked again (e.g. expressions over a longer
 * horizon, parameter ranges). Throws ScenarioLoadError (file label `<source> (overrides)`) if invalid.
 */
export function withOverrides(scenario: Scenario, overrides: ScenarioOverrides): Scenario {
  const settings: ScenarioSetting[] = [];
  for (const k of ['years', 'seed', 'replicates'] as const) if (overrides[k] !== undefined) settings.push({ path: k, value: overrides[k] });
  for (const [k, v] of Object.entries(overrides.parameters ?? {})) settings.push({ path: `parameters.${k}`, value: v });
  const label = `${scenario.source} (overrides)`;
  const out = applySettings(scenario, settings, { label, parentLabel: label });
  return overrides.costs ? withCostLevel(out, overrides.costs) : out;
}

/**
 * The number a scenario holds at `path` (as {@link ScenarioSetting} names it): a parameter's effective
 * value, a lever's value when all its entries hold one constant number (0 when it is not set), a county
 * field, a scalar, a shock field; undefined when there is no single number there (an expression, a text).
 */
export function valueAt(scenario: Scenario, path: string): number | undefined {
  const seg = parsePath(path);
  if (!seg) return undefined;
  const [first, second, third] = seg;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  if (seg.length === 1) return num((scenario as unknown as Record<string, unknown>)[camel(first.key)]);
  if (first.key === 'parameters' && seg.length === 2) {
    return PARAMETER_INDEX.has(second.key) ? num(resolveParams(scenario.parameters)[second.key as never]) : num(scenario.parameters[second.key]);
  }
  if (first.key === 'county' && seg.length === 2) return num((scenario.county as unknown as Record<string, unknown>)[camel(second.key)]);
  if (first.key === 'county' && seg.length === 3 && second.key === 'mix') return num((scenario.county.mix as Record<string, number>)[third.key]);
  if (first.key === 'policies' && (seg.length === 2 || third.key === 'value')) {
    const entries = scenario.policies.filter((p) => p.lever === second.key);
    if (entries.length === 0) return leverCatalog(scenario.levers).index.has(second.key) ? 0 : undefined;
    const values = new Set(entries.map((p) => p.value));
    return values.size === 1 ? num(entries[0].value) : undefined;
  }
  if (first.key === 'shocks' && first.index !== undefined && seg.length === 2) {
    return num((scenario.shocks[first.index] as unknown as Record<string, unknown> | undefined)?.[camel(second.key)]);
  }
  return undefined;
}

/**
 * The scenario priced at a cost level: every policy at its lever's declared default unit cost gets the
 * lever's `low` or `high` unit cost instead (`default` changes nothing). A policy whose file gives its own
 * `unit_cost` keeps it — unless that equals the declared default, which cannot be told apart.
 */
export function withCostLevel(scenario: Scenario, level: CostLevel): Scenario {
  if (level === 'default') return scenario;
  const policies = scenario.policies.map((p) => {
    const spec = LEVER_INDEX.get(p.lever);
    return spec && p.unitCost === spec.unitCost ? { ...p, unitCost: leverUnitCost(spec, level) } : p;
  });
  return { ...scenario, policies };
}

/**
 * Resolves a scenario file and its `extends` chain into the complete `Scenario`: parses and validates each
 * file, merges parent → child (scalars override, `parameters` merge by key, `county` merges by key with its
 * own rules for `villages` and `mix`, `policies` and `shocks` append, a child's policies for a lever replace
 * all of the parent's for that lever, a file's `strength` scales the policies in force after it), fills the
 * defaults, then checks what needs the whole chain (windows in calendar years, windows outside the run,
 * expressions at every year of the horizon, overlapping policy windows, county totals). What the loader did
 * on the user's behalf (a scaled population, a rescaled mix) comes back as warnings. Files are reached
 * through a lookup callback so this stays browser-safe.
 */
import { defaultCounty, ETHNICITIES, type CountyConfig, type Ethnicity } from '../model/county-config.js';
import type { LeverSpec } from '../model/levers.js';
import { formatFound, type ScenarioError, type ScenarioResult } from './errors.js';
import { compileExpression } from './expression.js';
import { leverCatalog, type LeverCatalog } from './levers.js';
import { decodeScenarioBytes, parseScenarioText } from './parse-text.js';
import { camelKey, SCENARIO_DEFAULTS, scenarioSchemas, type ShockSetting } from './schema.js';
import type { PolicySetting, Scenario } from './types.js';
import { resolveStructure } from '../model/structure.js';
import { validateScenarioValue, type CalendarYearSlip, type DocumentPolicy, type DocumentShock, type ScenarioDocument } from './validate.js';

/** A scenario file reached by a lookup: its content and where relative `extends` paths start from. */
export interface ScenarioSource {
  /** Identity for cycle detection (e.g. the real path). */
  id: string;
  /** Label used in problems. */
  label: string;
  /** What `Scenario.source` records when this file is the leaf (built-in name or path). */
  source: string;
  /** Directory that relative `extends` paths in this file start from. */
  baseDir: string;
  /** The file content: bytes (checked for binary/UTF-8), text, or an already-parsed value. */
  content: { bytes: Uint8Array } | { text: string } | { value: unknown };
}

/** Finds the file an `extends` value (or a top-level name) refers to. */
export type ScenarioLookup = (ref: string, baseDir: string) => { ok: true; source: ScenarioSource } | { ok: false; message: string };

/** Options of {@link resolveScenario}. */
export interface ResolveOptions {
  /** Levers of user processes (from `defineLever`) the files may set besides the built-in ones. */
  levers?: readonly LeverSpec[];
}

/** Tolerance within which a mix that names every ethnicity counts as summing to 1 (rounding in the file). */
export const MIX_SUM_TOLERANCE = 1e-3;

function readValue(src: ScenarioSource): { ok: true; value: unknown } | { ok: false; issues: ScenarioError[] } {
  const c = src.content;
  if ('value' in c) return { ok: true, value: c.value };
  let text: string;
  if ('bytes' in c) {
    const d = decodeScenarioBytes(c.bytes, src.label);
    if (!d.ok) return d;
    text = d.text;
  } else text = c.text;
  return parseScenarioText(text, src.label);
}

/** What was read along a chain: the documents root-first, every problem, and the calendar-year slips. */
interface Chain {
  docs: ScenarioDocument[];
  issues: ScenarioError[];
  slips: CalendarYearSlip[];
}

/** Loads the chain leaf → root; returns the documents root-first and every problem found. */
function loadChain(first: ScenarioSource, lookup: ScenarioLookup | undefined, catalog: LeverCatalog): Chain {
  const issues: ScenarioError[] = [];
  const slips: CalendarYearSlip[] = [];
  const docs: ScenarioDocument[] = [];
  const chain: ScenarioSource[] = [];
  let current: ScenarioSource | undefined = first;
  while (current) {
    const read = readValue(current);
    if (!read.ok) {
      issues.push(...read.issues);
      break;
    }
    const v = validateScenarioValue(read.value, current.label, catalog);
    issues.push(...v.issues);
    slips.push(...v.slips);
    docs.push(v.doc);
    chain.push(current);
    const ref = v.doc.extends;
    if (ref === undefined) break;
    if (!lookup) {
      issues.push({ file: current.label, path: 'extends', message: '`extends` is not available here (no file access); build the scenario from a file instead' });
      break;
    }
    const next = lookup(ref, current.baseDir);
    if (!next.ok) {
      issues.push({ file: current.label, path: 'extends', message: next.message });
      break;
    }
    if (chain.some((c) => c.id === next.source.id)) {
      const start = chain.findIndex((c) => c.id === next.source.id);
      const names = [...chain.slice(start).map((c) => c.label), next.source.label];
      issues.push({ file: current.label, path: 'extends', message: `cycle: ${names.join(' → ')}` });
      break;
    }
    current = next.source;
  }
  return { docs: docs.reverse(), issues, slips };
}

/** Scalars that describe one file and are not inherited through `extends`. */
const OWN_FILE_KEYS = new Set(['title', 'description']);

/** The chain merged into one document: the county complete, strengths folded into each policy's scale. */
type Merged = Omit<ScenarioDocument, 'county' | 'strength'> & { county: CountyConfig };

/** Problems and warnings found while merging. */
interface Notes {
  issues: ScenarioError[];
  warnings: ScenarioError[];
}

const round = (x: number, digits = 12) => Number(x.toPrecision(digits));
const shareText = (x: number) => String(round(x, 3));

/**
 * Merges one file's mix into the county's: the shares the file gives are kept as written; the shares it
 * does not give (inherited) are scaled by one factor so that the mix sums to 1 — with a warning saying so.
 * A file that gives every share must give shares summing to 1 (within {@link MIX_SUM_TOLERANCE}).
 */
function mergeMix(county: CountyConfig, given: Partial<Record<Ethnicity, number>>, file: string, notes: Notes): void {
  const named = ETHNICITIES.filter((e) => given[e] !== undefined);
  if (named.length === 0) return;
  const sumNamed = named.reduce((s, e) => s + given[e]!, 0);
  const others = ETHNICITIES.filter((e) => given[e] === undefined);
  const sumOthers = others.reduce((s, e) => s + county.mix[e], 0);
  const shares = named.map((e) => `${e} ${given[e]}`).join(', ');
  const path = 'county.mix';
  if (others.length === 0) {
    if (Math.abs(sumNamed - 1) > MIX_SUM_TOLERANCE) {
      notes.issues.push({ file, path, message: `the shares sum to ${round(sumNamed, 6)}; expected 1 (or leave some ethnicities out: their inherited shares are then scaled to fill the rest)`, expected: 'shares summing to 1', found: String(round(sumNamed, 6)) });
      return;
    }
    for (const e of named) county.mix[e] = given[e]! / sumNamed;
    return;
  }
  if (sumNamed > 1 + 1e-12) {
    notes.issues.push({ file, path, message: `the shares given (${shares}) sum to ${round(sumNamed, 6)}; expected at most 1`, expected: 'shares summing to at most 1', found: String(round(sumNamed, 6)) });
    return;
  }
  const rest = 1 - sumNamed;
  if (rest > 1e-12 && !(sumOthers > 0)) {
    notes.issues.push({ file, path, message: `the shares given (${shares}) sum to ${round(sumNamed, 6)} and the shares not given are all 0, so nothing fills the remaining ${round(rest, 6)}; give shares that sum to 1` });
    return;
  }
  const k = sumOthers > 0 ? rest / sumOthers : 0;
  for (const e of named) county.mix[e] = given[e]!;
  for (const e of others) county.mix[e] *= k;
  if (Math.abs(k - 1) > 1e-9) {
    const scaled = others.filter((e) => county.mix[e] > 0).map((e) => `${e} ${shareText(county.mix[e])}`).join(', ');
    notes.warnings.push({
      file,
      path,
      message: `kept the shares given (${shares}) and scaled the other shares (inherited, summing to ${shareText(sumOthers)}) by ${shareText(k)} so that the mix sums to 1${scaled ? `: ${scaled}` : ''}`,
    });
  }
}

/**
 * Merges one file's county fields. `villages` without `population` keeps the mean village size of the
 * county so far (the population scales), with a warning; both together are taken as written.
 */
function mergeCounty(county: CountyConfig, d: ScenarioDocument, notes: Notes): void {
  const { mix, ...rest } = d.county;
  const before = { villages: county.villages, population: county.population };
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (county as unknown as Record<string, unknown>)[k] = v;
  if (rest.villages !== undefined && rest.population === undefined && rest.villages !== before.villages) {
    const mean = before.population / before.villages;
    county.population = Math.max(rest.villages, Math.round(mean * rest.villages));
    notes.warnings.push({
      file: d.file,
      path: 'county.villages',
      message:
        `${rest.villages} villages without \`population\`: the population is scaled to ${county.population} to keep the mean village size ` +
        `of ${round(mean, 4)} (${before.population} over ${before.villages} villages); give county.population to choose it`,
    });
  }
  mergeMix(county, mix, d.file, notes);
}

/** Multiplies the scale of every policy in force by the file's strength (one number, or by pathway). */
function applyStrength(policies: DocumentPolicy[], d: ScenarioDocument, catalog: LeverCatalog, notes: Notes): void {
  const s = d.strength;
  if (s === undefined) return;
  const pathwayOf = (p: DocumentPolicy) => catalog.index.get(p.lever)?.pathway ?? '';
  if (typeof s === 'number') {
    if (policies.length === 0) notes.warnings.push({ file: d.file, path: 'strength', message: 'no lever is set (here or in a parent), so there is nothing to scale' });
    for (const p of policies) p.scale *= s;
    return;
  }
  for (const [pathway, k] of Object.entries(s)) {
    if (k === undefined) continue;
    const hit = policies.filter((p) => pathwayOf(p) === pathway);
    if (hit.length === 0) notes.warnings.push({ file: d.file, path: `strength.${pathway}`, message: `no lever of the pathway \`${pathway}\` is set (here or in a parent), so there is nothing to scale` });
    for (const p of hit) p.scale *= k;
  }
}

/** Merges documents root-first into one (policies keep their origin file and path; the county is complete). */
function merge(docs: readonly ScenarioDocument[], catalog: LeverCatalog, notes: Notes): Merged {
  const out: Merged = { file: docs[docs.length - 1]?.file ?? '', county: defaultCounty(), parameters: {}, structure: {}, policies: [], shocks: [] };
  const scalars = scenarioSchemas(catalog).keys.scalars.map(camelKey);
  for (const d of docs) {
    out.file = d.file;
    // Scalars: the child's value overrides the parent's; a title and a description belong to their own
    // file (a child without one does not inherit its parent's).
    const to = out as unknown as Record<string, unknown>;
    const from = d as unknown as Record<string, unknown>;
    for (const k of scalars) to[k] = OWN_FILE_KEYS.has(k) ? from[k] : (from[k] ?? to[k]);
    mergeCounty(out.county, d, notes);
    Object.assign(out.parameters, d.parameters);
    Object.assign(out.structure, d.structure);
    const replaced = new Set(d.policies.map((p) => p.lever));
    out.policies = [...out.policies.filter((p) => !replaced.has(p.lever)), ...d.policies.map((p) => ({ ...p }))];
    applyStrength(out.policies, d, catalog, notes);
    out.shocks = [...out.shocks, ...d.shocks];
  }
  return out;
}

/** The message of a year offset written as a calendar year, now that the start year is known. */
function slipIssue(slip: CalendarYearSlip, startYear: number): ScenarioError {
  const t = slip.value - startYear;
  const calendarKey = slip.key === 'from' ? 'from_year' : slip.key === 'until' ? 'to_year' : 'start_year';
  const meaning = t >= 1 ? `with start_year ${startYear} it is t = ${t}: write \`${slip.key}: ${t}\` or \`${calendarKey}: ${slip.value}\`` : `but with start_year ${startYear} the first simulated year is ${startYear + 1} (t = 1)`;
  return {
    file: slip.file,
    path: slip.path,
    message: `expected a year offset t in [1, 100] (years since the start); found ${slip.value}, which looks like a calendar year; ${meaning}`,
    expected: 'a year offset t in [1, 100]',
    found: String(slip.value),
  };
}

/** A policy with its window in years since the start. */
type WindowedPolicy = DocumentPolicy & { from: number; until: number | null };

/** The run's years as text for messages: "t = 1..30, 2026-2055". */
const runText = (years: number, startYear: number) => `t = 1..${years}, ${startYear + 1}-${startYear + years}`;

/**
 * Completes every policy window in years since the start (from `from_year`/`to_year` where given) and
 * checks that each acts within the run; the problems go to `issues`.
 */
function policyWindows(policies: readonly DocumentPolicy[], years: number, startYear: number, issues: ScenarioError[]): WindowedPolicy[] {
  const out: WindowedPolicy[] = [];
  for (const p of policies) {
    const from = p.from ?? (p.fromYear !== undefined ? p.fromYear - startYear : 1);
    const until = p.until ?? (p.toYear !== undefined ? p.toYear - startYear : null);
    const fromKey = p.fromYear !== undefined ? 'from_year' : 'from';
    const untilKey = p.toYear !== undefined ? 'to_year' : 'until';
    if (from < 1) {
      issues.push({ file: p.file, path: `${p.path}.${fromKey}`, message: `${p.fromYear} is not a simulated year: the run covers ${runText(years, startYear)} (start_year ${startYear} is the initial state)` });
      continue;
    }
    if (until !== null && until < from) {
      const found = p.toYear !== undefined ? p.toYear : until;
      issues.push({ file: p.file, path: `${p.path}.${untilKey}`, message: `the window ends (${found}) before it starts (t = ${from}, ${startYear + from})` });
      continue;
    }
    if (from > years) {
      issues.push({
        file: p.file,
        path: `${p.path}.${fromKey}`,
        message: `the window starts at t = ${from} (${startYear + from}), after the run's last year (${runText(years, startYear)}): the lever would never act`,
      });
      continue;
    }
    out.push({ ...p, from, until });
  }
  return out;
}

/** Shocks with their first year in years since the start, each checked to begin within the run. */
function shockSettings(shocks: readonly DocumentShock[], years: number, startYear: number, issues: ScenarioError[]): ShockSetting[] {
  const out: ShockSetting[] = [];
  for (const x of shocks) {
    const start = x.start ?? x.startYear! - startYear;
    const key = x.start !== undefined ? 'start' : 'start_year';
    if (start < 1) {
      issues.push({ file: x.file, path: `${x.path}.${key}`, message: `${x.startYear} is not a simulated year: the run covers ${runText(years, startYear)} (start_year ${startYear} is the initial state)` });
      continue;
    }
    if (start > years) {
      issues.push({ file: x.file, path: `${x.path}.${key}`, message: `the shock starts at t = ${start} (${startYear + start}), after the run's last year (${runText(years, startYear)}): it would never act` });
      continue;
    }
    out.push({ kind: x.kind, start, duration: x.duration, mobility: x.mobility, conflict: x.conflict, migrantWage: x.migrantWage });
  }
  return out;
}

/** Checks every policy's expression at each year of its window within the horizon. */
function checkExpressions(policies: readonly WindowedPolicy[], years: number, startYear: number, catalog: LeverCatalog): ScenarioError[] {
  const out: ScenarioError[] = [];
  for (const p of policies) {
    if (typeof p.value !== 'string') continue;
    const spec = catalog.index.get(p.lever);
    const r = compileExpression(p.value);
    if (!spec || !r.ok) continue; // already reported per file
    const last = Math.min(p.until ?? years, years);
    for (let t = p.from; t <= last; t++) {
      const year = startYear + t;
      const v = r.evaluate(t, year);
      const path = `${p.path}.value`;
      const found = formatFound(v);
      if (!Number.isFinite(v)) {
        out.push({ file: p.file, path, message: `expression ${formatFound(p.value)} is not a finite number at t = ${t} (year ${year}); found ${found}`, expected: 'a finite number', found });
        break;
      }
      if (v < spec.min || v > spec.max) {
        const expected = `a number in [${spec.min}, ${spec.max}]`;
        out.push({ file: p.file, path, message: `expression ${formatFound(p.value)} is outside the lever's range [${spec.min}, ${spec.max}] at t = ${t} (year ${year}); found ${found}`, expected, found });
        break;
      }
    }
  }
  return out;
}

/**
 * Untargeted policies of one lever whose windows overlap (each entry of a lever needs its own window). A
 * targeted entry (with `where:`) may overlap any other: where it applies, the later entry wins.
 */
function checkOverlaps(policies: readonly WindowedPolicy[]): ScenarioError[] {
  const out: ScenarioError[] = [];
  policies.forEach((p, i) => {
    if (p.where) return;
    for (let j = 0; j < i; j++) {
      const q = policies[j];
      if (q.lever !== p.lever || q.where) continue;
      const overlap = p.from <= (q.until ?? Infinity) && q.from <= (p.until ?? Infinity);
      if (overlap) {
        out.push({ file: p.file, path: p.path, message: `lever \`${p.lever}\` is already set by ${q.path} in overlapping years; give each entry of a lever its own from/until window` });
        break;
      }
    }
  });
  return out;
}

/**
 * A policy value at a strength: a number × scale, clamped to the lever range (12 significant digits, so
 * 0.7 × 0.3 is 0.21); an expression wrapped as `clamp((expr) * scale, min, max)`; unchanged at scale 1.
 */
export function scaledValue(value: number | string, scale: number, spec: Pick<LeverSpec, 'min' | 'max'>): number | string {
  if (scale === 1) return value;
  if (typeof value === 'number') return Math.min(spec.max, Math.max(spec.min, round(value * scale)));
  return `clamp((${value}) * ${scale}, ${spec.min}, ${spec.max})`;
}

/** Builds the complete scenario from the merged document, collecting whole-chain problems. */
function complete(m: Merged, source: string, slips: readonly CalendarYearSlip[], catalog: LeverCatalog, issues: ScenarioError[]): Scenario {
  const years = m.years ?? SCENARIO_DEFAULTS.years;
  const startYear = m.startYear ?? SCENARIO_DEFAULTS.startYear;
  const county = m.county;
  issues.push(...slips.map((s) => slipIssue(s, startYear)));
  if (county.population < county.villages) {
    issues.push({ file: m.file, path: 'county.population', message: `expected at least one villager per village (villages: ${county.villages}); found ${county.population}`, expected: `a whole number ≥ ${county.villages}`, found: String(county.population) });
  }
  const windowed = policyWindows(m.policies, years, startYear, issues);
  const shocks = shockSettings(m.shocks, years, startYear, issues);
  issues.push(...checkExpressions(windowed, years, startYear, catalog), ...checkOverlaps(windowed));
  const policies: PolicySetting[] = windowed.map((p) => {
    const spec = catalog.index.get(p.lever);
    return {
      lever: p.lever,
      value: spec ? scaledValue(p.value, p.scale, spec) : p.value,
      from: p.from,
      until: p.until,
      unitCost: p.unitCost ?? spec?.unitCost ?? 0,
      ...(p.where ? { where: p.where } : {}),
    };
  });
  return {
    name: m.name ?? '',
    description: m.description ?? SCENARIO_DEFAULTS.description,
    ...(m.title !== undefined ? { title: m.title } : {}),
    ...(m.lang !== undefined ? { lang: m.lang } : {}),
    source,
    years,
    startYear,
    seed: m.seed ?? SCENARIO_DEFAULTS.seed,
    replicates: m.replicates ?? SCENARIO_DEFAULTS.replicates,
    crn: m.crn ?? SCENARIO_DEFAULTS.crn,
    county: { ...county, mix: { ...county.mix } },
    parameters: { ...m.parameters },
    structure: resolveStructure(m.structure),
    policies,
    shocks,
    ...(catalog.user.length ? { levers: catalog.user } : {}),
  };
}

/**
 * Resolves a scenario from its first file, following `extends` through `lookup` (without a lookup,
 * `extends` is a problem). Returns the scenario with the warnings of what was done on the user's behalf,
 * or every problem of every file in the chain; never throws.
 */
export function resolveScenario(first: ScenarioSource, lookup?: ScenarioLookup, options: ResolveOptions = {}): ScenarioResult<Scenario> {
  let catalog: LeverCatalog;
  try {
    catalog = leverCatalog(options?.levers);
  } catch (e) {
    return { ok: false, issues: [{ file: first?.label ?? '<scenario>', path: '', message: `the levers given to the loader: ${(e as Error).message}` }] };
  }
  try {
    const { docs, issues, slips } = loadChain(first, lookup, catalog);
    if (docs.length === 0) return { ok: false, issues };
    const notes: Notes = { issues, warnings: [] };
    const scenario = complete(merge(docs, catalog, notes), first.source, slips, catalog, issues);
    return issues.length ? { ok: false, issues } : { ok: true, scenario, warnings: notes.warnings };
  } catch (e) {
    // Nothing above should throw; if it does (a bug, or an input beyond the limits), it is a problem of this file, never an exception.
    const message = e instanceof RangeError ? 'too deeply nested or too large to check' : `cannot check the scenario: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, issues: [{ file: first?.label ?? '<scenario>', path: '', message }] };
  }
}

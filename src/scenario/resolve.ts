/**
 * Resolves a scenario file and its `extends` chain into the complete `Scenario`: parses and validates each
 * file, merges parent → child (scalars override, `parameters` and `county` merge by key, `policies` and
 * `shocks` append, a child's policies for a lever replace all of the parent's for that lever), fills the
 * defaults, then checks what needs the whole chain (expressions at every year of the horizon, overlapping
 * policy windows, county totals). Files are reached through a lookup callback so this stays browser-safe.
 */
import { defaultCounty, ETHNICITIES } from '../model/county-config.js';
import { LEVER_INDEX } from '../model/levers.js';
import { formatFound, type ScenarioError, type ScenarioResult } from './errors.js';
import { compileExpression } from './expression.js';
import { decodeScenarioBytes, parseScenarioText } from './parse-text.js';
import { camelKey, SCENARIO_DEFAULTS, scenarioSchemas } from './schema.js';
import type { PolicySetting, Scenario } from './types.js';
import { validateScenarioValue, type DocumentPolicy, type ScenarioDocument } from './validate.js';

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

/** Loads the chain leaf → root; returns the documents root-first and every problem found. */
function loadChain(first: ScenarioSource, lookup: ScenarioLookup | undefined): { docs: ScenarioDocument[]; issues: ScenarioError[] } {
  const issues: ScenarioError[] = [];
  const docs: ScenarioDocument[] = [];
  const chain: ScenarioSource[] = [];
  let current: ScenarioSource | undefined = first;
  while (current) {
    const read = readValue(current);
    if (!read.ok) {
      issues.push(...read.issues);
      break;
    }
    const v = validateScenarioValue(read.value, current.label);
    issues.push(...v.issues);
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
  return { docs: docs.reverse(), issues };
}

/** Merges documents root-first into one document (policies keep their origin file and path). */
function merge(docs: readonly ScenarioDocument[]): ScenarioDocument {
  const out: ScenarioDocument = { file: docs[docs.length - 1]?.file ?? '', county: { mix: {} }, parameters: {}, policies: [], shocks: [] };
  const scalars = scenarioSchemas().keys.scalars.map(camelKey);
  for (const d of docs) {
    out.file = d.file;
    // Scalars: the child's value overrides the parent's; a description belongs to its own file (a child
    // without one does not inherit its parent's).
    const to = out as unknown as Record<string, unknown>;
    const from = d as unknown as Record<string, unknown>;
    for (const k of scalars) to[k] = k === 'description' ? from[k] : (from[k] ?? to[k]);
    const { mix, ...rest } = d.county;
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) (out.county as Record<string, unknown>)[k] = v;
    Object.assign(out.county.mix, mix);
    Object.assign(out.parameters, d.parameters);
    const replaced = new Set(d.policies.map((p) => p.lever));
    out.policies = [...out.policies.filter((p) => !replaced.has(p.lever)), ...d.policies];
    out.shocks = [...out.shocks, ...d.shocks];
  }
  return out;
}

/** Checks every policy's expression at each year of its window within the horizon. */
function checkExpressions(policies: readonly DocumentPolicy[], years: number, startYear: number): ScenarioError[] {
  const out: ScenarioError[] = [];
  for (const p of policies) {
    if (typeof p.value !== 'string') continue;
    const spec = LEVER_INDEX.get(p.lever);
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
function checkOverlaps(policies: readonly DocumentPolicy[]): ScenarioError[] {
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

/** Builds the complete scenario from the merged document, collecting whole-chain problems. */
function complete(m: ScenarioDocument, source: string, issues: ScenarioError[]): Scenario {
  const years = m.years ?? SCENARIO_DEFAULTS.years;
  const startYear = m.startYear ?? SCENARIO_DEFAULTS.startYear;
  const base = defaultCounty();
  const county = { ...base, ...Object.fromEntries(Object.entries(m.county).filter(([k, v]) => k !== 'mix' && v !== undefined)), mix: { ...base.mix, ...m.county.mix } };
  const total = ETHNICITIES.reduce((s, e) => s + county.mix[e], 0);
  if (!(total > 0)) issues.push({ file: m.file, path: 'county.mix', message: 'the ethnic shares sum to 0; expected a positive total (shares are normalised to sum to 1)' });
  else if (Math.abs(total - 1) > 1e-12) for (const e of ETHNICITIES) county.mix[e] /= total;
  if (county.population < county.villages) {
    issues.push({ file: m.file, path: 'county.population', message: `expected at least one villager per village (villages: ${county.villages}); found ${county.population}`, expected: `a whole number ≥ ${county.villages}`, found: String(county.population) });
  }
  issues.push(...checkExpressions(m.policies, years, startYear), ...checkOverlaps(m.policies));
  const policies: PolicySetting[] = m.policies.map((p) => ({
    lever: p.lever,
    value: p.value,
    from: p.from,
    until: p.until,
    unitCost: p.unitCost ?? LEVER_INDEX.get(p.lever)?.unitCost ?? 0,
    ...(p.where ? { where: p.where } : {}),
  }));
  return {
    name: m.name ?? '',
    description: m.description ?? SCENARIO_DEFAULTS.description,
    source,
    years,
    startYear,
    seed: m.seed ?? SCENARIO_DEFAULTS.seed,
    replicates: m.replicates ?? SCENARIO_DEFAULTS.replicates,
    crn: m.crn ?? SCENARIO_DEFAULTS.crn,
    county,
    parameters: { ...m.parameters },
    policies,
    shocks: m.shocks.map((s) => ({ ...s })),
  };
}

/**
 * Resolves a scenario from its first file, following `extends` through `lookup` (without a lookup,
 * `extends` is a problem). Returns the scenario, or every problem of every file in the chain.
 */
export function resolveScenario(first: ScenarioSource, lookup?: ScenarioLookup): ScenarioResult<Scenario> {
  const { docs, issues } = loadChain(first, lookup);
  if (docs.length === 0) return { ok: false, issues };
  const scenario = complete(merge(docs), first.source, issues);
  return issues.length ? { ok: false, issues } : { ok: true, scenario };
}

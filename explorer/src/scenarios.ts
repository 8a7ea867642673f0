/**
 * Scenarios in the browser: the built-in scenario files embedded at build time, resolution of pasted YAML
 * through the project's own validator (the same problems `talentsim validate` prints), and the explorer's
 * pair of scenarios — the policy as set on the page and its baseline (same county, parameters, years and
 * seed, no levers, no shocks) — written as scenario files that validate and run as the CLI would.
 */
import YAML from 'yaml';
import { compileScenario } from '../../src/scenario/compile.js';
import { scenarioToFile } from '../../src/scenario/describe.js';
import { formatScenarioError, type ScenarioResult } from '../../src/scenario/errors.js';
import { resolveScenario, type ScenarioLookup, type ScenarioSource } from '../../src/scenario/resolve.js';
import type { PolicySetting, Scenario, ShockSetting } from '../../src/scenario/types.js';

/** The built-in scenario files by name (file name without extension), as shipped in scenarios/. */
export const BUILTIN_YAML: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('../../scenarios/*.{yaml,yml,json}', { query: '?raw', import: 'default', eager: true }))
    .map(([path, text]) => [path.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/, ''), text] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);

function builtinSource(name: string): ScenarioSource {
  return { id: `builtin:${name}`, label: `${name} (built-in)`, source: name, baseDir: '', content: { text: BUILTIN_YAML[name] } };
}

/** `extends` in the browser: built-in names only (there is no file system to follow a path into). */
const lookup: ScenarioLookup = (ref) =>
  Object.hasOwn(BUILTIN_YAML, ref)
    ? { ok: true, source: builtinSource(ref) }
    : { ok: false, message: `"${ref}" is not a built-in scenario (built-ins: ${Object.keys(BUILTIN_YAML).join(', ')}); the explorer cannot read files, so \`extends\` may only name a built-in` };

/** A built-in scenario, resolved. Throws if the embedded file does not validate (a build error). */
export function builtinScenario(name: string): Scenario {
  if (!Object.hasOwn(BUILTIN_YAML, name)) throw new Error(`unknown built-in scenario "${name}"`);
  const r = resolveScenario(builtinSource(name), lookup);
  if (!r.ok) throw new Error(r.issues.map(formatScenarioError).join('\n'));
  return r.scenario;
}

/** Scenario text (YAML or JSON) resolved as `talentsim validate` would, `extends` reaching built-ins only. */
export function resolveText(text: string, label: string): ScenarioResult<Scenario> {
  return resolveScenario({ id: `text:${label}`, label, source: label, baseDir: '', content: { text } }, lookup);
}

/** What the page sets: the world (county, parameters, start year) from a base scenario, and the policy. */
export interface ExplorerSetup {
  /** The scenario whose county, parameters and start year the page runs (a built-in or pasted file). */
  base: Scenario;
  /** Name of the policy scenario (the `scenario` column of its rows). */
  name: string;
  description: Scenario['description'];
  years: number;
  seed: number;
  replicates: number;
  policies: PolicySetting[];
  shocks: ShockSetting[];
}

/** The baseline's name in the rows. */
export const BASELINE_NAME = 'baseline';

/** Per-year values of a lever over the horizon (t = 1..years) and the unit cost in force each year. */
export interface LeverPlan {
  values: number[];
  unitCosts: number[];
}

/** The explorer's scenario pair, validated, with the policy scenario's file text. */
export interface PreparedRun {
  /** The policy scenario as a scenario file (what "download YAML" saves). */
  yaml: string;
  policy: Scenario;
  baseline: Scenario;
  /** The policy scenario's lever values year by year, for levers it sets. */
  plans: Record<string, LeverPlan>;
}

/** The policy's name, kept distinct from the baseline's so their rows never mix. */
export function policyName(name: string): string {
  const n = name.trim() || 'policy';
  return n === BASELINE_NAME ? `${n}-policy` : n;
}

/** The file object of the policy scenario (`scenarioToFile` form: complete, no `extends`). Common random numbers on. */
export function policyFile(setup: ExplorerSetup): Record<string, unknown> {
  const { base } = setup;
  return scenarioToFile({
    ...base,
    name: policyName(setup.name),
    title: undefined, // the base's display title names the base, not this policy
    description: setup.description,
    years: setup.years,
    seed: setup.seed,
    replicates: setup.replicates,
    crn: true,
    policies: setup.policies,
    shocks: setup.shocks,
  });
}

/** The baseline of a setup: the same file with no levers and no shocks (current policy). */
export function baselineFile(setup: ExplorerSetup): Record<string, unknown> {
  return {
    ...policyFile(setup),
    name: BASELINE_NAME,
    description: `Current policy on ${setup.base.county.name}: no levers, no shocks (the explorer's baseline).`,
    policies: [],
    shocks: [],
  };
}

/** The policy scenario file as YAML text, with a comment saying where it came from. */
export function policyYaml(setup: ExplorerSetup): string {
  const doc = new YAML.Document(policyFile(setup));
  doc.commentBefore = ` Scenario "${policyName(setup.name)}" made in the talentsim explorer on ${setup.base.county.name}.\n Run it with: talentsim run <this file>   (its baseline: the same file with no policies and no shocks)`;
  return doc.toString({ lineWidth: 0 });
}

/** Each set lever's value and unit cost in every simulated year, from the model's own compiled schedule. */
export function leverPlans(scenario: Scenario): Record<string, LeverPlan> {
  const inputs = compileScenario(scenario);
  const levers = [...new Set(scenario.policies.map((p) => p.lever))];
  const plans: Record<string, LeverPlan> = {};
  for (const l of levers) plans[l] = { values: [], unitCosts: [] };
  for (let t = 1; t <= scenario.years; t++) {
    const year = inputs.policy(t, scenario.startYear + t);
    for (const l of levers) {
      plans[l].values.push(year.levers[l as keyof typeof year.levers]);
      plans[l].unitCosts.push(year.unitCosts[l as keyof typeof year.unitCosts]);
    }
  }
  return plans;
}

/**
 * Validates the page's setup: the policy from its YAML text (so the run is exactly what the saved file
 * gives) and its baseline. Problems are formatted as `talentsim validate` prints them.
 */
export function prepareRun(setup: ExplorerSetup): { ok: true; run: PreparedRun } | { ok: false; issues: string[] } {
  const yaml = policyYaml(setup);
  const label = `${policyName(setup.name)}.yaml`;
  const policy = resolveText(yaml, label);
  const baseline = resolveScenario({ id: 'explorer:baseline', label: 'baseline', source: 'explorer baseline', baseDir: '', content: { value: baselineFile(setup) } });
  const issues = [...(policy.ok ? [] : policy.issues), ...(baseline.ok || !policy.ok ? [] : baseline.issues)];
  if (!policy.ok || !baseline.ok) return { ok: false, issues: issues.map(formatScenarioError) };
  return { ok: true, run: { yaml, policy: policy.scenario, baseline: baseline.scenario, plans: leverPlans(policy.scenario) } };
}

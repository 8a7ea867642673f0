/**
 * A resolved scenario back in the file format: `scenarioToFile` (a plain snake_case object that loads to
 * the same scenario) and `describeScenario` (that object as YAML, every parameter with its effective value
 * and overridden ones marked). Pure and browser-safe.
 */
import YAML from 'yaml';
import { PARAMETERS } from '../model/parameters.js';
import { camelKey, profileToFile, scenarioSchemas } from './schema.js';
import type { Scenario } from './types.js';

/** Options of {@link scenarioToFile}. */
export interface ScenarioToFileOptions {
  /** List every declared parameter with its effective value (default false: only the overrides). */
  allParameters?: boolean;
}

/** A setting object back in the file's key order and snake_case names (`keys` from the schema); unset keys left out. */
function toFileKeys(keys: readonly string[], value: object): Record<string, unknown> {
  const v = value as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, v[camelKey(k)]]).filter(([, x]) => x !== undefined));
}

/**
 * The scenario as a plain object in the file format (no `extends`; policies, shocks and county complete;
 * windows in years since the start; any strength already in the values). A scenario with user levers loads
 * back with the same levers given to the loader.
 */
export function scenarioToFile(s: Scenario, options: ScenarioToFileOptions = {}): Record<string, unknown> {
  const keys = scenarioSchemas().keys;
  const parameters: Record<string, number> = {};
  if (options.allParameters) for (const p of PARAMETERS) parameters[p.name] = s.parameters[p.name] ?? p.default;
  else Object.assign(parameters, s.parameters);
  return {
    ...toFileKeys(keys.scalars.filter((k) => k !== 'extends'), s),
    county: {
      ...toFileKeys(keys.county.filter((k) => k !== 'profile' || s.county.profile !== undefined), s.county),
      mix: { ...s.county.mix },
      ...(s.county.profile ? { profile: profileToFile(s.county.profile) } : {}),
    },
    parameters,
    structure: { ...s.structure },
    policies: s.policies.map((p) => {
      const { where, ...rest } = toFileKeys(keys.policy, p);
      if (!p.where) return rest;
      const conditions = Object.entries(toFileKeys(keys.where, p.where)).filter(([, x]) => x !== undefined);
      return { ...rest, where: Object.fromEntries(conditions) };
    }),
    shocks: s.shocks.map((x) => toFileKeys(keys.shock, x)),
  };
}

/**
 * The fully resolved scenario as YAML: defaults included, every declared parameter with its effective
 * value (overrides marked with their default), `until: null` meaning "to the horizon". Loads back to the
 * same scenario.
 */
export function describeScenario(s: Scenario): string {
  const doc = new YAML.Document(scenarioToFile(s, { allParameters: true }));
  doc.commentBefore = ` Scenario "${s.name}" fully resolved (from ${s.source}).`;
  const params = doc.get('parameters') as YAML.YAMLMap<YAML.Scalar<string>, YAML.Scalar<number>>;
  for (const pair of params.items) {
    const name = String(pair.key.value);
    const spec = PARAMETERS.find((p) => p.name === name);
    if (spec && name in s.parameters) pair.value!.comment = ` overridden (default ${spec.default})`;
  }
  return doc.toString({ lineWidth: 0 });
}

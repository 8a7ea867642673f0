/**
 * A resolved scenario back in the file format: `scenarioToFile` (a plain snake_case object that loads to
 * the same scenario) and `describeScenario` (that object as YAML, every parameter with its effective value
 * and overridden ones marked). Pure and browser-safe.
 */
import YAML from 'yaml';
import { PARAMETERS } from '../model/parameters.js';
import type { Scenario } from './types.js';

/** Options of {@link scenarioToFile}. */
export interface ScenarioToFileOptions {
  /** List every declared parameter with its effective value (default false: only the overrides). */
  allParameters?: boolean;
}

/** The scenario as a plain object in the file format (no `extends`; policies, shocks and county complete). */
export function scenarioToFile(s: Scenario, options: ScenarioToFileOptions = {}): Record<string, unknown> {
  const parameters: Record<string, number> = {};
  if (options.allParameters) for (const p of PARAMETERS) parameters[p.name] = s.parameters[p.name] ?? p.default;
  else Object.assign(parameters, s.parameters);
  return {
    name: s.name,
    description: s.description,
    years: s.years,
    start_year: s.startYear,
    seed: s.seed,
    replicates: s.replicates,
    crn: s.crn,
    county: {
      name: s.county.name,
      villages: s.county.villages,
      population: s.county.population,
      village_size_cv: s.county.villageSizeCv,
      segregation: s.county.segregation,
      mix: { ...s.county.mix },
    },
    parameters,
    policies: s.policies.map((p) => ({ lever: p.lever, value: p.value, from: p.from, until: p.until, unit_cost: p.unitCost })),
    shocks: s.shocks.map((x) => ({
      kind: x.kind,
      start: x.start,
      duration: x.duration,
      mobility: x.mobility,
      conflict: x.conflict,
      migrant_wage: x.migrantWage,
    })),
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

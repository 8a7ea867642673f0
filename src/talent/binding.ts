/**
 * `talentBinding`: the talent model as the experiment engine sees it — the model compiled from each
 * scenario, this module as what worker threads load, the scenario hash as the identity of a replicate's
 * rows, validated scenario points, the declared parameters as factors, and the metric metadata.
 */
import type { ModelDefinition } from '../core/run.js';
import type { ModelBinding } from '../experiment/binding.js';
import { talentModel } from '../model/model.js';
import { compileScenario } from '../scenario/compile.js';
import { scenarioHash } from '../scenario/hash.js';
import { withOverrides } from '../scenario/overrides.js';
import type { Scenario } from '../scenario/types.js';
import { TALENT_METRICS } from './metrics.js';
import { parameterFactors } from './parameter-factors.js';

/** Builds the talent model for a scenario (the talent binding's factory). */
export function buildModel(scenario: Scenario): ModelDefinition<unknown> {
  return talentModel(compileScenario(scenario));
}

/**
 * What a replicate's rows depend on: the scenario hash (full effective parameters, no source or prose)
 * taken with `replicates` left out, so an ensemble can be extended to more replicates and still resumed.
 */
export function scenarioIdentity(scenario: Scenario): string {
  return scenarioHash({ ...scenario, replicates: 0 });
}

/**
 * The scenario at a point (`seed` and parameter overrides), validated like a scenario file: an unknown
 * parameter or a value out of range throws ScenarioLoadError before anything runs.
 */
export function scenarioAtPoint(scenario: Scenario, point: Readonly<Record<string, number>>): Scenario {
  const { seed, ...parameters } = point;
  return withOverrides(scenario, { seed, parameters: Object.keys(parameters).length ? parameters : undefined });
}

/** The talent model's binding: the default model of every talentsim experiment. */
export const talentBinding: ModelBinding = Object.freeze({
  id: 'talentsim',
  factory: buildModel,
  workerModule: Object.freeze({ url: import.meta.url, exportName: 'talentBinding' }),
  metrics: TALENT_METRICS,
  identity: scenarioIdentity,
  atPoint: scenarioAtPoint,
  factors: parameterFactors,
});

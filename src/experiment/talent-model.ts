/** The default model of every experiment: the talentsim model compiled from the scenario, and its identity hash. */
import { talentModel } from '../model/index.js';
import { compileScenario, scenarioHash, withOverrides } from '../scenario/index.js';
import type { ModelDefinition } from '../core/run.js';
import type { Scenario } from '../scenario/types.js';

/** Builds the talentsim model for a scenario (the default {@link ModelFactory}). */
export function buildModel(scenario: Scenario): ModelDefinition<unknown> {
  return talentModel(compileScenario(scenario)) as ModelDefinition<unknown>;
}

/**
 * What a replicate's rows depend on: the scenario hash (full effective parameters, no source or prose)
 * taken with `replicates` left out, so an ensemble can be extended to more replicates and still resumed.
 */
export function scenarioIdentity(scenario: Scenario): string {
  return scenarioHash({ ...scenario, replicates: 0 });
}

/**
 * The scenario at a scan point (`seed` and parameter overrides), validated like a scenario file: an
 * unknown parameter or a value out of range throws ScenarioLoadError before anything runs.
 */
export function scenarioAtPoint(scenario: Scenario, point: Readonly<Record<string, number>>): Scenario {
  const { seed, ...parameters } = point;
  return withOverrides(scenario, { seed, parameters: Object.keys(parameters).length ? parameters : undefined });
}

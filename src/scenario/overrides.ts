/** `withOverrides`: a scenario with a few run settings changed, re-validated as a whole. Pure. */
import { ScenarioLoadError } from './errors.js';
import { scenarioToFile } from './describe.js';
import { resolveScenario } from './resolve.js';
import type { Scenario } from './types.js';

/** What {@link withOverrides} can change. */
export interface ScenarioOverrides {
  years?: number;
  seed?: number;
  replicates?: number;
  /** Parameter overrides, merged over the scenario's own. */
  parameters?: Record<string, number>;
}

/**
 * The scenario with `overrides` applied and every rule checked again (e.g. expressions over a longer
 * horizon, parameter ranges). Throws ScenarioLoadError (file label `<source> (overrides)`) if invalid.
 */
export function withOverrides(scenario: Scenario, overrides: ScenarioOverrides): Scenario {
  const file = scenarioToFile(scenario);
  if (overrides.years !== undefined) file.years = overrides.years;
  if (overrides.seed !== undefined) file.seed = overrides.seed;
  if (overrides.replicates !== undefined) file.replicates = overrides.replicates;
  if (overrides.parameters) file.parameters = { ...scenario.parameters, ...overrides.parameters };
  const label = `${scenario.source} (overrides)`;
  const r = resolveScenario({ id: label, label, source: scenario.source, baseDir: '.', content: { value: file } });
  if (!r.ok) throw new ScenarioLoadError(r.issues);
  return { ...r.scenario, description: scenario.description };
}

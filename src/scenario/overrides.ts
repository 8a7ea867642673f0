/** `withOverrides`: a scenario with a few run settings changed, re-validated as a whole; `withCostLevel`. Pure. */
import { LEVER_INDEX, leverUnitCost, type CostLevel } from '../model/levers.js';
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
  /** Price the policies at this cost level ({@link withCostLevel}). */
  costs?: CostLevel;
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
  const out = { ...r.scenario, description: scenario.description };
  return overrides.costs ? withCostLevel(out, overrides.costs) : out;
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

/** The scenarios a command runs: loading references with command-line overrides, and the default lists. */
import type { CostLevel } from '../model/levers.js';
import { builtinScenarioNames, loadScenario, withCostLevel, withOverrides, ScenarioLoadError, type Scenario, type ScenarioError } from '../scenario/index.js';

/** Run-setting overrides given on the command line. */
export interface RunOverrides {
  years?: number;
  seed?: number;
  replicates?: number;
  /** Price the policies at this cost level (`--costs`). */
  costs?: CostLevel;
}

/** Loads every scenario (collecting all problems of all of them) and applies the overrides. */
export function loadScenarios(refs: readonly string[], overrides: RunOverrides): Scenario[] {
  const issues: ScenarioError[] = [];
  const out: Scenario[] = [];
  for (const ref of refs) {
    try {
      const s = loadScenario(ref);
      const changed = overrides.years !== undefined || overrides.seed !== undefined || overrides.replicates !== undefined;
      const priced = overrides.costs ? withCostLevel(s, overrides.costs) : s;
      out.push(changed ? withOverrides(priced, { ...overrides, costs: undefined }) : priced);
    } catch (e) {
      if (e instanceof ScenarioLoadError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length) throw new ScenarioLoadError(issues);
  return out;
}

/** The built-in scenarios `compare` runs by default: all but the province-scale `guangxi` benchmark. */
export function defaultCompareScenarios(): string[] {
  return builtinScenarioNames().filter((n) => n !== 'guangxi');
}

/** The scenarios `robustness` runs by default: baseline, the four pathways and their combination. */
export function defaultRobustnessScenarios(): string[] {
  return builtinScenarioNames().filter((n) => n !== 'guangxi' && n !== 'lockdown-shock');
}

/** The scenarios a command runs: loading references with command-line overrides, and the default lists. */
import { builtinScenarioNames, loadScenario, withOverrides, ScenarioLoadError, type Scenario, type ScenarioError } from '../scenario/index.js';

/** Run-setting overrides given on the command line. */
export interface RunOverrides {
  years?: number;
  seed?: number;
  replicates?: number;
}

/** Loads every scenario (collecting all problems of all of them) and applies the overrides. */
export function loadScenarios(refs: readonly string[], overrides: RunOverrides): Scenario[] {
  const issues: ScenarioError[] = [];
  const out: Scenario[] = [];
  for (const ref of refs) {
    try {
      const s = loadScenario(ref);
      const changed = overrides.years !== undefined || overrides.seed !== undefined || overrides.replicates !== undefined;
      out.push(changed ? withOverrides(s, overrides) : s);
    } catch (e) {
      if (e instanceof ScenarioLoadError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length) throw new ScenarioLoadError(issues);
  return out;
}

/** Built-in scenarios that are not policy scenarios: the province-scale benchmark and the 2010 hindcast. */
const NOT_POLICY_SCENARIOS: readonly string[] = ['guangxi', 'hindcast-2010'];

/** The built-in scenarios `compare` runs by default: all but the province-scale `guangxi` benchmark and the hindcast. */
export function defaultCompareScenarios(): string[] {
  return builtinScenarioNames().filter((n) => !NOT_POLICY_SCENARIOS.includes(n));
}

/** The scenarios `robustness` runs by default: baseline, the four pathways and their combination. */
export function defaultRobustnessScenarios(): string[] {
  return builtinScenarioNames().filter((n) => !NOT_POLICY_SCENARIOS.includes(n) && n !== 'lockdown-shock');
}

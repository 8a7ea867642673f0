/** The scenarios a command runs: loading references with command-line overrides (`--years`, `--set` …), and the default lists. */
import {
  builtinScenarioNames, formatScenarioError, parseSetting, safeApplySettings, safeLoadScenario, ScenarioLoadError, withCostLevel, withOverrides,
  type LeverSpec, type Scenario, type ScenarioError,
} from '../scenario/index.js';
import type { LoadOptions } from '../scenario/load.js';
import type { CostLevel } from '../model/levers.js';

/** Run-setting overrides given on the command line. */
export interface RunOverrides {
  years?: number;
  seed?: number;
  replicates?: number;
  /** `--set path=value` texts, applied after the other overrides, to every scenario. */
  set?: readonly string[];
  /** User levers the files may set (from the `levers` of a `--model` binding). */
  levers?: readonly LeverSpec[];
  /** How scenario files are read (`--scenario-path`, `--max-scenario-bytes`). */
  read?: Pick<LoadOptions, 'scenarioPath' | 'maxBytes'>;
  /** Price the policies at this cost level (`--costs`). */
  costs?: CostLevel;
}

/**
 * Loads every scenario (collecting all problems of all of them, read as `overrides.read` allows), applies the overrides and `--set`, and
 * sends each distinct warning (a file extended by several scenarios warns once) to `onWarning` as one line.
 */
export function loadScenarios(refs: readonly string[], overrides: RunOverrides, onWarning: (line: string) => void = () => {}): Scenario[] {
  const issues: ScenarioError[] = [];
  const warned = new Set<string>();
  const warn = (w: ScenarioError) => {
    const line = formatScenarioError(w);
    if (!warned.has(line)) onWarning(line);
    warned.add(line);
  };
  const settings = (overrides.set ?? []).map((t) => parseSetting(t));
  const out: Scenario[] = [];
  for (const ref of refs) {
    try {
      const r = safeLoadScenario(ref, { ...overrides.read, levers: overrides.levers });
      if (!r.ok) {
        issues.push(...r.issues);
        continue;
      }
      r.warnings.forEach(warn);
      let s = r.scenario;
      const changed = overrides.years !== undefined || overrides.seed !== undefined || overrides.replicates !== undefined;
      if (overrides.costs) s = withCostLevel(s, overrides.costs);
      if (changed) s = withOverrides(s, { ...overrides, costs: undefined });
      if (settings.length) {
        const applied = safeApplySettings(s, settings);
        if (!applied.ok) {
          issues.push(...applied.issues);
          continue;
        }
        applied.warnings.forEach(warn);
        s = applied.scenario;
      }
      out.push(s);
    } catch (e) {
      if (e instanceof ScenarioLoadError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length) {
    const seen = new Set<string>();
    throw new ScenarioLoadError(issues.filter((i) => !seen.has(formatScenarioError(i)) && !!seen.add(formatScenarioError(i))));
  }
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

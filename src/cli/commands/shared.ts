/** Helpers shared by the CLI commands: loading scenarios with overrides, option checks, failure output. */
import { loadScenario, withOverrides, ScenarioLoadError, type Scenario, type ScenarioError } from '../../scenario/index.js';
import type { ReplicateFailure } from '../../experiment/index.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';

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

/** Checks an optional integer option: ≥ `min` (and ≤ `max`); throws {@link UsageError}. */
export function intOption(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name}: expected an integer ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`}, found ${String(value)}`);
  }
  return value;
}

/** Prints each failed replicate to stderr (one per line). */
export function printFailures(io: CliIo, failures: readonly ReplicateFailure[]): void {
  for (const f of failures) {
    const params = f.parameters ? ` ${JSON.stringify(f.parameters)}` : '';
    io.stderr(`failed: scenario ${f.scenario}${params} replicate ${f.replicate} (seed ${f.seed}): ${f.error}\n`);
  }
}

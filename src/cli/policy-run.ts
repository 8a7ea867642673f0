/** What the policy-design commands share when they run: the base scenario with the command-line overrides, and their numbers checked. */
import { availableParallelism } from 'node:os';
import type { CostLevel } from '../model/levers.js';
import type { Scenario } from '../scenario/index.js';
import type { CliIo } from './io.js';
import { intOption, type PolicyArgs } from './options.js';
import { loadScenarios } from './scenarios.js';

/** The common settings of `dose-response`, `frontier` and `optimize`, checked. */
export interface PolicySettings {
  base: Scenario;
  costs: CostLevel;
  workers: number;
  resume: boolean;
  /** Prints a progress note to stderr (nothing with --quiet). */
  note: (line: string) => void;
}

/** Loads the base scenario with `--years`/`--seed`/`--costs` and checks the common numbers. */
export function policySettings(a: PolicyArgs, io: CliIo): PolicySettings {
  const years = intOption('years', a.years, 1, 500);
  const seed = intOption('seed', a.seed, 0, 0xfffffffe);
  const workers = intOption('workers', a.workers, 1, 1024) ?? availableParallelism();
  const costs = a.costs;
  const [base] = loadScenarios([a.scenario], { years, seed, costs });
  return { base, costs, workers, resume: a.resume, note: a.quiet ? () => {} : (line) => io.stderr(`${line}\n`) };
}

/**
 * One replicate of one scenario with a given model factory: the single place that turns a scenario and a
 * replicate number into core `run` options, after checking both (a typed {@link ExperimentInputError} for
 * a replicate index that is not a whole number in range, or a scenario whose run settings are missing or
 * out of bounds — a hand-built scenario with a million years must not exhaust memory). Common random
 * numbers: with `crn` on, every scenario's replicate r uses the same derived streams (CRN key ""); with it
 * off, the scenario name is the key. Browser-safe.
 */
import type { GroupValues } from '../core/metrics.js';
import { run, type RunOptions } from '../core/run.js';
import type { SeriesRow } from '../core/rows.js';
import type { Scenario } from '../scenario/types.js';
import type { ModelFactory } from './binding.js';
import { ExperimentInputError } from './errors.js';

/** Bounds of what one replicate may be asked to run. */
export const RUN_LIMITS = Object.freeze({
  /** Years simulated (scenario files allow 1-100; scenarios built in code up to this). */
  years: 200,
  /** Largest replicate index (replicates are numbered 0, 1, …). */
  replicate: 2 ** 31 - 1,
});

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined ? String(v) : typeof v;
}

/** Checks a replicate index: a whole number from 0 to {@link RUN_LIMITS.replicate}. */
export function checkReplicate(replicate: unknown): number {
  if (typeof replicate !== 'number' || !Number.isInteger(replicate) || replicate < 0 || replicate > RUN_LIMITS.replicate) {
    throw new ExperimentInputError(`replicate: expected a whole number from 0 to ${RUN_LIMITS.replicate}; found ${show(replicate)}`);
  }
  return replicate;
}

/** The problems of a scenario's run settings (name, years, startYear, seed, crn), one message each. */
export function runScenarioProblems(scenario: unknown): string[] {
  if (!scenario || typeof scenario !== 'object' || Array.isArray(scenario)) return [`scenario: expected a scenario object; found ${show(scenario)}`];
  const s = scenario as Partial<Scenario>;
  const p: string[] = [];
  const label = typeof s.name === 'string' ? `scenario "${s.name}"` : 'scenario';
  if (typeof s.name !== 'string' || s.name === '') p.push(`${label}: name: expected a non-empty string; found ${show(s.name)}`);
  if (typeof s.years !== 'number' || !Number.isInteger(s.years) || s.years < 1 || s.years > RUN_LIMITS.years) {
    p.push(`${label}: years: expected a whole number from 1 to ${RUN_LIMITS.years}; found ${show(s.years)}`);
  }
  if (typeof s.startYear !== 'number' || !Number.isSafeInteger(s.startYear)) p.push(`${label}: startYear: expected a whole number; found ${show(s.startYear)}`);
  if (typeof s.seed !== 'number' || !Number.isInteger(s.seed) || s.seed < 0 || s.seed > 0xffffffff) {
    p.push(`${label}: seed: expected an unsigned 32-bit integer; found ${show(s.seed)}`);
  }
  if (s.crn !== undefined && typeof s.crn !== 'boolean') p.push(`${label}: crn: expected true or false; found ${show(s.crn)}`);
  return p;
}

/** Throws {@link ExperimentInputError} listing the problems of a scenario's run settings, if any. */
export function checkRunScenario(scenario: unknown): Scenario {
  const problems = runScenarioProblems(scenario);
  if (problems.length) throw new ExperimentInputError(problems);
  return scenario as Scenario;
}

/** The core run options of replicate `replicate` of `scenario` (both checked). */
export function replicateRunOptions(scenario: Scenario, replicate: number, metrics?: readonly string[]): RunOptions {
  checkRunScenario(scenario);
  checkReplicate(replicate);
  return {
    years: scenario.years,
    startYear: scenario.startYear,
    seed: scenario.seed,
    replicate,
    scenario: scenario.name,
    crnKey: scenario.crn ? '' : scenario.name,
    metrics,
  };
}

/** Runs replicate `replicate` of `scenario` with the model `factory` builds; tidy rows in (year, metric) order. */
export function runModelReplicate(
  factory: ModelFactory,
  scenario: Scenario,
  replicate: number,
  metrics?: readonly string[],
): SeriesRow[] {
  const options = replicateRunOptions(scenario, replicate, metrics);
  const model = factory(scenario, { replicate });
  return run(model, options).rows;
}

/** One replicate's rows with every year's per-group values and each group's attributes at the initial state. */
export interface ReplicateWithGroups {
  /** Tidy rows, as {@link runModelReplicate} gives them. */
  rows: SeriesRow[];
  /** Metric names, in the order of the group values. */
  metrics: string[];
  /** Per year (t = 0..years), every metric's value in every group. */
  groups: GroupValues[];
  /** Per group, its attributes at t = 0 (the model's `groupAttributes`; empty objects if it declares none). */
  attributes: Readonly<Record<string, string | number>>[];
}

/** Runs one replicate keeping the per-group values (core `keepGroups`) and the groups' initial attributes. */
export function runModelReplicateGroups(factory: ModelFactory, scenario: Scenario, replicate: number, metrics?: readonly string[]): ReplicateWithGroups {
  const model = factory(scenario, { replicate });
  const attributes: Readonly<Record<string, string | number>>[] = [];
  const onYear = (state: unknown, _year: number, t: number) => {
    if (t !== 0) return;
    const n = model.groups(state);
    for (let g = 0; g < n; g++) attributes.push(model.groupAttributes ? { ...model.groupAttributes(state, g) } : {});
  };
  const result = run(model, { ...replicateRunOptions(scenario, replicate, metrics), keepGroups: true, onYear });
  const names = metrics ? model.metrics.filter((m) => metrics.includes(m.name)).map((m) => m.name) : model.metrics.map((m) => m.name);
  return { rows: result.rows, metrics: names, groups: result.groups ?? [], attributes };
}

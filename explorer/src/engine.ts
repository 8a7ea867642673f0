/**
 * The explorer's model runs: one replicate of one scenario exactly as the CLI's ensemble runs it (the same
 * core run options, so the same rows for the same seed and replicate), plus the spending of each lever
 * measured along the way. Pure and browser-safe: the Web Worker calls it, and so do the Node tests that
 * check it against `talentsim run`.
 */
import type { MetricDef } from '../../src/core/metrics.js';
import { run } from '../../src/core/run.js';
import type { SeriesRow } from '../../src/core/rows.js';
import { replicateRunOptions } from '../../src/experiment/run-model-replicate.js';
import type { County } from '../../src/model/county.js';
import { LEVERS } from '../../src/model/levers.js';
import { talentModel } from '../../src/model/model.js';
import { compileScenario } from '../../src/scenario/compile.js';
import type { Scenario } from '../../src/scenario/types.js';

/** One finished replicate: its series rows and what each lever cost. */
export interface ReplicateResult {
  /** Scenario name (the `scenario` column of the rows). */
  scenario: string;
  replicate: number;
  /** Rows of every declared metric, in the order `talentsim run` writes them to series.csv. */
  rows: SeriesRow[];
  /** Mean yearly spending of each lever over the simulated years, whole county, yuan per year. */
  spend: Record<string, number>;
  /** Wall-clock milliseconds of the run. */
  ms: number;
}

const SPEND_PREFIX = 'explorer_spend:';

/**
 * One metric per lever reading the village's spending booked this year. Collection only reads state and
 * is never given a random stream, so these extra metrics cannot change the run; their rows are split off.
 */
const SPEND_METRICS: readonly MetricDef<County>[] = LEVERS.map((l) => ({
  name: SPEND_PREFIX + l.name,
  label: { en: `Spending on ${l.name}`, zh: `${l.name} 支出` },
  unit: 'yuan/year',
  direction: 'none' as const,
  format: 'yuan' as const,
  description: `Spending on ${l.name} in the year.`,
  perGroup: (c: County, g: number) => c.villages[g].spending[l.name] ?? 0,
  aggregate: 'sum' as const,
}));

/** Runs replicate `replicate` of a validated scenario with the talent model, as `talentsim run` would. */
export function runExplorerReplicate(scenario: Scenario, replicate: number, now: () => number = () => performance.now()): ReplicateResult {
  const started = now();
  const model = talentModel(compileScenario(scenario));
  const withSpend = { ...model, metrics: [...model.metrics, ...SPEND_METRICS] };
  const all = run(withSpend, replicateRunOptions(scenario, replicate)).rows;
  const rows: SeriesRow[] = [];
  const spend: Record<string, number> = {};
  for (const l of LEVERS) spend[l.name] = 0;
  for (const r of all) {
    if (!r.metric.startsWith(SPEND_PREFIX)) rows.push(r);
    // Year 0 is the initial state (no policy has acted yet); the mean is over the simulated years.
    else if (r.year > scenario.startYear) spend[r.metric.slice(SPEND_PREFIX.length)] += r.value / scenario.years;
  }
  return { scenario: scenario.name, replicate, rows, spend, ms: now() - started };
}

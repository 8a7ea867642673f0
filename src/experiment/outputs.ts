/**
 * The final outputs of an experiment, built from its part files and value table in canonical order
 * (unit order, replicate, year, metric declaration order), so they do not depend on worker count,
 * completion order, sharding or resuming: series.csv (streamed from the parts), comparison.csv,
 * summary.json (deterministic: no timings) and failures.json.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { metricsInRole } from '../core/metrics.js';
import { csvField, formatValue, SERIES_COLUMNS, type SeriesRow } from '../core/rows.js';
import type { MetricInfo } from './binding.js';
import { compare, summarize } from './statistics.js';
import { COMPARISON_COLUMNS, type ComparisonRow } from './types.js';
import { csvLines, parseCsvLine } from './csv.js';
import { ExperimentInputError } from './errors.js';
import { writeFileDurable, writeJsonDurable, writeStreamDurable, type FileRecord } from './files.js';
import { OUTPUT_FILES, partPath } from './layout.js';
import { readPartFile } from './parts.js';
import type { ExperimentUnit } from './unit.js';
import type { GroupPlan } from './group-output.js';
import type { ValueTable } from './value-table.js';
import { bestCsv, bestRows } from './best.js';

/**
 * What an experiment is: its units, replicates, metrics and columns (stored in shard manifests). An
 * ensemble compares scenarios with its baseline (comparison.csv); a scan has no baseline; a sweep compares
 * its points with its reference point (sweep.csv, sweep-summary.csv).
 */
export interface ExperimentPlan {
  kind: 'ensemble' | 'scan' | 'sweep';
  units: ExperimentUnit[];
  /** Output metrics in declaration order. */
  metrics: MetricInfo[];
  /** Columns of series.csv in order (fixed columns, then scan parameters). */
  columns: string[];
  /** Name of the baseline unit for comparison.csv; undefined for scans (no comparison). */
  baseline?: string;
  /** Metrics reported in summary.json (the main outcomes among `metrics`, else all; a design's outcomes). */
  mainMetrics: string[];
  /** Per-group output (e.g. villages.csv), if asked for. */
  groups?: GroupPlan;
}

/** A replicate that threw. */
export interface ReplicateFailure {
  scenario: string;
  replicate: number;
  seed: number;
  error: string;
  /** The unit's scan parameters, for a scan. */
  parameters?: Record<string, number>;
}

/** One metric of one unit at the horizon, in summary.json. */
export interface HorizonOutcome {
  unit: string;
  n: number;
  mean: number | null;
  ci_low: number | null;
  ci_high: number | null;
  /** Paired difference against baseline and its 95% interval; share of replicates better than baseline. */
  diff?: number | null;
  diff_ci_low?: number | null;
  diff_ci_high?: number | null;
  p_better?: number | null;
}

/** One unit in summary.json. */
export interface SummaryScenario {
  name: string;
  /** The scenario's description: a string, or texts by language. */
  description: ExperimentUnit['scenario']['description'];
  hash: string;
  parameters?: Record<string, number>;
  /** Replicates planned. */
  replicates: number;
  /** Replicates that finished (the statistics' n). */
  completed: number;
  failed: number;
  horizon: number;
  outcomes: Record<string, HorizonOutcome>;
}

/** summary.json. */
export interface ExperimentSummary {
  kind: ExperimentPlan['kind'];
  baseline: string | null;
  confidence: 0.95;
  scenarios: SummaryScenario[];
}

/** The main outcomes among `metrics` (by their `main` positions), else all of them: what summary.json reports. */
export function mainMetricNames(metrics: readonly MetricInfo[]): string[] {
  const main = metricsInRole(metrics, 'main');
  return (main.length ? main : metrics).map((m) => m.name);
}

/** Rounds a number to its output text and back (the value as written), NaN/±Infinity as null. */
function stable(x: number): number | null {
  return Number.isFinite(x) ? Number(formatValue(x)) : null;
}

const SERIES_COLUMN_COUNT = SERIES_COLUMNS.length;

/** Tidy rows of unit `u` for one metric, present replicates only, from the table. */
function metricRows(plan: ExperimentPlan, table: ValueTable, u: number, m: number): SeriesRow[] {
  const unit = plan.units[u];
  const out: SeriesRow[] = [];
  const years = table.unitYears(u);
  for (const r of table.presentReplicates(u)) {
    for (let y = 0; y < years.length; y++) {
      out.push({
        scenario: unit.scenario.name,
        replicate: r,
        seed: unit.scenario.seed,
        year: years[y],
        metric: plan.metrics[m].name,
        value: table.cell(u, m, y)[r],
      });
    }
  }
  return out;
}

/**
 * comparison.csv rows (scenario order, metric declaration order, year), computed metric by metric with
 * the statistics `compare` so that only one metric's rows exist at a time. Empty if there is no baseline
 * or the baseline has no finished replicate.
 */
export function comparisonRows(plan: ExperimentPlan, table: ValueTable): ComparisonRow[] {
  if (plan.baseline === undefined) return [];
  const b = plan.units.findIndex((u) => u.scenario.name === plan.baseline);
  if (b < 0 || table.presentReplicates(b).length === 0) return [];
  const perMetric: ComparisonRow[][] = [];
  for (let m = 0; m < plan.metrics.length; m++) {
    const rows: SeriesRow[] = [];
    for (let u = 0; u < plan.units.length; u++) for (const row of metricRows(plan, table, u, m)) rows.push(row);
    const direction = plan.metrics[m].direction;
    perMetric.push(compare(rows, { baseline: plan.baseline, better: () => direction }));
  }
  const out: ComparisonRow[] = [];
  for (const unit of plan.units) {
    for (const rows of perMetric) for (const row of rows) if (row.scenario === unit.scenario.name) out.push(row);
  }
  return out;
}

/** A statistics cell: numbers as in series.csv, a non-finite number (not applicable) as an empty field. */
export function statField(v: string | number): string {
  return typeof v === 'number' && !Number.isFinite(v) ? '' : csvField(v);
}

/** comparison.csv text (differences of the baseline's own rows and p_better without a direction: empty). */
export function comparisonCsv(rows: readonly ComparisonRow[]): string {
  let out = COMPARISON_COLUMNS.join(',') + '\n';
  for (const r of rows) out += COMPARISON_COLUMNS.map((c) => statField(r[c])).join(',') + '\n';
  return out;
}

/** The statistics columns of sweep.csv and sweep-summary.csv after `point` and the factor columns. */
export const SWEEP_STAT_COLUMNS = COMPARISON_COLUMNS.filter((c) => c !== 'scenario');

/**
 * sweep.csv (every year) or sweep-summary.csv (`horizonOnly`: each point's last year) text: `point`, the
 * factor columns (empty where the reference point holds no single number), then the statistics columns of
 * comparison.csv, against the reference point.
 */
export function sweepCsv(plan: ExperimentPlan, rows: readonly ComparisonRow[], horizonOnly: boolean): string {
  const factors = plan.columns.slice(SERIES_COLUMN_COUNT);
  const units = new Map(plan.units.map((u) => [u.scenario.name, u]));
  const horizon = new Map(plan.units.map((u) => [u.scenario.name, u.scenario.startYear + u.scenario.years]));
  let out = ['point', ...factors, ...SWEEP_STAT_COLUMNS].join(',') + '\n';
  for (const r of rows) {
    if (horizonOnly && r.year !== horizon.get(r.scenario)) continue;
    const columns = units.get(r.scenario)?.columns ?? {};
    out += [csvField(r.scenario), ...factors.map((f) => (columns[f] === undefined ? '' : csvField(columns[f]))), ...SWEEP_STAT_COLUMNS.map((c) => statField(r[c]))].join(',') + '\n';
  }
  return out;
}

/** summary.json content: per unit, the main metrics at its horizon (mean, 95% CI, paired diff vs baseline). */
export function buildSummary(plan: ExperimentPlan, table: ValueTable, comparison: readonly ComparisonRow[], failures: readonly ReplicateFailure[]): ExperimentSummary {
  const byKey = new Map<string, ComparisonRow>();
  for (const c of comparison) byKey.set(`${c.scenario}\u0000${c.metric}\u0000${c.year}`, c);
  const scenarios = plan.units.map((unit, u): SummaryScenario => {
    const years = table.unitYears(u);
    const horizon = years[years.length - 1];
    const outcomes: Record<string, HorizonOutcome> = {};
    for (const name of plan.mainMetrics) {
      const m = plan.metrics.findIndex((x) => x.name === name);
      if (m < 0) continue;
      const cell = table.cell(u, m, years.length - 1);
      const present = table.presentReplicates(u).map((r) => cell[r]);
      const s = summarize(present);
      const o: HorizonOutcome = { unit: plan.metrics[m].unit, n: s.n, mean: stable(s.mean), ci_low: stable(s.ci_low), ci_high: stable(s.ci_high) };
      const c = byKey.get(`${unit.scenario.name}\u0000${name}\u0000${horizon}`);
      if (c) Object.assign(o, { diff: stable(c.diff), diff_ci_low: stable(c.diff_ci_low), diff_ci_high: stable(c.diff_ci_high), p_better: stable(c.p_better) });
      outcomes[name] = o;
    }
    const hasColumns = Object.keys(unit.columns).length > 0;
    return {
      name: unit.scenario.name,
      description: unit.scenario.description,
      hash: unit.hash,
      ...(hasColumns ? { parameters: { ...unit.columns } } : {}),
      replicates: unit.replicates,
      completed: table.presentReplicates(u).length,
      failed: failures.filter((f) => f.scenario === unit.scenario.name && sameParameters(f.parameters, unit.columns)).length,
      horizon,
      outcomes,
    };
  });
  return { kind: plan.kind, baseline: plan.baseline ?? null, confidence: 0.95, scenarios };
}

function sameParameters(a: Record<string, number> | undefined, b: Readonly<Record<string, number>>): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a![k] === b[k]);
}

/** Sorts failures canonically (unit order, then replicate). */
export function sortFailures(plan: ExperimentPlan, failures: readonly ReplicateFailure[]): ReplicateFailure[] {
  const order = (f: ReplicateFailure) =>
    plan.units.findIndex((u) => u.scenario.name === f.scenario && sameParameters(f.parameters, u.columns));
  return [...failures].sort((a, b) => order(a) - order(b) || a.replicate - b.replicate);
}

/**
 * Streams series.csv from the part files of every present replicate, in canonical order, checking each
 * part's checksum and unit as it is read; returns the record of series.csv.
 */
export async function writeSeriesFromParts(dir: string, plan: ExperimentPlan, table: ValueTable): Promise<FileRecord> {
  return writeStreamDurable(join(dir, OUTPUT_FILES.series), async (write) => {
    await write(plan.columns.join(',') + '\n');
    for (let u = 0; u < plan.units.length; u++) {
      for (const r of table.presentReplicates(u)) {
        const path = partPath(dir, plan.units[u].key, r);
        const part = await readPartFile(path, { unit: plan.units[u].hash });
        if (!part.ok) throw new ExperimentInputError(`${path}: ${part.message} (changed while the run was writing its outputs?); rerun with --resume`);
        const nl = part.csv.indexOf('\n');
        await write(nl < 0 ? '' : part.csv.slice(nl + 1));
      }
    }
  });
}

/** Parses part CSV text into rows (numeric columns as numbers). */
export function partRows(csv: string): SeriesRow[] {
  const lines = csvLines(csv);
  const header = parseCsvLine(lines[0]);
  const out: SeriesRow[] = [];
  for (let k = 1; k < lines.length; k++) {
    const f = parseCsvLine(lines[k]);
    const row: Record<string, string | number> = {};
    header.forEach((h, i) => {
      row[h] = h === 'scenario' || h === 'metric' ? f[i] : Number(f[i]);
    });
    out.push(row as SeriesRow);
  }
  return out;
}

/** Whether an experiment writes best.csv: an ensemble of two or more scenarios. */
export function writesBest(plan: ExperimentPlan): boolean {
  return plan.kind === 'ensemble' && plan.units.length >= 2;
}

/**
 * Writes comparison.csv (an ensemble; or removes a stale one) or sweep.csv and sweep-summary.csv (a
 * sweep), best.csv (the probability of being best, for an ensemble of two or more scenarios), summary.json
 * and failures.json (removed when there are none); returns the records of the files written, by name.
 */
export async function writeStatistics(
  dir: string,
  plan: ExperimentPlan,
  comparison: readonly ComparisonRow[],
  summary: ExperimentSummary,
  failures: readonly ReplicateFailure[],
  table?: ValueTable,
): Promise<Record<string, FileRecord>> {
  const records: Record<string, FileRecord> = {};
  const sweep = plan.kind === 'sweep';
  if (!sweep && plan.baseline !== undefined && comparison.length) records[OUTPUT_FILES.comparison] = await writeFileDurable(join(dir, OUTPUT_FILES.comparison), comparisonCsv(comparison));
  else await rm(join(dir, OUTPUT_FILES.comparison), { force: true });
  if (sweep && comparison.length) {
    records[OUTPUT_FILES.sweep] = await writeFileDurable(join(dir, OUTPUT_FILES.sweep), sweepCsv(plan, comparison, false));
    records[OUTPUT_FILES.sweepSummary] = await writeFileDurable(join(dir, OUTPUT_FILES.sweepSummary), sweepCsv(plan, comparison, true));
  }
  if (table && writesBest(plan)) records[OUTPUT_FILES.best] = await writeFileDurable(join(dir, OUTPUT_FILES.best), bestCsv(bestRows(plan, table)));
  else await rm(join(dir, OUTPUT_FILES.best), { force: true });
  records[OUTPUT_FILES.summary] = await writeJsonDurable(join(dir, OUTPUT_FILES.summary), summary);
  if (failures.length) records[OUTPUT_FILES.failures] = await writeJsonDurable(join(dir, OUTPUT_FILES.failures), failures);
  else await rm(join(dir, OUTPUT_FILES.failures), { force: true });
  return records;
}

/**
 * Running the points of a sensitivity or robustness design through the experiment machinery: every point
 * is one experiment unit (a scenario with parameter overrides), so workers, durable part files, resume and
 * progress are those of `ensemble`/`paramScan`. What comes back is each point's outcome at the horizon
 * (mean over its replicates). Shards split the design by point group (not by replicate, since a design
 * point usually has one replicate): a shard runs its points' parts; a final unsharded `resume` run over the
 * joined parts computes everything without recomputing.
 */
import type { Scenario } from '../scenario/types.js';
import { ExperimentInputError } from './errors.js';
import { metricsInRole } from '../core/metrics.js';
import { resolveModel, scenarioAt, type MetricInfo, type ModelBinding, type ModelSource } from './binding.js';
import { makePlan, modelMetrics, runExperiment, unitHashId, type ExperimentOptions, type ExperimentResult } from './experiment.js';
import type { Factor } from './sensitivity/factor.js';
import { formatShard, type Shard } from './shard.js';
import { unitHash, type ExperimentUnit } from './unit.js';

/**
 * The default outcomes of a sensitivity or robustness design: the metrics the binding places in the
 * `sensitivity` role, else its main outcomes, else every metric.
 */
export function designOutcomes(binding: Pick<ModelBinding, 'metrics'>): string[] {
  const chosen = metricsInRole(binding.metrics, 'sensitivity');
  const list = chosen.length ? chosen : metricsInRole(binding.metrics, 'main');
  return (list.length ? list : binding.metrics).map((m) => m.name);
}

/** The binding's factors for a design (the named ones, or all it declares); an input error if it declares none. */
export function designFactors(binding: ModelBinding, names?: readonly string[]): Factor[] {
  if (!binding.factors) throw new ExperimentInputError(`model ${binding.id} declares no factors (uncertain inputs with ranges) to vary`);
  return binding.factors(names);
}

/** The scenario at a design point, set by the binding (validated for talentsim) or, by default, unchecked. */
export function designScenario(binding: ModelBinding, scenario: Scenario, point: Readonly<Record<string, number>>): Scenario {
  return binding.atPoint ? binding.atPoint(scenario, point) : scenarioAt(scenario, point);
}

/** One point of a design: the scenario to run, a directory key, and the group a shard assigns it by. */
export interface DesignPoint {
  /** Directory name of its parts (unique in the design; letters, digits, '.', '_' and '-'). */
  key: string;
  /** The scenario with the point's parameter overrides (already with the replicates wanted). */
  scenario: Scenario;
  /** Points of one group go to the same shard (a robustness draw keeps its scenarios together). */
  group: number;
}

/**
 * Statistics of one replicate computed from its yearly values (a calibration's targets): the metrics they
 * read are collected for every year, and {@link runDesign} returns every replicate's statistics.
 */
export interface ReplicateStatistics {
  /** Names of the statistics, in the order `compute` returns them. */
  readonly names: readonly string[];
  /** Metrics the statistics read. */
  readonly metrics: readonly string[];
  /** The statistics of one replicate; `value(metric, year)` is NaN for a year the run does not have. */
  compute(value: (metric: string, year: number) => number): readonly number[];
}

/** Options of {@link runDesign}. */
export interface DesignRunOptions extends Omit<ExperimentOptions, 'metrics' | 'shard' | 'model'> {
  /** The model (resolved once by the analysis that built the points). */
  model: ModelSource;
  /** Outcome metrics (collected for every year, evaluated at the horizon). */
  outcomes: readonly string[];
  /** Run only the groups g with g % count == index − 1; the values are then not returned. */
  shard?: Shard;
  /** Per-replicate statistics to compute (their metrics are collected besides `outcomes`). */
  statistics?: ReplicateStatistics;
}

/** What {@link runDesign} produced. */
export interface DesignRunResult {
  /** Metadata of the outcomes, in the order asked. */
  outcomes: MetricInfo[];
  /** Per outcome, the horizon value (mean over replicates) of every point in design order; undefined for a shard. */
  values?: Record<string, Float64Array>;
  /**
   * With `statistics`: per point (design order), every replicate's statistics, replicate-major
   * ([r · k + j] for statistic j of k); NaN for a replicate that did not run. Undefined for a shard.
   */
  replicateStatistics?: Float64Array[];
  /**
   * Each replicate's value of an outcome for one point (design order) in year offset `t` (default: the
   * horizon), indexed by replicate number (NaN where one is missing); undefined for a shard. With common
   * random numbers, index r of two points is a paired observation.
   */
  replicateValues?: (outcome: string, point: number, t?: number) => Float64Array;
  /** The experiment run's own result (files, computed/skipped counts, seconds). */
  experiment: ExperimentResult;
  /** Points computed and skipped (resumed) by this run. */
  computed: number;
  skipped: number;
}

/** Keeps the points of `shard` (by group). */
export function shardPoints(points: readonly DesignPoint[], shard?: Shard): DesignPoint[] {
  if (!shard) return [...points];
  return points.filter((p) => p.group % shard.count === shard.index - 1);
}

/**
 * Runs every design point (or a shard's) with common random numbers (`crn` forced on, so the scenario
 * name does not enter the streams) and returns the outcomes at the horizon. Throws if a point fails:
 * indices cannot be computed from an incomplete design.
 */
export async function runDesign(points: readonly DesignPoint[], options: DesignRunOptions): Promise<DesignRunResult> {
  if (points.length === 0) throw new ExperimentInputError('the design has no points');
  if (options.outcomes.length === 0 && !options.statistics) throw new ExperimentInputError('no outcomes given');
  if (options.shard && !options.outDir) throw new ExperimentInputError('a shard needs an output directory');
  const model = await resolveModel(options.model, points[0].scenario);
  const outcomes = [...new Set([...options.outcomes, ...(options.statistics?.metrics ?? [])])];
  const hashId = unitHashId(model, options);
  const units: ExperimentUnit[] = points.map((p) => {
    const scenario: Scenario = { ...p.scenario, crn: true };
    const hash = unitHash(scenario, outcomes, hashId, model.binding.identity);
    return { key: p.key, scenario, hash, columns: {}, replicates: scenario.replicates };
  });
  const metrics = modelMetrics(model.binding, outcomes);
  const mine = options.shard ? new Set(shardPoints(points, options.shard).map((p) => p.key)) : undefined;
  const chosen = mine ? units.filter((u) => mine.has(u.key)) : units;
  const { shard: _shard, outcomes: _o, model: _m, statistics, ...rest } = options;
  if (chosen.length === 0) {
    throw new ExperimentInputError(`shard ${formatShard(options.shard!)} has no design points (only ${points.length} points)`);
  }
  const plan = makePlan('scan', chosen, metrics, undefined);
  plan.mainMetrics = [...options.outcomes];
  const experiment = await runExperiment(plan, model, { ...rest, metrics: outcomes });
  const base = { outcomes: metrics, experiment, computed: experiment.computed, skipped: experiment.skipped };
  if (experiment.failures.length) {
    const f = experiment.failures[0];
    throw new Error(
      `${experiment.failures.length} design point(s) failed, e.g. ${f.scenario} replicate ${f.replicate}: ${f.error}` +
        (options.outDir ? ` (all in ${options.outDir}/failures.json)` : ''),
    );
  }
  if (mine) return base;
  const values: Record<string, Float64Array> = {};
  for (const o of options.outcomes) {
    const col = new Float64Array(units.length);
    experiment.summary!.scenarios.forEach((s, i) => {
      const v = s.outcomes[o]?.mean;
      col[i] = v === null || v === undefined ? NaN : v;
    });
    values[o] = col;
  }
  const table = experiment.table!;
  const replicateValues = (outcome: string, point: number, t?: number): Float64Array => {
    const m = experiment.plan.metrics.findIndex((x) => x.name === outcome);
    if (m < 0) throw new ExperimentInputError(`"${outcome}" is not an outcome of this design (${outcomes.join(', ')})`);
    const years = table.unitYears(point).length;
    const y = t ?? years - 1;
    if (!(Number.isInteger(y) && y >= 0 && y < years)) throw new RangeError(`year offset ${t} is outside 0..${years - 1}`);
    return Float64Array.from(table.cell(point, m, y));
  };
  if (!statistics) return { ...base, values, replicateValues };
  return { ...base, values, replicateValues, replicateStatistics: replicateStatisticsOf(experiment, statistics, units.length) };
}

/** Every replicate's statistics of every unit, from the experiment's value table. */
function replicateStatisticsOf(experiment: ExperimentResult, statistics: ReplicateStatistics, units: number): Float64Array[] {
  const table = experiment.table;
  if (!table) throw new Error('runDesign: the experiment kept no value table');
  const metricIndex = new Map(experiment.plan.metrics.map((m, i) => [m.name, i]));
  const k = statistics.names.length;
  const out: Float64Array[] = [];
  for (let u = 0; u < units; u++) {
    const years = table.unitYears(u);
    const yearIndex = new Map(years.map((y, i) => [y, i]));
    const R = experiment.plan.units[u].replicates;
    const stats = new Float64Array(R * k).fill(NaN);
    for (const r of table.presentReplicates(u)) {
      const value = (metric: string, year: number): number => {
        const m = metricIndex.get(metric);
        const y = yearIndex.get(year);
        if (m === undefined) throw new Error(`statistic reads metric "${metric}", which is not collected (add it to ReplicateStatistics.metrics)`);
        return y === undefined ? NaN : table.cell(u, m, y)[r];
      };
      const row = statistics.compute(value);
      for (let j = 0; j < k; j++) stats[r * k + j] = row[j];
    }
    out.push(stats);
  }
  return out;
}

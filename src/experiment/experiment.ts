/**
 * The experiment runner behind `ensemble`, `paramScan` and `mergeShards`: plans units × replicates, skips
 * what a resumed or sharded run need not compute, runs the rest in process or on worker threads, writes
 * each finished replicate durably as its own part file, keeps only compact values for the statistics and
 * finally writes the outputs in canonical order. Never prints; progress goes through a callback.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SERIES_COLUMNS, type SeriesRow } from '../core/rows.js';
import { selectMetrics } from '../core/run.js';
import type { ComparisonRow } from './types.js';
import { ExperimentInputError } from './errors.js';
import { executeTasks } from './executor.js';
import { readJsonIfExists, writeJsonDurable } from './files.js';
import { OUTPUT_FILES, partPath, shardManifestPath, unitDir, unitMetaPath } from './layout.js';
import { compiledModule } from './compiled.js';
import type { MetricInfo, ModelBinding, ModelSource, ResolvedModel } from './binding.js';
import {
  buildSummary,
  comparisonRows,
  mainMetricNames,
  partRows,
  sortFailures,
  writeSeriesFromParts,
  writeStatistics,
  type ExperimentPlan,
  type ExperimentSummary,
  type ReplicateFailure,
} from './outputs.js';
import { checkShard, shardReplicates, type Shard } from './shard.js';
import type { ReplicateTask } from './task.js';
import type { ExperimentUnit } from './unit.js';
import { ValueTable } from './value-table.js';
import { talentsimVersion } from './version.js';

/** Progress of a running experiment. */
export interface ExperimentProgress {
  /** Replicates to compute in this run (excluding those skipped). */
  total: number;
  /** Replicates finished so far (succeeded or failed). */
  done: number;
  /** Of which failed. */
  failed: number;
  /** Replicates skipped because a resumed run found their part file. */
  skipped: number;
}

/** Options shared by `ensemble` and `paramScan`. */
export interface ExperimentOptions {
  /** Worker threads (default: `os.availableParallelism()`; 1 runs in this thread). Never changes results. */
  workers?: number;
  /** Run only replicates r with r % count == index − 1 (needs `outDir`; join shards with `mergeShards`). */
  shard?: Shard;
  /** Output directory (parts, series.csv, comparison.csv, summary.json, manifest.json). Without it rows stay in memory. */
  outDir?: string;
  /** Skip replicates whose part file exists in `outDir` (their scenario hash must match). */
  resume?: boolean;
  /** Called after every finished replicate and once at the start. */
  onProgress?: (progress: ExperimentProgress) => void;
  /** Only these metrics (default: all the model declares). */
  metrics?: readonly string[];
  /** The model: a binding, a module exporting one (or a factory), or a factory function (one worker only). */
  model: ModelSource;
  /** The command line that started the experiment, recorded in manifest.json. */
  command?: string;
}

/** What an experiment produced. */
export interface ExperimentResult {
  plan: ExperimentPlan;
  /** Replicates that threw, in canonical order. */
  failures: ReplicateFailure[];
  /** Comparison against baseline (empty for a shard or a scan). */
  comparison: ComparisonRow[];
  /** summary.json content (undefined for a shard). */
  summary?: ExperimentSummary;
  /** All rows in canonical order — only when there is no `outDir` (with one, read series.csv). */
  rows?: SeriesRow[];
  /** Every replicate's value of every unit × metric × year (undefined for a shard), for analyses that pair replicates. */
  values?: ValueTable;
  /** Replicates computed and skipped (resumed) by this run. */
  computed: number;
  skipped: number;
  /** Wall-clock seconds. */
  seconds: number;
  /** Files written (absolute or as given), for an `outDir` run. */
  files: string[];
}

/** The metadata of the metrics a binding declares, restricted to `names` if given (declaration order). */
export function modelMetrics(binding: ModelBinding, names?: readonly string[]): MetricInfo[] {
  try {
    return selectMetrics(binding.metrics, names);
  } catch (e) {
    throw new ExperimentInputError(`${(e as Error).message}; known metrics: ${binding.metrics.map((m) => m.name).join(', ')}`);
  }
}

/** Builds a plan: metric metadata from the model, columns, main metrics. */
export function makePlan(
  kind: ExperimentPlan['kind'],
  units: ExperimentUnit[],
  metrics: MetricInfo[],
  baseline: string | undefined,
): ExperimentPlan {
  const keys = new Set<string>();
  const names = new Set<string>();
  const problems: string[] = [];
  for (const u of units) {
    if (keys.has(u.key)) problems.push(`two units share the directory "${u.key}"`);
    keys.add(u.key);
    if (kind === 'ensemble') {
      if (names.has(u.scenario.name)) problems.push(`scenario "${u.scenario.name}" appears twice; scenario names must be unique`);
      names.add(u.scenario.name);
    }
    if (!Number.isInteger(u.replicates) || u.replicates < 1) problems.push(`${u.scenario.name}: replicates must be an integer ≥ 1, found ${u.replicates}`);
  }
  if (units.length === 0) problems.push('no scenarios to run');
  if (problems.length) throw new ExperimentInputError(problems);
  const extra = units.length ? Object.keys(units[0].columns).filter((c) => !(SERIES_COLUMNS as readonly string[]).includes(c)) : [];
  return {
    kind,
    units,
    metrics,
    columns: [...SERIES_COLUMNS, ...extra],
    baseline,
    mainMetrics: mainMetricNames(metrics),
  };
}

interface UnitMeta {
  name: string;
  hash: string;
}

/** Checks (resume) or resets (fresh run) each unit's part directory against the plan. */
async function prepareDirs(dir: string, plan: ExperimentPlan, resume: boolean): Promise<void> {
  const problems: string[] = [];
  for (const unit of plan.units) {
    const meta = await readJsonIfExists<UnitMeta>(unitMetaPath(dir, unit.key));
    if (meta && meta.hash !== unit.hash) {
      if (resume) {
        problems.push(
          `${unitDir(dir, unit.key)}: parts were computed for scenario "${meta.name}" with hash ${meta.hash}, ` +
            `but "${unit.scenario.name}" now has hash ${unit.hash}; run without --resume (or use another --out) to start over`,
        );
        continue;
      }
      await rm(unitDir(dir, unit.key), { recursive: true, force: true });
    }
  }
  if (problems.length) throw new ExperimentInputError(problems);
  for (const unit of plan.units) {
    const meta: UnitMeta = { name: unit.scenario.name, hash: unit.hash };
    const old = await readJsonIfExists<UnitMeta>(unitMetaPath(dir, unit.key));
    if (!old || old.hash !== meta.hash || old.name !== meta.name) await writeJsonDurable(unitMetaPath(dir, unit.key), meta);
  }
}

function failureOf(unit: ExperimentUnit, replicate: number, error: string): ReplicateFailure {
  const f: ReplicateFailure = { scenario: unit.scenario.name, replicate, seed: unit.scenario.seed, error };
  if (Object.keys(unit.columns).length) f.parameters = { ...unit.columns };
  return f;
}

/** Format tag of shard manifests (2: the plan carries the full metric metadata). */
export const SHARD_FORMAT = 'talentsim-shard/2';

/** Shard manifest: what a shard ran, enough for `mergeShards` to rebuild the outputs without scenario files. */
export interface ShardManifest {
  format: typeof SHARD_FORMAT;
  talentsim: string;
  shard: Shard;
  plan: ExperimentPlan;
  /** Replicates of each unit (by key) with a part file. */
  done: Record<string, number[]>;
  failures: ReplicateFailure[];
  model: string;
  command?: string;
}

/** Runs a planned experiment. */
export async function runExperiment(plan: ExperimentPlan, model: ResolvedModel, options: Omit<ExperimentOptions, 'model'>): Promise<ExperimentResult> {
  const started = Date.now();
  const dir = options.outDir;
  const shard = options.shard ? checkShard(options.shard) : undefined;
  if (shard && !dir) throw new ExperimentInputError('a shard needs an output directory');
  if (options.resume && !dir) throw new ExperimentInputError('resume needs an output directory');
  let workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new ExperimentInputError(`workers must be an integer ≥ 1, found ${workers}`);
  const workerModule = model.binding.workerModule;
  if (!workerModule && workers > 1) {
    throw new ExperimentInputError('a model given as a function runs in this thread only: use workers: 1, or give a module');
  }
  if (dir) await prepareDirs(dir, plan, options.resume ?? false);

  const table = new ValueTable(plan.units, plan.metrics.map((m) => m.name));
  const metrics = options.metrics ? plan.metrics.map((m) => m.name) : undefined;
  const tasks: ReplicateTask[] = [];
  const where: [number, number][] = [];
  let skipped = 0;
  for (let u = 0; u < plan.units.length; u++) {
    const unit = plan.units[u];
    for (const r of shardReplicates(unit.replicates, shard)) {
      const path = dir ? partPath(dir, unit.key, r) : undefined;
      if (options.resume && path && existsSync(path)) {
        table.addPart(u, r, await readFile(path, 'utf8'));
        skipped++;
        continue;
      }
      tasks.push({
        scenario: unit.scenario,
        replicate: r,
        metrics,
        columns: plan.columns,
        extra: { ...unit.columns },
        partPath: path,
      });
      where.push([u, r]);
    }
  }

  const failures: ReplicateFailure[] = [];
  const memory = new Map<string, string>();
  const progress: ExperimentProgress = { total: tasks.length, done: 0, failed: 0, skipped };
  options.onProgress?.({ ...progress });
  workers = Math.min(workers, Math.max(1, tasks.length));
  if (workers > 1 && workerModule) {
    const compiled = { url: compiledModule(workerModule.url), exportName: workerModule.exportName };
    for (const t of tasks) t.model = compiled;
  }
  await executeTasks(tasks, {
    workers,
    factory: (scenario, context) => model.binding.factory(scenario, context),
    onOutcome: (i, outcome) => {
      const [u, r] = where[i];
      if (outcome.ok) {
        table.addPart(u, r, outcome.csv);
        if (!dir) memory.set(`${u}:${r}`, outcome.csv);
      } else {
        failures.push(failureOf(plan.units[u], r, outcome.error));
        progress.failed++;
      }
      progress.done++;
      options.onProgress?.({ ...progress });
    },
  });
  const sortedFailures = sortFailures(plan, failures);
  const files: string[] = [];

  if (shard && dir) {
    const done: Record<string, number[]> = {};
    plan.units.forEach((unit, u) => (done[unit.key] = table.presentReplicates(u)));
    const manifest: ShardManifest = {
      format: SHARD_FORMAT,
      talentsim: talentsimVersion(),
      shard,
      plan,
      done,
      failures: sortedFailures,
      model: model.binding.id,
      ...(options.command ? { command: options.command } : {}),
    };
    const path = shardManifestPath(dir, shard);
    await writeJsonDurable(path, manifest);
    files.push(path);
    return { plan, failures: sortedFailures, comparison: [], computed: tasks.length, skipped, seconds: (Date.now() - started) / 1000, files };
  }

  const comparison = comparisonRows(plan, table);
  const summary = buildSummary(plan, table, comparison, sortedFailures);
  let rows: SeriesRow[] | undefined;
  if (dir) {
    await writeSeriesFromParts(dir, plan, table);
    await writeStatistics(dir, plan, comparison, summary, sortedFailures);
    await writeManifest(dir, plan, {
      model: model.binding.id,
      workers,
      shard: null,
      computed: tasks.length,
      skipped,
      failures: sortedFailures.length,
      started,
      command: options.command,
    });
    files.push(...outputFiles(dir, plan, sortedFailures));
  } else {
    rows = [];
    for (let u = 0; u < plan.units.length; u++) {
      for (const r of table.presentReplicates(u)) for (const row of partRows(memory.get(`${u}:${r}`)!)) rows.push(row);
    }
  }
  return { plan, failures: sortedFailures, comparison, summary, rows, values: table, computed: tasks.length, skipped, seconds: (Date.now() - started) / 1000, files };
}

/** The final files of an output directory. */
export function outputFiles(dir: string, plan: ExperimentPlan, failures: readonly ReplicateFailure[]): string[] {
  const names: string[] = [OUTPUT_FILES.series];
  if (plan.baseline !== undefined) names.push(OUTPUT_FILES.comparison);
  names.push(OUTPUT_FILES.summary, OUTPUT_FILES.manifest);
  if (failures.length) names.push(OUTPUT_FILES.failures);
  return names.map((n) => join(dir, n));
}

/** What manifest.json records beyond the plan. */
export interface ManifestFacts {
  model: string;
  workers: number | null;
  shard: string | null;
  computed: number;
  skipped: number;
  failures: number;
  started: number;
  command?: string;
  merged?: string[];
}

/**
 * Writes manifest.json: versions, resolved scenarios and hashes, seeds, replicates, workers, timing,
 * command, and the full metadata of the output metrics (`metricMetadata`), so that a report can be rebuilt
 * from the output folder alone.
 */
export async function writeManifest(dir: string, plan: ExperimentPlan, facts: ManifestFacts): Promise<void> {
  const manifest = {
    talentsim: talentsimVersion(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    command: facts.command ?? null,
    kind: plan.kind,
    model: facts.model,
    baseline: plan.baseline ?? null,
    scenarios: plan.units.map((u) => ({
      name: u.scenario.name,
      hash: u.hash,
      source: u.scenario.source,
      seed: u.scenario.seed,
      replicates: u.replicates,
      ...(Object.keys(u.columns).length ? { parameters: u.columns } : {}),
      scenario: u.scenario,
    })),
    metrics: plan.metrics.map((m) => m.name),
    metricMetadata: plan.metrics,
    workers: facts.workers,
    shard: facts.shard,
    ...(facts.merged ? { merged: facts.merged } : {}),
    replicatesComputed: facts.computed,
    replicatesResumed: facts.skipped,
    failures: facts.failures,
    startedAt: new Date(facts.started).toISOString(),
    seconds: (Date.now() - facts.started) / 1000,
  };
  await writeJsonDurable(join(dir, OUTPUT_FILES.manifest), manifest);
}

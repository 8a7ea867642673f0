/**
 * The experiment runner behind `ensemble`, `paramScan` and `mergeShards`: plans units × replicates, skips
 * what a resumed or sharded run need not compute, runs the rest in process or on worker threads, writes
 * each finished replicate durably as its own part file, keeps only compact values for the statistics and
 * finally writes the outputs in canonical order. Never prints; progress goes through a callback.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SERIES_COLUMNS, type SeriesRow } from '../core/rows.js';
import type { Scenario } from '../scenario/types.js';
import { selectMetrics } from '../core/run.js';
import type { ComparisonRow } from './types.js';
import { ExperimentInputError } from './errors.js';
import { executeTasks, plannedWorkers, workerCeiling } from './executor.js';
import { writeJsonDurable } from './files.js';
import type { OutputRecords } from './integrity.js';
import { withOutputLock } from './lock.js';
import { readPartFile, readUnitMeta, UNIT_FORMAT, type UnitMeta } from './parts.js';
import { runScenarioProblems } from './run-model-replicate.js';
import { OUTPUT_FILES, partPath, shardManifestPath, unitDir, unitMetaPath } from './layout.js';
import { compiledModule } from './compiled.js';
import { DEFAULT_GROUP_OUTPUT, scenarioAt, type MetricInfo, type ModelBinding, type ModelSource, type ResolvedModel } from './binding.js';
import { drawPosterior, formatPosteriorCsv, type PosteriorSample } from './calibration/posterior.js';
import { groupPartPath, writeGroupsFromParts, type GroupPlan } from './group-output.js';
import {
  buildSummary,
  comparisonRows,
  mainMetricNames,
  partRows,
  sortFailures,
  writesBest,
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
  /**
   * Resume (or merge) with parts computed by another talentsim version or model code (default false: such
   * parts are refused, since their rows may differ). The manifest then lists the versions mixed.
   */
  allowVersionMismatch?: boolean;
  /** Called with each warning as it arises (workers capped, damaged parts recomputed...); also in `warnings`. */
  onWarning?: (message: string) => void;
  /**
   * Also write every group's (village's) value of every metric — or of `metrics` — with the group's
   * attributes, as one tidy file (the binding's `groups.file`, talentsim: villages.csv). Needs `outDir`.
   */
  perGroup?: boolean | { metrics?: readonly string[] };
  /**
   * Write series.csv into `outDir` (default true). Design analyses with thousands of points (a calibration
   * wave) may leave it out: every replicate stays in its part file and in the returned `table`.
   */
  writeSeries?: boolean;
  /**
   * A posterior (or non-implausible) parameter sample: replicate r of every unit runs with the parameter
   * set `drawPosterior(sample, unit seed, r)` (less the parameters the unit's scenario sets itself: those
   * win), set with the binding's `atPoint` — the same draw for the same
   * replicate in every scenario, so common random numbers still pair the scenarios, and intervals include
   * parameter uncertainty. The sample's digest enters every unit hash (see {@link unitHashId}).
   */
  posterior?: PosteriorSample;
  /**
   * Splitting large replicates across the workers (models whose binding has a `split` runner): `false`
   * never, `{ above }` from that size on (the binding's unit; talentsim: registered villagers); default
   * the binding's threshold. Never changes results.
   */
  split?: false | { above?: number };
}

/** 16 hex digits of SHA-256 over a posterior sample's CSV text: its identity in unit hashes and manifests. */
export function posteriorDigest(sample: PosteriorSample): string {
  return createHash('sha256').update(formatPosteriorCsv(sample)).digest('hex').slice(0, 16);
}

/**
 * Replicate r's parameters from a posterior: the draw for (the scenario's seed, r), less the parameters
 * the scenario sets itself (a scenario's own `parameters` win over the posterior's).
 */
export function posteriorDraw(sample: PosteriorSample, scenario: Pick<Scenario, 'seed' | 'parameters'>, replicate: number): Record<string, number> {
  const draw = drawPosterior(sample, scenario.seed, replicate);
  for (const k of Object.keys(scenario.parameters)) delete draw[k];
  return draw;
}

/** The model part of unit hashes: the model's hash id, plus the posterior's digest when replicates draw from one. */
export function unitHashId(model: ResolvedModel, options: Pick<ExperimentOptions, 'posterior'>): string {
  return options.posterior ? `${model.hashId}+posterior:${posteriorDigest(options.posterior)}` : model.hashId;
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
  /** Every present replicate's values (unit × metric × year × replicate), as the statistics read them; undefined for a shard. */
  table?: ValueTable;
  /** Replicates computed and skipped (resumed) by this run. */
  computed: number;
  skipped: number;
  /** Wall-clock seconds. */
  seconds: number;
  /** Files written (absolute or as given), for an `outDir` run. */
  files: string[];
  /** What the caller should know but that did not stop the run (workers capped, damaged parts recomputed, scenarios paired without common random numbers...), in order. */
  warnings: string[];
}

/** The metadata of the metrics a binding declares, restricted to `names` if given (declaration order). */
export function modelMetrics(binding: ModelBinding, names?: readonly string[]): MetricInfo[] {
  try {
    return selectMetrics(binding.metrics, names);
  } catch (e) {
    throw new ExperimentInputError(`${(e as Error).message}; known metrics: ${binding.metrics.map((m) => m.name).join(', ')}`);
  }
}

/**
 * Builds a plan: metric metadata from the model, columns (the fixed ones, then `extraColumns`, default the
 * first unit's column names), main metrics. Unit names must be unique in an ensemble and a sweep.
 */
export function makePlan(
  kind: ExperimentPlan['kind'],
  units: ExperimentUnit[],
  metrics: MetricInfo[],
  baseline: string | undefined,
  extraColumns?: readonly string[],
): ExperimentPlan {
  const keys = new Set<string>();
  const names = new Set<string>();
  const problems: string[] = [];
  for (const u of units) {
    const bad = runScenarioProblems(u.scenario);
    if (bad.length) {
      problems.push(...bad);
      continue;
    }
    if (keys.has(u.key)) problems.push(`two units share the directory "${u.key}"`);
    keys.add(u.key);
    if (kind === 'ensemble' || kind === 'sweep') {
      if (names.has(u.scenario.name)) problems.push(`scenario "${u.scenario.name}" appears twice; scenario names must be unique`);
      names.add(u.scenario.name);
    }
    if (!Number.isInteger(u.replicates) || u.replicates < 1) problems.push(`${u.scenario.name}: replicates must be an integer ≥ 1, found ${u.replicates}`);
  }
  if (units.length === 0) problems.push('no scenarios to run');
  if (problems.length) throw new ExperimentInputError(problems);
  const extra = (extraColumns ?? (units.length ? Object.keys(units[0].columns) : [])).filter((c) => !(SERIES_COLUMNS as readonly string[]).includes(c));
  return {
    kind,
    units,
    metrics,
    columns: [...SERIES_COLUMNS, ...extra],
    baseline,
    mainMetrics: mainMetricNames(metrics),
  };
}

/** What a run knows about the code computing its parts: the identity recorded in unit.json and every part. */
interface RunIdentity {
  talentsim: string;
  modelId: string;
  fingerprint: string;
}

/**
 * Checks (resume) or resets (fresh run) each unit's part folder against the plan and writes its unit.json.
 * Returns, per unit, whether its parts may be reused (their unit.json vouches for them), and warnings.
 */
async function prepareDirs(dir: string, plan: ExperimentPlan, run: RunIdentity, resume: boolean, allowVersionMismatch: boolean): Promise<{ reusable: boolean[]; warnings: string[] }> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const reusable: boolean[] = [];
  const keeps: boolean[] = [];
  for (const unit of plan.units) {
    const metaPath = unitMetaPath(dir, unit.key);
    const found = await readUnitMeta(metaPath);
    const udir = unitDir(dir, unit.key);
    let keep = found.ok && found.meta.hash === unit.hash && found.meta.talentsim === run.talentsim && found.meta.fingerprint === run.fingerprint;
    if (resume && found.ok) {
      const m = found.meta;
      if (m.hash !== unit.hash) {
        problems.push(
          `${udir}: parts were computed for scenario "${m.name}" with hash ${m.hash}, ` +
            `but "${unit.scenario.name}" now has hash ${unit.hash}; run without --resume (or use another --out) to start over`,
        );
      } else if (m.talentsim !== run.talentsim || m.fingerprint !== run.fingerprint) {
        if (allowVersionMismatch) keep = true;
        else {
          problems.push(
            `${udir}: parts were computed by talentsim ${m.talentsim} with model fingerprint ${m.fingerprint}, this is talentsim ${run.talentsim} with ${run.fingerprint}; ` +
              'run without --resume (or use another --out) to start over, or pass --allow-version-mismatch to reuse them anyway',
          );
        }
      }
    } else if (resume && !found.ok && existsSync(udir)) {
      const parts = (await readdir(udir).catch(() => [])).filter((n) => /^\d+\.csv$/.test(n)).length;
      if (parts) warnings.push(`${metaPath}: ${found.problem}; the ${parts} part file(s) in ${udir} cannot be verified and are recomputed`);
    }
    keeps.push(keep);
    reusable.push(resume && keep);
  }
  // Refused: nothing is touched. Otherwise parts of other settings or code, or unverifiable ones, are
  // removed before anything runs (parts of the same identity stay: shards may share a folder).
  if (problems.length) throw new ExperimentInputError(problems);
  for (let u = 0; u < plan.units.length; u++) {
    const udir = unitDir(dir, plan.units[u].key);
    if (!keeps[u] && existsSync(udir)) await rm(udir, { recursive: true, force: true });
  }
  for (const unit of plan.units) {
    const meta: UnitMeta = { format: UNIT_FORMAT, name: unit.scenario.name, hash: unit.hash, ...run };
    const old = await readUnitMeta(unitMetaPath(dir, unit.key));
    if (!old.ok || JSON.stringify(old.meta) !== JSON.stringify(meta)) await writeJsonDurable(unitMetaPath(dir, unit.key), meta);
  }
  return { reusable, warnings };
}

/** One warning per unit for the parts found damaged on resume (a few named, the count of all). */
function damagedPartsWarning(unit: ExperimentUnit, dir: string, bad: readonly string[]): string {
  const shown = bad.slice(0, 3).join('; ');
  return `${unitDir(dir, unit.key)}: ${bad.length} part file(s) could not be verified and are recomputed: ${shown}${bad.length > 3 ? '; …' : ''}`;
}

function failureOf(unit: ExperimentUnit, replicate: number, error: string): ReplicateFailure {
  const f: ReplicateFailure = { scenario: unit.scenario.name, replicate, seed: unit.scenario.seed, error };
  if (Object.keys(unit.columns).length) f.parameters = { ...unit.columns };
  return f;
}

/** Format tag of shard manifests (3: with the model fingerprint; parts carry checksums). */
export const SHARD_FORMAT = 'talentsim-shard/3';

/** Shard manifest: what a shard ran, enough for `mergeShards` to rebuild the outputs without scenario files. */
export interface ShardManifest {
  format: typeof SHARD_FORMAT;
  /** The talentsim version that computed the shard's parts. */
  talentsim: string;
  shard: Shard;
  plan: ExperimentPlan;
  /** Replicates of each unit (by key) with a part file. */
  done: Record<string, number[]>;
  failures: ReplicateFailure[];
  model: string;
  /** Fingerprint of the model code that computed the parts. */
  fingerprint: string;
  command?: string;
}

/** Checks the output folder option: undefined (rows stay in memory) or a non-empty path. */
export function checkOutDir(outDir: unknown): string | undefined {
  if (outDir === undefined) return undefined;
  if (typeof outDir !== 'string' || outDir.trim() === '') {
    throw new ExperimentInputError(`the output folder must be a non-empty path, found ${JSON.stringify(outDir)}`);
  }
  return outDir;
}

/** Runs a planned experiment (holding the lock of its output folder, if it has one). */
/** The per-group output an experiment's options ask for (undefined: none), checked against the plan's metrics. */
export function groupPlan(binding: ModelBinding, plan: ExperimentPlan, perGroup: ExperimentOptions['perGroup']): GroupPlan | undefined {
  if (!perGroup) return undefined;
  const names = plan.metrics.map((m) => m.name);
  const wanted = typeof perGroup === 'object' && perGroup.metrics ? [...perGroup.metrics] : names;
  const unknown = wanted.filter((m) => !names.includes(m));
  if (unknown.length) throw new ExperimentInputError(`per-group metrics: unknown metric(s) ${unknown.join(', ')}; known metrics: ${names.join(', ')}`);
  const g = binding.groups ?? DEFAULT_GROUP_OUTPUT;
  return { column: g.column, file: g.file, attributes: [...g.attributes], metrics: names.filter((m) => wanted.includes(m)) };
}

/** Runs a planned experiment. */
export async function runExperiment(plan: ExperimentPlan, model: ResolvedModel, options: Omit<ExperimentOptions, 'model'>): Promise<ExperimentResult> {
  const dir = checkOutDir(options.outDir);
  return withOutputLock(dir, () => runLocked(plan, model, options, dir), { command: options.command });
}

async function runLocked(plan: ExperimentPlan, model: ResolvedModel, options: Omit<ExperimentOptions, 'model'>, dir: string | undefined): Promise<ExperimentResult> {
  const started = Date.now();
  if (options.perGroup && !dir) throw new ExperimentInputError('per-group output needs an output directory');
  const groups = groupPlan(model.binding, plan, options.perGroup);
  if (groups) plan.groups = groups;
  const shard = options.shard ? checkShard(options.shard) : undefined;
  if (shard && !dir) throw new ExperimentInputError('a shard needs an output directory');
  if (options.resume && !dir) throw new ExperimentInputError('resume needs an output directory');
  const requested = options.workers ?? availableParallelism();
  if (!Number.isInteger(requested) || requested < 1) throw new ExperimentInputError(`workers must be an integer ≥ 1, found ${requested}`);
  const workerModule = model.binding.workerModule;
  if (!workerModule && requested > 1) {
    throw new ExperimentInputError('a model given as a function runs in this thread only: use workers: 1, or give a module');
  }
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    options.onWarning?.(message);
  };
  const identity: RunIdentity = { talentsim: talentsimVersion(), modelId: model.binding.id, fingerprint: model.fingerprint };
  const allowMismatch = options.allowVersionMismatch ?? false;
  const resume = options.resume ?? false;
  let reusable: boolean[] = [];
  if (dir) {
    const prepared = await prepareDirs(dir, plan, identity, resume, allowMismatch);
    reusable = prepared.reusable;
    prepared.warnings.forEach(warn);
  }

  const table = new ValueTable(plan.units, plan.metrics.map((m) => m.name));
  const metrics = options.metrics ? plan.metrics.map((m) => m.name) : undefined;
  const tasks: ReplicateTask[] = [];
  const where: [number, number][] = [];
  const versionProblems: string[] = [];
  const reusedFrom = new Map<string, number>();
  const posterior = options.posterior;
  const atPoint = model.binding.atPoint ?? scenarioAt;
  let skipped = 0;
  for (let u = 0; u < plan.units.length; u++) {
    const unit = plan.units[u];
    const damaged: string[] = [];
    const expect = { unit: unit.hash, ...(allowMismatch ? {} : { talentsim: identity.talentsim, model: identity.fingerprint }) };
    for (const r of shardReplicates(unit.replicates, shard)) {
      const path = dir ? partPath(dir, unit.key, r) : undefined;
      const groupPath = groups && dir ? groupPartPath(dir, unit.key, r, groups) : undefined;
      // A replicate is done when its series part exists and verifies (and its per-group part exists, when asked for).
      if (reusable[u] && path && existsSync(path) && (!groupPath || existsSync(groupPath))) {
        const part = await readPartFile(path, expect);
        if (part.ok) {
          table.addPart(u, r, part.csv);
          const from = `talentsim ${part.identity.talentsim}, model fingerprint ${part.identity.model}`;
          reusedFrom.set(from, (reusedFrom.get(from) ?? 0) + 1);
          skipped++;
          continue;
        }
        if (part.kind === 'version') versionProblems.push(`${path}: ${part.message}`);
        else {
          damaged.push(`${r}.csv ${part.message}`);
          await rm(path, { recursive: true, force: true });
        }
      }
      tasks.push({
        scenario: posterior ? atPoint(unit.scenario, posteriorDraw(posterior, unit.scenario, r)) : unit.scenario,
        replicate: r,
        metrics,
        columns: plan.columns,
        extra: { ...unit.columns },
        partPath: path,
        ...(path ? { part: { unit: unit.hash, talentsim: identity.talentsim, model: identity.fingerprint } } : {}),
        ...(groups && groupPath ? { groups: { ...groups, path: groupPath } } : {}),
      });
      where.push([u, r]);
    }
    if (damaged.length && dir) warn(damagedPartsWarning(unit, dir, damaged));
  }
  if (versionProblems.length) {
    throw new ExperimentInputError([
      ...versionProblems.slice(0, 5),
      ...(versionProblems.length > 5 ? [`… and ${versionProblems.length - 5} more part file(s)`] : []),
      'run without --resume (or use another --out) to start over, or pass --allow-version-mismatch to reuse them anyway',
    ]);
  }

  const failures: ReplicateFailure[] = [];
  const memory = new Map<string, string>();
  const progress: ExperimentProgress = { total: tasks.length, done: 0, failed: 0, skipped };
  const planned = plannedWorkers(requested, tasks.length, options.workers !== undefined);
  if (planned.warning) warn(planned.warning);
  const workers = planned.workers;
  options.onProgress?.({ ...progress });
  if (workers > 1 && workerModule) {
    const compiled = { url: compiledModule(workerModule.url), exportName: workerModule.exportName };
    for (const t of tasks) t.model = compiled;
  }
  const splitter = model.binding.split;
  const splitAbove = options.split === false || !splitter ? Infinity : (options.split?.above ?? splitter.threshold);
  const splitWorkers = Math.max(1, Math.min(requested, workerCeiling().cores));
  let splitCount = 0;
  await executeTasks(tasks, {
    workers,
    factory: (scenario, context) => model.binding.factory(scenario, context),
    split: splitter && splitAbove < Infinity
      ? {
          runner: splitter,
          workers: splitWorkers,
          applies: (task) => !task.groups && splitter.size(task.scenario) >= splitAbove && ++splitCount > 0,
        }
      : undefined,
    onOutcome: (i, outcome) => {
      const [u, r] = where[i];
      if (outcome.ok) {
        table.addPart(u, r, outcome.csv);
        if (!dir && (options.writeSeries ?? true)) memory.set(`${u}:${r}`, outcome.csv);
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
  const seconds = () => (Date.now() - started) / 1000;

  if (shard && dir) {
    const done: Record<string, number[]> = {};
    plan.units.forEach((unit, u) => (done[unit.key] = table.presentReplicates(u)));
    const manifest: ShardManifest = {
      format: SHARD_FORMAT,
      talentsim: identity.talentsim,
      shard,
      plan,
      done,
      failures: sortedFailures,
      model: model.binding.id,
      fingerprint: identity.fingerprint,
      ...(options.command ? { command: options.command } : {}),
    };
    const path = shardManifestPath(dir, shard);
    await writeJsonDurable(path, manifest);
    files.push(path);
    return { plan, failures: sortedFailures, comparison: [], computed: tasks.length, skipped, seconds: seconds(), files, warnings };
  }

  const comparison = comparisonRows(plan, table);
  const summary = buildSummary(plan, table, comparison, sortedFailures);
  let rows: SeriesRow[] | undefined;
  const series = options.writeSeries ?? true;
  if (dir) {
    const current = `talentsim ${identity.talentsim}, model fingerprint ${identity.fingerprint}`;
    const mixed = [...reusedFrom.keys()].some((k) => k !== current) ? [...reusedFrom].map(([k, n]) => `${k}: ${n} resumed part(s)`) : undefined;
    await writeOutputs(dir, plan, table, comparison, summary, sortedFailures, series, {
      model: model.binding.id,
      fingerprint: identity.fingerprint,
      workers: splitCount ? Math.max(workers, splitWorkers) : workers,
      shard: null,
      computed: tasks.length,
      skipped,
      failures: sortedFailures.length,
      started,
      command: options.command,
      ...(mixed ? { mixedVersions: mixed } : {}),
      ...(posterior ? { posterior: { digest: posteriorDigest(posterior), parameters: posterior.parameters, rows: posterior.rows.length } } : {}),
      ...(splitCount ? { split: { above: splitAbove, replicates: splitCount } } : {}),
    });
    files.push(...outputFiles(dir, plan, sortedFailures).filter((f) => series || !f.endsWith(OUTPUT_FILES.series)));
  } else if (series) {
    rows = [];
    for (let u = 0; u < plan.units.length; u++) {
      for (const r of table.presentReplicates(u)) for (const row of partRows(memory.get(`${u}:${r}`)!)) rows.push(row);
    }
  }
  return { plan, failures: sortedFailures, comparison, summary, rows, table, computed: tasks.length, skipped, seconds: seconds(), files, warnings };
}

/** (unit key, replicate) of every present replicate, in canonical order. */
export function* presentParts(plan: ExperimentPlan, table: ValueTable): Iterable<[string, number]> {
  for (let u = 0; u < plan.units.length; u++) for (const r of table.presentReplicates(u)) yield [plan.units[u].key, r];
}

/**
 * Writes the final outputs of `dir` from its parts and statistics (series.csv only if `series`; a stale one
 * is removed), manifest.json last with the size and SHA-256 of every other output. A run that fails midway
 * (a full disk) leaves the previous outputs and their manifest; whichever of them it already replaced no
 * longer matches the manifest, so readers refuse it by name rather than mix two runs.
 */
export async function writeOutputs(
  dir: string,
  plan: ExperimentPlan,
  table: ValueTable,
  comparison: readonly ComparisonRow[],
  summary: ExperimentSummary,
  failures: readonly ReplicateFailure[],
  series: boolean,
  facts: Omit<ManifestFacts, 'files'>,
): Promise<void> {
  const files: OutputRecords = {};
  if (series) files[OUTPUT_FILES.series] = await writeSeriesFromParts(dir, plan, table);
  else await rm(join(dir, OUTPUT_FILES.series), { force: true });
  if (plan.groups) files[plan.groups.file] = await writeGroupsFromParts(dir, plan.groups, presentParts(plan, table));
  Object.assign(files, await writeStatistics(dir, plan, comparison, summary, failures, table));
  await writeManifest(dir, plan, { ...facts, files });
}

/** The final files of an output directory. */
export function outputFiles(dir: string, plan: ExperimentPlan, failures: readonly ReplicateFailure[]): string[] {
  const names: string[] = [OUTPUT_FILES.series];
  if (plan.groups) names.push(plan.groups.file);
  if (plan.kind === 'sweep') names.push(OUTPUT_FILES.sweep, OUTPUT_FILES.sweepSummary);
  else if (plan.baseline !== undefined) names.push(OUTPUT_FILES.comparison);
  if (writesBest(plan)) names.push(OUTPUT_FILES.best);
  names.push(OUTPUT_FILES.summary, OUTPUT_FILES.manifest);
  if (failures.length) names.push(OUTPUT_FILES.failures);
  return names.map((n) => join(dir, n));
}

/** What manifest.json records beyond the plan. */
export interface ManifestFacts {
  model: string;
  /** Fingerprint of the model code that computed the parts. */
  fingerprint: string;
  workers: number | null;
  shard: string | null;
  computed: number;
  skipped: number;
  failures: number;
  started: number;
  command?: string;
  merged?: string[];
  /** When parts of other versions were reused (allowed explicitly): each version and model fingerprint with its part count. */
  mixedVersions?: string[];
  /** Size and SHA-256 of each other output file. */
  files: OutputRecords;
  /** The posterior sample the replicates drew their parameters from. */
  posterior?: { digest: string; parameters: string[]; rows: number };
  /** When replicates ran split across the workers (see {@link ExperimentOptions.split}): the threshold and how many. */
  split?: { above: number; replicates: number };
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
    modelFingerprint: facts.fingerprint,
    ...(facts.mixedVersions ? { mixedVersions: facts.mixedVersions } : {}),
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
    ...(facts.posterior ? { posterior: facts.posterior } : {}),
    ...(facts.split ? { split: facts.split } : {}),
    replicatesComputed: facts.computed,
    replicatesResumed: facts.skipped,
    failures: facts.failures,
    startedAt: new Date(facts.started).toISOString(),
    seconds: (Date.now() - facts.started) / 1000,
    files: facts.files,
  };
  await writeJsonDurable(join(dir, OUTPUT_FILES.manifest), manifest);
}

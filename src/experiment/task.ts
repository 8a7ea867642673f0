/**
 * One replicate as a self-contained task — what the main thread hands to a worker thread (or runs in
 * process): run the model, format the rows as part-file CSV, and write the part durably if asked.
 */
import { toCsv } from '../core/rows.js';
import type { Scenario } from '../scenario/types.js';
import type { SeriesRow } from '../core/rows.js';
import { factoryOf, loadModelExport, type ModelFactory, type SplitRunner, type WorkerModule } from './binding.js';
import type { EnvironmentErrorData } from './errors.js';
import { writeFileDurable } from './files.js';
import { writeGroupPart, type GroupPlan } from './group-output.js';
import { partFileText, type PartIdentity } from './parts.js';
import { runModelReplicate, runModelReplicateGroups } from './run-model-replicate.js';

/** A replicate task (structured-clonable). */
export interface ReplicateTask {
  scenario: Scenario;
  replicate: number;
  /** Metrics to collect (undefined: all). */
  metrics?: string[];
  /** All columns of the part file, in order. */
  columns: string[];
  /** Values of the extra columns (scan parameters). */
  extra: Record<string, number>;
  /** Where to write the part file; omitted for in-memory runs. */
  partPath?: string;
  /** The identity the part file records in its trailer (with `partPath`). */
  part?: PartIdentity;
  /** The compiled module a worker thread takes the model from (set for worker runs only). */
  model?: WorkerModule;
  /** Per-group output: what to write and where (written before the series part, so a series part implies it). */
  groups?: GroupPlan & { path: string };
}

/** What a worker thread returns: the part CSV, or a failure of the machine as data (see errors.ts). */
export type WorkerResult = { csv: string } | { environment: EnvironmentErrorData };

const factories = new Map<string, Promise<ModelFactory>>();

/** The model factory of a worker module (a binding's factory or the exported function), cached per module. */
export function workerFactory(module: WorkerModule): Promise<ModelFactory> {
  const key = `${module.url}#${module.exportName}`;
  let f = factories.get(key);
  if (!f) {
    f = loadModelExport(module.url, module.exportName).then(factoryOf);
    factories.set(key, f);
  }
  return f;
}

/**
 * Runs a task with a factory; writes its per-group part if asked; returns the part CSV text (header + rows
 * in year, metric order). The part file, if asked for, is that text plus its checksum trailer (see parts.ts).
 */
export async function executeTask(task: ReplicateTask, factory: ModelFactory): Promise<string> {
  let rows;
  if (task.groups) {
    const rep = runModelReplicateGroups(factory, task.scenario, task.replicate, task.metrics);
    await writeGroupPart(task.groups.path, task.scenario.name, task.replicate, task.scenario.startYear, rep, task.groups);
    rows = rep.rows;
  } else rows = runModelReplicate(factory, task.scenario, task.replicate, task.metrics);
  return finishTask(task, rows);
}

/** Runs a task (without per-group output) split across `workers` threads by the binding's split runner; as {@link executeTask}. */
export async function executeSplitTask(task: ReplicateTask, split: SplitRunner, workers: number): Promise<string> {
  if (task.groups) throw new Error('a replicate with per-group output is not split');
  return finishTask(task, await split.run(task.scenario, task.replicate, { workers, metrics: task.metrics }));
}

/** The part CSV of a task's rows (extra columns added), written durably when the task has a part path. */
async function finishTask(task: ReplicateTask, rows: SeriesRow[]): Promise<string> {
  for (const r of rows) Object.assign(r, task.extra);
  const csv = toCsv(rows, task.columns);
  if (task.partPath) {
    if (!task.part) throw new Error('a task that writes a part file needs the part identity');
    await writeFileDurable(task.partPath, partFileText(csv, task.part));
  }
  return csv;
}

/**
 * One replicate as a self-contained task — what the main thread hands to a worker thread (or runs in
 * process): run the model, format the rows as part-file CSV, and write the part durably if asked.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toCsv } from '../core/rows.js';
import type { Scenario } from '../scenario/types.js';
import { writeFileDurable } from './files.js';
import { loadModelFactory, type ModelFactory } from './model-source.js';
import { runModelReplicate } from './run-model-replicate.js';

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
  /** Model module URL and export; omitted for the default talentsim model. */
  model?: { url: string; exportName?: string };
}

/**
 * URL of a compiled sibling module of the experiment layer. From dist/ it is the sibling itself; when this
 * file runs from TypeScript sources (tests), the compiled copy under dist/experiment/ (workers cannot load .ts).
 */
export function compiledModuleUrl(file: string): URL {
  const sibling = new URL(`./${file}`, import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  const dist = new URL(`../../dist/experiment/${file}`, import.meta.url);
  if (existsSync(fileURLToPath(dist))) return dist;
  throw new Error(`cannot find dist/experiment/${file}: run \`npm run build\` first`);
}

const factories = new Map<string, Promise<ModelFactory>>();

/** The model factory a task names (cached per module). */
export function taskFactory(task: ReplicateTask): Promise<ModelFactory> {
  const key = task.model ? `${task.model.url}#${task.model.exportName ?? 'buildModel'}` : '';
  let f = factories.get(key);
  if (!f) {
    const module = task.model ? task.model.url : compiledModuleUrl('talent-model.js').href;
    f = loadModelFactory({ module, exportName: task.model?.exportName });
    factories.set(key, f);
  }
  return f;
}

/** Runs a task with a factory; returns the part CSV text (header + rows in year, metric order). */
export async function executeTask(task: ReplicateTask, factory: ModelFactory): Promise<string> {
  const rows = runModelReplicate(factory, task.scenario, task.replicate, task.metrics);
  for (const r of rows) Object.assign(r, task.extra);
  const csv = toCsv(rows, task.columns);
  if (task.partPath) await writeFileDurable(task.partPath, csv);
  return csv;
}

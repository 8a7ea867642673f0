/**
 * Where the experiment machinery gets its model from. By default every replicate runs the talentsim
 * model compiled from its scenario; a user (or a test) may instead name a JavaScript module that exports
 * a {@link ModelFactory}, so the same ensembles, workers, shards and resume work for any core model.
 * A module (not a function) is what crosses into worker threads.
 */
import { pathToFileURL } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import type { ModelDefinition } from '../core/run.js';
import type { Scenario } from '../scenario/types.js';

/** What a model factory is told besides the scenario. */
export interface ModelContext {
  /** The replicate about to run. */
  readonly replicate: number;
}

/** Builds the model definition that one replicate of a scenario runs. */
export type ModelFactory = (scenario: Scenario, context: ModelContext) => ModelDefinition<unknown>;

/**
 * A module exporting a {@link ModelFactory}: a path (relative to the working directory) or a URL, and the
 * export's name (default `buildModel`). Modules must be JavaScript so that worker threads can load them.
 */
export interface ModelModule {
  readonly module: string;
  readonly exportName?: string;
}

/** A model source: a factory function (in-process runs only) or a module (any number of workers). */
export type ModelSource = ModelFactory | ModelModule;

/** The module URL of a {@link ModelModule} (file paths are resolved against `cwd`). */
export function modelModuleUrl(source: ModelModule, cwd = process.cwd()): string {
  const m = source.module;
  if (/^(file|data|node):/.test(m)) return m;
  return pathToFileURL(isAbsolute(m) ? m : resolve(cwd, m)).href;
}

/** Imports a model module and returns its factory; throws a plain Error if the export is not a function. */
export async function loadModelFactory(source: ModelModule): Promise<ModelFactory> {
  const url = modelModuleUrl(source);
  const name = source.exportName ?? 'buildModel';
  const mod = (await import(url)) as Record<string, unknown>;
  const f = mod[name];
  if (typeof f !== 'function') throw new Error(`model module ${source.module} does not export a function "${name}"`);
  return f as ModelFactory;
}

/**
 * The plug between the experiment engine and a model. The engine (ensembles, scans, designs, workers,
 * shards, resume, merge) names no model: everything it needs to know about one comes through a
 * {@link ModelBinding} — how to build the model a replicate runs, which compiled module worker threads
 * load, what a replicate's rows depend on (for resume and merge), how to set a point of its uncertain
 * inputs, which inputs those are, and the metadata of its metrics. A caller may also give a bare
 * {@link ModelFactory} (in-process runs only) or a {@link ModelModule} (a JavaScript module exporting a
 * binding or a factory); {@link resolveModel} turns any of them into a binding.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkMetricMeta, metricMeta, type MetricMeta } from '../core/metrics.js';
import type { ModelDefinition } from '../core/run.js';
import type { SeriesRow } from '../core/rows.js';
import type { LeverSpec, Scenario } from '../scenario/types.js';
import { ExperimentInputError } from './errors.js';
import type { Factor } from './sensitivity/factor.js';

/** Metadata of one output metric (plain data: what manifests write and reports read). */
export type MetricInfo = MetricMeta;

/** What a model factory is told besides the scenario. */
export interface ModelContext {
  /** The replicate about to run. */
  readonly replicate: number;
}

/** Builds the model definition that one replicate of a scenario runs. */
export type ModelFactory = (scenario: Scenario, context: ModelContext) => ModelDefinition<unknown>;

/** A compiled JavaScript module and the name of its export (a binding or a factory), for worker threads. */
export interface WorkerModule {
  /** Module URL. A TypeScript module of this package is mapped to its current dist/ copy (see compiled.ts). */
  readonly url: string;
  readonly exportName: string;
}

/**
 * A model as the engine sees it. Only `id`, `factory` and `metrics` are required; the optional members
 * have the defaults stated on them.
 */
export interface ModelBinding {
  /** Identity of the model in manifests, shard manifests and unit hashes (e.g. "talentsim"). */
  readonly id: string;
  /** Builds the model that replicate `context.replicate` of `scenario` runs. */
  factory(scenario: Scenario, context: ModelContext): ModelDefinition<unknown>;
  /** The module exporting this binding, loaded by worker threads. Absent: the model runs in this thread only (workers: 1). */
  readonly workerModule?: WorkerModule;
  /** Metadata of every metric the model declares, in output order. */
  readonly metrics: readonly MetricInfo[];
  /**
   * What a replicate's rows depend on, as text that enters the unit hash (must leave out `replicates`,
   * `source` and `description`). Default: the scenario itself without those three fields.
   */
  identity?(scenario: Scenario): string;
  /**
   * The scenario at a point of named inputs (`seed` and the model's parameters), validated: an unknown
   * name or a value out of range throws before anything runs. Default: {@link scenarioAt} (unchecked).
   */
  atPoint?(scenario: Scenario, point: Readonly<Record<string, number>>): Scenario;
  /**
   * The declared uncertain inputs with their ranges, for designs: the named ones in the order given, or
   * every input with a range. Throws {@link ExperimentInputError} for unknown names. Default: none
   * declared (sensitivity and robustness then refuse to run).
   */
  factors?(names?: readonly string[]): Factor[];
  /**
   * A fingerprint of the model's code (e.g. a hash of its source files): parts computed with another
   * fingerprint are not reused by a resume or merge unless explicitly allowed. Default: a hash of the
   * worker module's file, else of the factory's source text.
   */
  fingerprint?(): string;
  /**
   * Levers of the model's own processes (declared with `defineLever`) that scenario files may set beside
   * the built-in ones: the command line loads scenarios with them when this binding is its `--model`.
   * Default: none.
   */
  readonly levers?: readonly LeverSpec[];
  /**
   * How the model's groups appear in per-group outputs (`perGroup`): the column naming a group, the file,
   * and the attribute columns its `groupAttributes` gives. Default {@link DEFAULT_GROUP_OUTPUT}.
   */
  readonly groups?: GroupOutput;
  /**
   * One large replicate split across worker threads by groups (talentsim: villages), with rows identical
   * to an unsplit run: the engine runs a replicate so whenever its size reaches the threshold (and no
   * per-group output is asked for), one replicate at a time, each on all the workers. Default: never split.
   */
  readonly split?: SplitRunner;
}

/** How a model runs one large replicate split across worker threads (see {@link ModelBinding.split}). */
export interface SplitRunner {
  /** The size of a replicate of `scenario`, in the unit of `threshold` (talentsim: registered villagers). */
  size(scenario: Scenario): number;
  /** Replicates of at least this size are split, unless the experiment sets its own threshold. */
  readonly threshold: number;
  /** Runs replicate `replicate` of `scenario` on `workers` threads; the rows an unsplit run gives, in the same order. */
  run(scenario: Scenario, replicate: number, options: { workers: number; metrics?: readonly string[] }): Promise<SeriesRow[]>;
}

/** How a model's groups (talentsim: villages) appear in per-group outputs. */
export interface GroupOutput {
  /** The column naming a group (its index), e.g. "village". */
  readonly column: string;
  /** The output file, e.g. "villages.csv". */
  readonly file: string;
  /** The attribute columns the model's `groupAttributes` gives, in order (e.g. majority, size, type). */
  readonly attributes: readonly string[];
}

/** Per-group outputs of a model that does not say what its groups are. */
export const DEFAULT_GROUP_OUTPUT: GroupOutput = Object.freeze({ column: 'group', file: 'groups.csv', attributes: Object.freeze([]) as readonly string[] });

/**
 * A module exporting a {@link ModelBinding} or a {@link ModelFactory}: a path (relative to the working
 * directory) or a URL, and the export's name (default: `buildModel` if the module has it, else its default
 * export). Modules must be JavaScript so that worker threads can load them.
 */
export interface ModelModule {
  readonly module: string;
  readonly exportName?: string;
}

/** A model source: a binding, a factory function (in-process runs only) or a module (any number of workers). */
export type ModelSource = ModelBinding | ModelFactory | ModelModule;

/** True for a {@link ModelBinding} (an object with an id, a factory and metrics). */
export function isModelBinding(x: unknown): x is ModelBinding {
  const b = x as ModelBinding | undefined;
  return !!b && typeof b === 'object' && typeof b.id === 'string' && typeof b.factory === 'function' && Array.isArray(b.metrics);
}

/** The module URL of a {@link ModelModule} (file paths are resolved against `cwd`). */
export function modelModuleUrl(source: ModelModule, cwd = process.cwd()): string {
  const m = source.module;
  if (/^(file|data|node):/.test(m)) return m;
  return pathToFileURL(isAbsolute(m) ? m : resolve(cwd, m)).href;
}

/** Imports a module and returns the export a {@link WorkerModule} names: a binding or a factory, else throws. */
export async function loadModelExport(url: string, exportName: string, label = url): Promise<ModelBinding | ModelFactory> {
  const mod = (await import(url)) as Record<string, unknown>;
  const x = mod[exportName];
  if (typeof x === 'function') return x as ModelFactory;
  if (isModelBinding(x)) return x;
  throw new Error(`model module ${label} does not export a model binding or a function "${exportName}"`);
}

/** The export a module is read from when none is named: `buildModel` if it has one, else `default`. */
async function defaultExportName(url: string): Promise<string> {
  const mod = (await import(url)) as Record<string, unknown>;
  return 'buildModel' in mod || !('default' in mod) ? 'buildModel' : 'default';
}

/** The factory of a loaded export. */
export function factoryOf(x: ModelBinding | ModelFactory): ModelFactory {
  return typeof x === 'function' ? x : (scenario, context) => x.factory(scenario, context);
}

/** The validated metadata of metric declarations (throws {@link ExperimentInputError} listing every gap). */
export function describeMetrics(metrics: readonly MetricMeta[], model: string): MetricInfo[] {
  const problems = metrics.flatMap((m) => checkMetricMeta(m).map((p) => `model ${model}: ${p}`));
  if (problems.length) throw new ExperimentInputError(problems);
  return metrics.map(metricMeta);
}

/** A model source resolved for one experiment. */
export interface ResolvedModel {
  /** The binding (for a factory or module: one built around it, with the metrics it declares). */
  binding: ModelBinding;
  /** The part of the identity that enters unit hashes (a module's file name, not its path, so shards on other machines agree). */
  hashId: string;
  /** Fingerprint of the model's code (see {@link ModelBinding.fingerprint}), recorded with every part. */
  fingerprint: string;
}

/** 16 hex digits of SHA-256. */
function shortHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/** The default fingerprint: a hash of the module file (a file: URL), else of the factory's source text. */
function defaultFingerprint(url: string | undefined, factory: ModelFactory): string {
  if (url?.startsWith('file:')) {
    try {
      return shortHash(readFileSync(fileURLToPath(url)));
    } catch {
      // not readable here: fall back to the source text
    }
  }
  return shortHash(factory.toString());
}

/** The fingerprint of a binding (its own, else the default). */
function fingerprintOf(b: ModelBinding): string {
  const f = b.fingerprint ? b.fingerprint() : defaultFingerprint(b.workerModule?.url, b.factory);
  if (typeof f !== 'string' || f === '' || /\s/.test(f)) throw new ExperimentInputError(`model ${b.id}: fingerprint() must return a non-empty string without spaces`);
  return f;
}

/**
 * Resolves a model source into a binding. A factory or a module exporting one is asked once, for `probe`
 * (the experiment's first scenario), which metrics it declares; their metadata must be complete. A
 * binding's model is built once for `probe` too: it must declare the metrics the binding lists, in order.
 */
export async function resolveModel(source: ModelSource, probe: Scenario): Promise<ResolvedModel> {
  if (isModelBinding(source)) {
    const binding = checkedBinding(source, source.workerModule, probe);
    return { binding, hashId: source.id, fingerprint: fingerprintOf(binding) };
  }
  const probed = (id: string, factory: ModelFactory, workerModule?: WorkerModule): ModelBinding => ({
    id,
    factory,
    ...(workerModule ? { workerModule } : {}),
    metrics: describeMetrics(factory(probe, { replicate: 0 }).metrics, id),
  });
  if (typeof source === 'function') return { binding: probed('function', source), hashId: source.name || 'function', fingerprint: shortHash(source.toString()) };
  if (!source || typeof source !== 'object' || typeof (source as ModelModule).module !== 'string') {
    throw new ExperimentInputError('model: expected a model binding, a factory function or { module, exportName? }');
  }
  const url = modelModuleUrl(source);
  const exportName = source.exportName ?? (await defaultExportName(url));
  const loaded = await loadModelExport(url, exportName, source.module);
  if (typeof loaded === 'function') {
    const id = `${url}#${exportName}`;
    return { binding: probed(id, loaded, { url, exportName }), hashId: `${url.slice(url.lastIndexOf('/') + 1)}#${exportName}`, fingerprint: defaultFingerprint(url, loaded) };
  }
  const binding = checkedBinding(loaded, loaded.workerModule ?? { url, exportName }, probe);
  return { binding, hashId: loaded.id, fingerprint: fingerprintOf(binding) };
}

/** A copy of a binding with validated metric metadata (members delegate, so a class instance works too). */
function checkedBinding(b: ModelBinding, workerModule: WorkerModule | undefined, probe: Scenario): ModelBinding {
  const declared = b.metrics.map((m) => m.name).join(', ');
  const built = b.factory(probe, { replicate: 0 }).metrics.map((m) => m.name).join(', ');
  if (declared !== built) throw new ExperimentInputError(`model ${b.id}: the binding lists the metrics ${declared || '(none)'}, but its model declares ${built || '(none)'}`);
  return {
    id: b.id,
    factory: (scenario, context) => b.factory(scenario, context),
    ...(workerModule ? { workerModule } : {}),
    metrics: describeMetrics(b.metrics, b.id),
    ...(b.identity ? { identity: (scenario: Scenario) => b.identity!(scenario) } : {}),
    ...(b.atPoint ? { atPoint: (scenario: Scenario, point: Readonly<Record<string, number>>) => b.atPoint!(scenario, point) } : {}),
    ...(b.factors ? { factors: (names?: readonly string[]) => b.factors!(names) } : {}),
    ...(b.fingerprint ? { fingerprint: () => b.fingerprint!() } : {}),
    ...(b.levers ? { levers: b.levers } : {}),
    ...(b.split ? { split: b.split } : {}),
    ...(b.groups ? { groups: b.groups } : {}),
  };
}

/**
 * The user levers a model source declares (a binding's `levers`; none for a factory), so that scenario
 * files can be loaded with them before the model runs. A module is imported for it.
 */
export async function modelLevers(source: ModelSource): Promise<readonly LeverSpec[]> {
  if (isModelBinding(source)) return source.levers ?? [];
  if (typeof source === 'function' || !source || typeof source !== 'object' || typeof (source as ModelModule).module !== 'string') return [];
  const url = modelModuleUrl(source);
  const loaded = await loadModelExport(url, source.exportName ?? (await defaultExportName(url)), source.module);
  return typeof loaded === 'function' ? [] : (loaded.levers ?? []);
}

/**
 * The scenario at a point without validation: `seed` sets the seed, every other key a parameter override.
 * The default {@link ModelBinding.atPoint}.
 */
export function scenarioAt(scenario: Scenario, point: Readonly<Record<string, number>>): Scenario {
  const parameters = { ...scenario.parameters };
  let seed = scenario.seed;
  for (const [k, v] of Object.entries(point)) {
    if (k === 'seed') seed = v;
    else parameters[k] = v;
  }
  return { ...scenario, seed, parameters };
}

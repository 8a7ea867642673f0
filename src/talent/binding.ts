/**
 * `talentBinding`: the talent model as the experiment engine sees it — the model compiled from each
 * scenario, this module as what worker threads load, the scenario hash as the identity of a replicate's
 * rows, validated scenario points, the declared parameters as factors, the metric metadata, and the
 * fingerprint of the model code (a resume or merge never mixes parts of different model code).
 */
import type { ModelDefinition } from '../core/run.js';
import type { ModelBinding } from '../experiment/binding.js';
import { packageSourcesFingerprint } from '../experiment/compiled.js';
import { talentModel } from '../model/model.js';
import { compileScenario } from '../scenario/compile.js';
import { scenarioHash } from '../scenario/hash.js';
import { leverCatalog } from '../scenario/levers.js';
import { applySettings, type ScenarioSetting } from '../scenario/overrides.js';
import { PARAMETER_INDEX } from '../model/parameters.js';
import { VILLAGE_ATTRIBUTES } from '../model/village-type.js';
import type { Scenario } from '../scenario/types.js';
import { TALENT_METRICS } from './metrics.js';
import { talentFactors } from './parameter-factors.js';
import { runSplit } from './split-run.js';

/**
 * Counties of at least this many registered villagers run each replicate split across the worker threads
 * by villages (src/talent/split-run.ts; rows identical to an unsplit run). Below it a replicate runs in one
 * thread: the default county (54,000) needs ≈7 MB of agent state, a county at the threshold ≈250 MB
 * (122 bytes a villager, docs/performance.md), Guangxi (23 million) ≈2.4 GiB unsplit and ≈0.5 GiB split.
 */
export const SPLIT_THRESHOLD_VILLAGERS = 2_000_000;

/** Chunks of villages per worker thread of a split replicate (as bench/province.mjs: no worker idles long at the end). */
const SPLIT_CHUNKS_PER_WORKER = 32;

/** The talent model's split runner (see {@link ModelBinding.split}). */
export const talentSplit = Object.freeze({
  size: (scenario: Scenario) => scenario.county.population,
  threshold: SPLIT_THRESHOLD_VILLAGERS,
  run: async (scenario: Scenario, replicate: number, o: { workers: number; metrics?: readonly string[] }) =>
    (await runSplit(scenario, { workers: o.workers, chunks: o.workers * SPLIT_CHUNKS_PER_WORKER, replicate, metrics: o.metrics })).rows,
});

/** Builds the talent model for a scenario (the talent binding's factory). */
export function buildModel(scenario: Scenario): ModelDefinition<unknown> {
  return talentModel(compileScenario(scenario));
}

/**
 * What a replicate's rows depend on: the scenario hash (full effective parameters, no source or prose)
 * taken with `replicates` left out, so an ensemble can be extended to more replicates and still resumed.
 */
export function scenarioIdentity(scenario: Scenario): string {
  return scenarioHash({ ...scenario, replicates: 0 });
}

/**
 * The `--set` path a point's key names: a path as written (`county.villages`, `parameters.x`,
 * `policies.care_relief`), or a bare name — `seed` or another top-level field, a declared parameter, a
 * lever (built-in or the scenario's own) — as its path. An unknown bare name is taken as a parameter, so
 * that its message says "unknown parameter" with a suggestion.
 */
export function pointPath(scenario: Scenario, key: string): string {
  if (key.includes('.') || key.includes('[')) return key;
  if (PARAMETER_INDEX.has(key)) return `parameters.${key}`;
  if (leverCatalog(scenario.levers).index.has(key)) return `policies.${key}`;
  if (/^(seed|years|start_year|replicates)$/.test(key)) return key;
  return `parameters.${key}`;
}

/**
 * The scenario at a point (`seed`, parameters, levers or any scenario path, see {@link pointPath}),
 * validated like a scenario file: an unknown name or a value out of range throws ScenarioLoadError (file
 * label `point`) before anything runs. A lever is set over the windows it has in the scenario, or over the
 * whole run if it has none.
 */
export function scenarioAtPoint(scenario: Scenario, point: Readonly<Record<string, number>>): Scenario {
  const settings: ScenarioSetting[] = Object.entries(point).map(([k, value]) => ({ path: pointPath(scenario, k), value }));
  return settings.length ? applySettings(scenario, settings, { label: 'point' }) : scenario;
}

/**
 * The sources (relative to src/) that a replicate's rows depend on: the core engine, the model, the
 * scenario format and its compilation, this binding and the metric list. Their fingerprint identifies
 * the model code in every part file.
 */
export const TALENT_MODEL_SOURCES: readonly string[] = Object.freeze(['core', 'model', 'scenario', 'talent/binding.ts', 'talent/metrics.ts']);

/** The talent model's binding: the default model of every talentsim experiment. */
export const talentBinding: ModelBinding = Object.freeze({
  id: 'talentsim',
  factory: buildModel,
  workerModule: Object.freeze({ url: import.meta.url, exportName: 'talentBinding' }),
  metrics: TALENT_METRICS,
  identity: scenarioIdentity,
  atPoint: scenarioAtPoint,
  factors: talentFactors,
  fingerprint: () => packageSourcesFingerprint(TALENT_MODEL_SOURCES),
  groups: Object.freeze({ column: 'village', file: 'villages.csv', attributes: VILLAGE_ATTRIBUTES }),
  split: talentSplit,
});

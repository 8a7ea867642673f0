/**
 * Options shared by several commands, each declared once: the run settings of `run`/`compare`
 * ({@link ensembleOptions}), those of the design analyses `sensitivity`/`robustness` ({@link designOptions}),
 * how scenario files may be read ({@link scenarioReadOptions}), the options common to all of them, and the
 * one validator of option values that yargs' types do not cover ({@link intOption} for every count,
 * {@link outOption} for output folders): a bad value is a usage error (exit 2) naming the option.
 */
import type { ArgumentsCamelCase, Argv, Options, PositionalOptions } from 'yargs';
import { UsageError } from './exit-codes.js';
import type { EnsembleRunOptions } from './ensemble-run.js';
import type { MetricHelpFacts } from './metric-help.js';

/** The parsed values a builder declares (the `T` of its `Argv<T>`). */
type ArgsOf<Y> = Y extends Argv<infer T> ? T : never;

/** Options with the same meaning and text wherever they appear. */
export const COMMON_OPTIONS = {
  years: { type: 'number', describe: 'years to simulate (overrides the scenario)' },
  /** The seed of the runs (in a design analysis `--seed` is the design's seed instead). */
  seed: { type: 'number', describe: 'run seed (overrides the scenario)' },
  /** Replicates of each scenario (in a design analysis `--replicates` counts per design point instead). */
  replicates: { type: 'number', describe: 'replicates per scenario (overrides the scenario)' },
  workers: { type: 'number', describe: 'worker threads (default: number of cores; at most one per task, per core and per 256 MiB free); results do not depend on it' },
  quiet: { type: 'boolean', default: false, describe: 'no progress bar or table' },
  /** Reuse parts (resume) or merge shards computed by another talentsim version or model code. */
  allowVersionMismatch: { type: 'boolean', default: false, describe: 'reuse parts (--resume, merge) computed by another talentsim version or model code' },
  set: {
    type: 'string',
    array: true,
    describe: 'override a field of every scenario, validated like the file: path=value (repeatable), e.g. parameters.migrant_wage=50000, ' +
      'policies.care_relief=0.5, county.villages=20, strength=0.5, years=10',
  },
  costs: {
    type: 'string', choices: ['low', 'default', 'high'] as const, default: 'default' as const,
    describe: "unit costs of the levers: the declared default or the low/high end of each lever's cost range (talentsim schema --levers)",
  },
} satisfies Record<string, Options>;

/** How scenario files may be read: the extra folders `extends` may reach and the size cap. */
export function scenarioReadOptions<T>(y: Argv<T>) {
  return y
    .option('scenario-path', { type: 'string', array: true, describe: 'folder whose scenario files `extends` may name, besides the scenario\'s own folder (repeatable)' })
    .option('max-scenario-bytes', { type: 'number', describe: 'largest scenario file read, in bytes (default 1048576)' });
}

/** The parsed values of {@link scenarioReadOptions}. */
export type ScenarioReadArgs = ArgsOf<ReturnType<typeof scenarioReadOptions<object>>>;

/** The loader options of {@link scenarioReadOptions}' values (checked). */
export function scenarioReadSettings(a: ArgumentsCamelCase<ScenarioReadArgs>): { scenarioPath?: string[]; maxBytes?: number } {
  const maxBytes = intOption('max-scenario-bytes', a.maxScenarioBytes, 1, 2 ** 31 - 1);
  const path = a.scenarioPath?.filter((p) => p !== '');
  return { ...(path?.length ? { scenarioPath: path } : {}), ...(maxBytes !== undefined ? { maxBytes } : {}) };
}
/** `--lang`: the language of the report, its summaries' default and its charts (`report`, `compare`, `run`). */
export const LANG_OPTION = {
  choices: ['en', 'zh'] as const,
  describe: 'language of report.html and its charts: en or zh (default: the scenario\'s lang, else en)',
} satisfies Options;

/** The `scenario` positional of commands that run one scenario. */
export const SCENARIO_POSITIONAL = { type: 'string', demandOption: true, describe: 'built-in name or scenario file' } satisfies PositionalOptions;

/** The run settings of `run` and `compare`: overrides of the scenario, workers, shards, resume, a custom model. */
export function ensembleOptions<T>(y: Argv<T>) {
  return scenarioReadOptions(y)
    .option('years', COMMON_OPTIONS.years)
    .option('seed', COMMON_OPTIONS.seed)
    .option('replicates', COMMON_OPTIONS.replicates)
    .option('set', COMMON_OPTIONS.set)
    .option('workers', COMMON_OPTIONS.workers)
    .option('shard', { type: 'string', nargs: 1, describe: 'run only shard K/N of the replicates (join with `merge`)' })
    .option('resume', { type: 'boolean', default: false, describe: 'skip replicates already in --out (same scenario hash, version and model required)' })
    .option('allow-version-mismatch', COMMON_OPTIONS.allowVersionMismatch)
    .option('posterior', { type: 'string', describe: 'posterior.csv of a calibration: each replicate runs with its own draw, the same in every scenario' })
    .option('quiet', COMMON_OPTIONS.quiet)
    .option('per-village', {
      type: 'boolean',
      default: false,
      describe: 'also write villages.csv: every village\'s value of every metric each year, with its majority ethnicity, size and type',
    })
    .option('village-metrics', { type: 'string', describe: 'with --per-village: comma-separated metrics to write per village (default: all)' })
    .option('costs', COMMON_OPTIONS.costs)
    .option('split-above', {
      type: 'number',
      describe: 'split each replicate of a county of at least this many villagers across the worker threads by villages ' +
        '(default 2000000; 0: always); results do not depend on it',
    })
    .option('model', { type: 'string', hidden: true, describe: 'JS module exporting buildModel(scenario, {replicate}) (advanced)' });
}

/** The parsed values of {@link ensembleOptions}. */
export type EnsembleArgs = ArgsOf<ReturnType<typeof ensembleOptions<object>>>;

/** The run settings of `run` and `compare` taken from their parsed arguments. */
export function ensembleSettings(
  a: ArgumentsCamelCase<EnsembleArgs>,
): Pick<EnsembleRunOptions, 'years' | 'seed' | 'replicates' | 'set' | 'workers' | 'shard' | 'resume' | 'quiet' | 'model' | 'perVillage' | 'allowVersionMismatch' | 'read' | 'posterior' | 'costs' | 'splitAbove'> {
  if (a.villageMetrics !== undefined && !a.perVillage) throw new UsageError('--village-metrics goes with --per-village');
  const perVillage = a.perVillage ? { metrics: listOption(a.villageMetrics) } : undefined;
  return {
    years: a.years, seed: a.seed, replicates: a.replicates, set: a.set, workers: a.workers, shard: a.shard, resume: a.resume, quiet: a.quiet, model: a.model,
    perVillage, allowVersionMismatch: a.allowVersionMismatch, read: scenarioReadSettings(a), posterior: a.posterior, costs: a.costs,
    splitAbove: intOption('split-above', a.splitAbove, 0, 1e9),
  };
}

/** The run counts shared by `run`, `compare`, `sweep`, the design analyses and `sbatch`, each checked by {@link intOption}. */
export function runCounts(a: { years?: number; seed?: number; replicates?: number; workers?: number }): { years?: number; seed?: number; replicates?: number; workers?: number } {
  return {
    years: intOption('years', a.years, 1, 500),
    seed: intOption('seed', a.seed, 0, 0xffffffff),
    replicates: intOption('replicates', a.replicates, 1, 1_000_000),
    workers: intOption('workers', a.workers, 1, 1024),
  };
}

/**
 * The settings of the policy-design commands `dose-response`, `frontier` and `optimize`: the base scenario,
 * run overrides, cost level, workers, resume and quiet.
 */
export function policyOptions<T>(y: Argv<T>) {
  return y
    .option('scenario', { type: 'string', default: 'baseline', describe: 'base scenario (built-in name or file): everything the levers do not set' })
    .option('years', COMMON_OPTIONS.years)
    .option('seed', COMMON_OPTIONS.seed)
    .option('costs', COMMON_OPTIONS.costs)
    .option('workers', COMMON_OPTIONS.workers)
    .option('resume', { type: 'boolean', default: false, describe: 'reuse the runs already in --out (same scenarios required)' })
    .option('quiet', COMMON_OPTIONS.quiet);
}

/** The parsed values of {@link policyOptions}. */
export type PolicyArgs = ArgsOf<ReturnType<typeof policyOptions<object>>>;

/** Parses a comma-separated list of numbers (repeatable option); throws {@link UsageError} naming the option. */
export function numberListOption(name: string, values: readonly string[] | string | undefined): number[] | undefined {
  const list = listOption(values);
  if (!list) return undefined;
  return list.map((x) => {
    const v = Number(x.replace(/_/g, ''));
    if (!Number.isFinite(v)) throw new UsageError(`--${name}: expected numbers separated by commas, found ${JSON.stringify(x)}`);
    return v;
  });
}

/**
 * The settings of the design analyses `sensitivity` and `robustness`. `samples` is the command's own text
 * for `--samples` (what a sample is differs); `facts` gives the default outcomes the help names (undefined
 * when no help is printed).
 */
export function designOptions<T>(y: Argv<T>, samples: string, facts: MetricHelpFacts | undefined) {
  return scenarioReadOptions(y)
    .option('samples', { type: 'number', describe: samples })
    .option('params', { type: 'string', describe: 'comma-separated parameters to vary (default: every declared parameter)' })
    .option('outcome', { type: 'string', array: true, describe: `outcome metric(s) at the horizon${facts ? ` (default: ${facts.analysisOutcomes.join(', ')})` : ''}` })
    .option('seed', { type: 'number', describe: 'seed of the design (the runs use the scenario seed, the same for every point)' })
    .option('replicates', { type: 'number', describe: 'replicates per design point (default 1), averaged' })
    .option('years', COMMON_OPTIONS.years)
    .option('set', COMMON_OPTIONS.set)
    .option('workers', COMMON_OPTIONS.workers)
    .option('shard', { type: 'string', nargs: 1, describe: 'run only design-point shard K/N (then rerun without --shard, with --resume, on the joined parts)' })
    .option('resume', { type: 'boolean', default: false, describe: 'skip design points already in --out' })
    .option('allow-version-mismatch', COMMON_OPTIONS.allowVersionMismatch)
    .option('quiet', COMMON_OPTIONS.quiet);
}

/** The parsed values of {@link designOptions}. */
export type DesignArgs = ArgsOf<ReturnType<typeof designOptions<object>>>;

/** A scenario reference without its folder and extension: `out/<this>` names default output directories. */
export function scenarioBaseName(ref: string): string {
  return ref.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');
}

/**
 * Checks an optional integer option: ≥ `min` (and ≤ `max`, and even if asked); throws {@link UsageError}.
 * The one validator of every count option (`abc` arrives from yargs as NaN, `1.5` as 1.5: both refused).
 */
export function intOption(name: string, value: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER, opts: { even?: boolean } = {}): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max || (opts.even && value % 2 !== 0)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`--${name}: expected ${opts.even ? 'an even integer' : 'an integer'} ${range}, found ${Array.isArray(value) ? (value as unknown[]).join(' ') : String(value)}`);
  }
  return value;
}

/** Checks an output folder option: a non-empty path (the folder is created if missing); throws {@link UsageError}. */
export function outOption(value: string, name = 'out'): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name}: expected a folder path, found ${JSON.stringify(value)}`);
  return value;
}

/** Splits repeatable, comma-separated list options into names; undefined when none is given. */
export function listOption(values: readonly string[] | string | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const list = (typeof values === 'string' ? [values] : values).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

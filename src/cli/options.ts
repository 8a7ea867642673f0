/**
 * Options shared by several commands, each declared once: the run settings of `run`/`compare`
 * ({@link ensembleOptions}), those of the design analyses `sensitivity`/`robustness` ({@link designOptions}),
 * the options common to both groups, and the checks of option values that yargs' types do not cover.
 */
import type { Argv, Options, PositionalOptions } from 'yargs';
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
  workers: { type: 'number', describe: 'worker threads (default: number of cores); results do not depend on it' },
  quiet: { type: 'boolean', default: false, describe: 'no progress bar or table' },
  costs: {
    type: 'string', choices: ['low', 'default', 'high'] as const, default: 'default' as const,
    describe: "unit costs of the levers: the declared default or the low/high end of each lever's cost range (talentsim schema --levers)",
  },
} satisfies Record<string, Options>;

/** The `scenario` positional of commands that run one scenario. */
export const SCENARIO_POSITIONAL = { type: 'string', demandOption: true, describe: 'built-in name or scenario file' } satisfies PositionalOptions;

/** The run settings of `run` and `compare`: overrides of the scenario, workers, shards, resume, a custom model. */
export function ensembleOptions<T>(y: Argv<T>) {
  return y
    .option('years', COMMON_OPTIONS.years)
    .option('seed', COMMON_OPTIONS.seed)
    .option('replicates', COMMON_OPTIONS.replicates)
    .option('workers', COMMON_OPTIONS.workers)
    .option('shard', { type: 'string', describe: 'run only shard K/N of the replicates (join with `merge`)' })
    .option('resume', { type: 'boolean', default: false, describe: 'skip replicates already in --out (same scenario hash required)' })
    .option('quiet', COMMON_OPTIONS.quiet)
    .option('costs', COMMON_OPTIONS.costs)
    .option('model', { type: 'string', hidden: true, describe: 'JS module exporting buildModel(scenario, {replicate}) (advanced)' });
}

/** The parsed values of {@link ensembleOptions}. */
export type EnsembleArgs = ArgsOf<ReturnType<typeof ensembleOptions<object>>>;

/** The run settings of `run` and `compare` taken from their parsed arguments. */
export function ensembleSettings(a: EnsembleArgs): Pick<EnsembleRunOptions, 'years' | 'seed' | 'replicates' | 'workers' | 'shard' | 'resume' | 'quiet' | 'model' | 'costs'> {
  return { years: a.years, seed: a.seed, replicates: a.replicates, workers: a.workers, shard: a.shard, resume: a.resume, quiet: a.quiet, model: a.model, costs: a.costs };
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
  return y
    .option('samples', { type: 'number', describe: samples })
    .option('params', { type: 'string', describe: 'comma-separated parameters to vary (default: every declared parameter)' })
    .option('outcome', { type: 'string', array: true, describe: `outcome metric(s) at the horizon${facts ? ` (default: ${facts.analysisOutcomes.join(', ')})` : ''}` })
    .option('seed', { type: 'number', describe: 'seed of the design (the runs use the scenario seed, the same for every point)' })
    .option('replicates', { type: 'number', describe: 'replicates per design point (default 1), averaged' })
    .option('years', COMMON_OPTIONS.years)
    .option('workers', COMMON_OPTIONS.workers)
    .option('shard', { type: 'string', describe: 'run only design-point shard K/N (then rerun without --shard, with --resume, on the joined parts)' })
    .option('resume', { type: 'boolean', default: false, describe: 'skip design points already in --out' })
    .option('quiet', COMMON_OPTIONS.quiet);
}

/** The parsed values of {@link designOptions}. */
export type DesignArgs = ArgsOf<ReturnType<typeof designOptions<object>>>;

/** A scenario reference without its folder and extension: `out/<this>` names default output directories. */
export function scenarioBaseName(ref: string): string {
  return ref.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');
}

/** Checks an optional integer option: ≥ `min` (and ≤ `max`); throws {@link UsageError}. */
export function intOption(name: string, value: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name}: expected an integer ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`}, found ${String(value)}`);
  }
  return value;
}

/** Splits repeatable, comma-separated list options into names; undefined when none is given. */
export function listOption(values: readonly string[] | string | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const list = (typeof values === 'string' ? [values] : values).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

/** What `run` and `compare` do: an ensemble of scenarios written to an output directory, with optional table and report. */
import { availableParallelism } from 'node:os';
import { modelLevers, parseShard, type ExperimentResult, type ModelSource, type Shard } from '../experiment/index.js';
import { withOutputLock } from '../experiment/lock.js';
import type { CostLevel } from '../model/levers.js';
import { ScenarioLoadError, formatScenarioErrors, type Scenario } from '../scenario/index.js';
import type { LoadOptions } from '../scenario/load.js';
import { ensemble } from '../talent/experiments.js';
import { EXIT, UsageError } from './exit-codes.js';
import { readPosteriorFile } from '../experiment/calibration/files.js';
import { parameterFactors } from '../talent/parameter-factors.js';
import type { CliIo } from './io.js';
import { outOption, runCounts } from './options.js';
import { liveWarnings, printFailures, printWarnings, writeHtmlReport } from './outputs.js';
import { withProgress } from './progress.js';
import { loadScenarios, type RunOverrides } from './scenarios.js';
import { outcomeTable } from './table.js';

/** The settings of one ensemble run (from the options of `run` or `compare`). */
export interface EnsembleRunOptions {
  scenarios: readonly string[];
  years?: number;
  seed?: number;
  replicates?: number;
  /** `--set path=value` texts, applied to every scenario. */
  set?: readonly string[];
  out: string;
  workers?: number;
  shard?: string;
  resume: boolean;
  /** Reuse parts of another talentsim version or model code on resume. */
  allowVersionMismatch?: boolean;
  quiet: boolean;
  /** Write report.html and the charts. */
  report: boolean;
  /** Print the outcome table against baseline. */
  table: boolean;
  /** A JS module exporting the model (instead of the talent model). */
  model?: string;
  /** Unit-cost level of the levers (`--costs`). */
  costs?: CostLevel;
  /** A robustness output directory whose results go into the report. */
  robustness?: string;
  /** How scenario files are read (`--scenario-path`, `--max-scenario-bytes`). */
  read?: Pick<LoadOptions, 'scenarioPath' | 'maxBytes'>;
  /** The baseline: a scenario's name or reference among `scenarios`, or another reference to load and run first. */
  baseline?: string;
  /** Pair scenarios of another county, horizon or start year with the baseline anyway. */
  allowMismatch?: boolean;
  /** Write villages.csv (every village's value of these metrics, default all). */
  perVillage?: { metrics?: readonly string[] };
  /** Language of the report (default: the scenario's lang, else en). */
  lang?: 'en' | 'zh';
  /** A posterior.csv: each replicate draws its parameters from it. */
  posterior?: string;
  /** Split replicates of counties of at least this many villagers across the workers (`--split-above`; default the binding's threshold). */
  splitAbove?: number;
  /** The command line, for the manifest. */
  commandLine: string;
}

/**
 * The baseline's name for `--baseline NAME`: a scenario's name or the reference it was given by; anything
 * else is loaded (with the same overrides) and runs first, as the baseline.
 */
function chooseBaseline(name: string, refs: readonly string[], scenarios: Scenario[], overrides: RunOverrides, warn: (line: string) => void): string {
  if (scenarios.some((s) => s.name === name)) return name;
  const byRef = refs.indexOf(name);
  if (byRef >= 0) return scenarios[byRef].name;
  let loaded: Scenario;
  try {
    [loaded] = loadScenarios([name], overrides, warn);
  } catch (e) {
    if (!(e instanceof ScenarioLoadError)) throw e;
    throw new UsageError(`--baseline ${name}: not one of the scenarios (${scenarios.map((s) => s.name).join(', ')}), and cannot be loaded as one:\n${formatScenarioErrors(e.issues)}`);
  }
  if (scenarios.some((s) => s.name === loaded.name)) throw new UsageError(`--baseline ${name}: its name "${loaded.name}" is already taken by another scenario`);
  scenarios.unshift(loaded);
  return loaded.name;
}

/** The checked run settings shared by every ensemble-like command (run, compare, sweep). */
export interface RunSettings {
  workers: number;
  shard?: Shard;
  model?: ModelSource;
  /** What scenarios are loaded with: the overrides, `--set`, the model's levers, how files are read. */
  overrides: RunOverrides;
  /** Prints a loader warning. */
  warn: (line: string) => void;
  /** Prints the library's warnings as they arise (and remembers them, so the run's notes do not repeat them). */
  live: ReturnType<typeof liveWarnings>;
}

/** Checks the run settings of `o` and gathers what loading the scenarios needs (the `--model`'s levers included). */
export async function runSettings(
  o: Pick<EnsembleRunOptions, 'years' | 'seed' | 'replicates' | 'workers' | 'shard' | 'model' | 'set' | 'read' | 'costs'>,
  io: CliIo,
): Promise<RunSettings> {
  const { years, seed, replicates, workers: asked } = runCounts(o);
  const workers = asked ?? availableParallelism();
  const shard = o.shard !== undefined ? parseShard(o.shard) : undefined;
  const model: ModelSource | undefined = o.model ? { module: o.model } : undefined;
  const overrides: RunOverrides = { years, seed, replicates, set: o.set, levers: model ? await modelLevers(model) : undefined, read: o.read, costs: o.costs };
  return { workers, shard, model, overrides, warn: (line) => io.stderr(`warning: ${line}\n`), live: liveWarnings(io) };
}

/** Prints a finished run's warnings and failures, and for a shard where its parts are and how to join them. */
export function printRunNotes(io: CliIo, result: ExperimentResult, shard: Shard | undefined, out: string, printed?: ReadonlySet<string>): void {
  printWarnings(io, result.warnings, printed);
  printFailures(io, result.failures);
  if (shard) {
    io.stdout(
      `shard ${shard.index}/${shard.count}: ${result.computed} replicates computed, ${result.skipped} resumed, parts in ${out}\n` +
        `join all shards with: talentsim merge DIR... --out DIR\n`,
    );
  }
}

/** Runs the ensemble and prints where the outputs are; returns the exit code. The output folder is locked throughout. */
export async function runEnsemble(o: EnsembleRunOptions, io: CliIo): Promise<number> {
  const { workers, shard, model, overrides, warn, live } = await runSettings(o, io);
  const out = outOption(o.out);
  const scenarios = loadScenarios(o.scenarios, overrides, warn);
  const baseline = o.baseline !== undefined ? chooseBaseline(o.baseline, o.scenarios, scenarios, overrides, warn) : undefined;
  if (o.posterior && model) throw new UsageError('--posterior draws the talent model\'s declared parameters: it cannot be used with --model');
  const posterior = o.posterior ? await readPosteriorFile(o.posterior, parameterFactors()) : undefined;
  return withOutputLock(out, async () => {
    const result: ExperimentResult = await withProgress(o.quiet ? undefined : io, 'talentsim', shard, (onProgress) =>
      ensemble(scenarios, {
        workers, shard, outDir: out, resume: o.resume, allowVersionMismatch: o.allowVersionMismatch, model, command: o.commandLine, onProgress,
        onWarning: live.onWarning, baseline, allowMismatch: o.allowMismatch, perGroup: o.perVillage, posterior,
        ...(o.splitAbove !== undefined ? { split: { above: o.splitAbove } } : {}),
      }),
    );
    printRunNotes(io, result, shard, out, live.printed);
    if (shard) return result.failures.length ? EXIT.failure : EXIT.ok;
    if (o.table && result.summary && !o.quiet) io.stdout(outcomeTable(result.summary) + '\n');
    io.stdout(`wrote ${result.files.join(', ')}\n`);
    let code: number = result.failures.length === 0 ? EXIT.ok : EXIT.failure;
    if (o.report) code = Math.max(code, await writeHtmlReport(out, io, { robustnessDir: o.robustness, lang: o.lang }));
    if (result.failures.length) io.stderr(`${result.failures.length} replicate(s) failed; see ${out}/failures.json\n`);
    return code;
  }, { command: o.commandLine });
}

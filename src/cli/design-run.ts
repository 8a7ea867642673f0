/**
 * What `sensitivity` and `robustness` share when they run: their common settings (those of
 * `designOptions`) checked, the scenarios loaded, and the progress bar around the analysis.
 */
import { availableParallelism } from 'node:os';
import type { ExperimentProgress } from '../experiment/index.js';
import { parseShard, type Shard } from '../experiment/shard.js';
import type { Scenario } from '../scenario/index.js';
import type { CliIo } from './io.js';
import type { ArgumentsCamelCase } from 'yargs';
import { withOutputLock } from '../experiment/lock.js';
import { listOption, outOption, runCounts, scenarioReadSettings, type DesignArgs } from './options.js';
import { liveWarnings, printWarning, printWarnings } from './outputs.js';
import { withProgress } from './progress.js';
import { loadScenarios } from './scenarios.js';

/** The common settings in the form the library's sensitivity and robustness options take them. */
export interface DesignSettings {
  params?: string[];
  outcomes?: string[];
  seed?: number;
  replicates?: number;
  workers: number;
  shard?: Shard;
  outDir: string;
  resume: boolean;
  allowVersionMismatch: boolean;
  command: string;
  onProgress: (p: ExperimentProgress) => void;
  onWarning: (message: string) => void;
}

/** Where and how a design analysis runs. */
export interface DesignRun {
  io: CliIo;
  /** Progress bar label. */
  label: string;
  /** Scenario references to load (with `--years` applied). */
  refs: readonly string[];
  out: string;
  commandLine: string;
}

/**
 * Checks the common settings, loads the scenarios and runs `analysis` with a progress bar, then `finish`
 * (charts, tables) — all holding the lock of the output folder; the analysis's warnings are printed as they
 * arise or before `finish`. Returns what `finish` returns.
 */
export async function runDesign<T extends { warnings?: readonly string[] }, R>(
  a: ArgumentsCamelCase<DesignArgs>,
  o: DesignRun,
  analysis: (scenarios: Scenario[], settings: DesignSettings) => Promise<T>,
  finish: (result: T, shard: Shard | undefined) => Promise<R>,
): Promise<R> {
  const { seed, replicates, years, workers: asked } = runCounts(a);
  const workers = asked ?? availableParallelism();
  const shard = a.shard !== undefined ? parseShard(a.shard) : undefined;
  const out = outOption(o.out);
  const scenarios = loadScenarios(o.refs, { years, set: a.set, read: scenarioReadSettings(a) }, (line) => printWarning(o.io, line));
  const live = liveWarnings(o.io);
  const common = {
    params: listOption(a.params), outcomes: listOption(a.outcome), seed, replicates, workers, shard, outDir: out, resume: a.resume,
    allowVersionMismatch: a.allowVersionMismatch, command: o.commandLine, onWarning: live.onWarning,
  };
  return withOutputLock(out, async () => {
    const result = await withProgress(a.quiet ? undefined : o.io, o.label, shard, (onProgress) => analysis(scenarios, { ...common, onProgress }), { unit: 'runs' });
    printWarnings(o.io, result.warnings ?? [], live.printed);
    return finish(result, shard);
  }, { command: o.commandLine });
}

/**
 * What `sensitivity` and `robustness` share when they run: their common settings (those of
 * `designOptions`) checked, the scenarios loaded, and the progress bar around the analysis.
 */
import { availableParallelism } from 'node:os';
import type { ExperimentProgress } from '../experiment/index.js';
import { parseShard, type Shard } from '../experiment/shard.js';
import type { Scenario } from '../scenario/index.js';
import type { CliIo } from './io.js';
import { intOption, listOption, type DesignArgs } from './options.js';
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
  command: string;
  onProgress: (p: ExperimentProgress) => void;
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

/** Checks the common settings, loads the scenarios and runs `analysis` with a progress bar; returns its result and the shard. */
export async function runDesign<T>(
  a: DesignArgs,
  o: DesignRun,
  analysis: (scenarios: Scenario[], settings: DesignSettings) => Promise<T>,
): Promise<{ result: T; shard: Shard | undefined }> {
  const seed = intOption('seed', a.seed, 0, 0xffffffff);
  const replicates = intOption('replicates', a.replicates, 1, 1_000_000);
  const years = intOption('years', a.years, 1, 500);
  const workers = intOption('workers', a.workers, 1, 1024) ?? availableParallelism();
  const shard = a.shard !== undefined ? parseShard(a.shard) : undefined;
  const scenarios = loadScenarios(o.refs, { years, set: a.set }, (line) => o.io.stderr(`warning: ${line}\n`));
  const common = { params: listOption(a.params), outcomes: listOption(a.outcome), seed, replicates, workers, shard, outDir: o.out, resume: a.resume, command: o.commandLine };
  const result = await withProgress(a.quiet ? undefined : o.io, o.label, shard, (onProgress) => analysis(scenarios, { ...common, onProgress }), { unit: 'runs' });
  return { result, shard };
}

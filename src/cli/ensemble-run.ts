/** What `run` and `compare` do: an ensemble of scenarios written to an output directory, with optional table and report. */
import { availableParallelism } from 'node:os';
import { parseShard, type ExperimentResult, type ModelSource } from '../experiment/index.js';
import { withOutputLock } from '../experiment/lock.js';
import type { LoadOptions } from '../scenario/load.js';
import { ensemble } from '../talent/experiments.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { outOption, runCounts } from './options.js';
import { printFailures, printWarning, writeHtmlReport } from './outputs.js';
import { withProgress } from './progress.js';
import { loadScenarios } from './scenarios.js';
import { outcomeTable } from './table.js';

/** The settings of one ensemble run (from the options of `run` or `compare`). */
export interface EnsembleRunOptions {
  scenarios: readonly string[];
  years?: number;
  seed?: number;
  replicates?: number;
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
  /** A robustness output directory whose results go into the report. */
  robustness?: string;
  /** How scenario files are read (`--scenario-path`, `--max-scenario-bytes`). */
  read?: LoadOptions;
  /** The command line, for the manifest. */
  commandLine: string;
}

/** Runs the ensemble and prints where the outputs are; returns the exit code. The output folder is locked throughout. */
export async function runEnsemble(o: EnsembleRunOptions, io: CliIo): Promise<number> {
  const { years, seed, replicates, workers: asked } = runCounts(o);
  const workers = asked ?? availableParallelism();
  const shard = o.shard !== undefined ? parseShard(o.shard) : undefined;
  const out = outOption(o.out);
  const scenarios = loadScenarios(o.scenarios, { years, seed, replicates }, o.read);
  const model: ModelSource | undefined = o.model ? { module: o.model } : undefined;
  return withOutputLock(out, async () => {
    const result: ExperimentResult = await withProgress(o.quiet ? undefined : io.progressStream, 'talentsim', shard, (onProgress) =>
      ensemble(scenarios, {
        workers,
        shard,
        outDir: out,
        resume: o.resume,
        allowVersionMismatch: o.allowVersionMismatch,
        model,
        command: o.commandLine,
        onProgress,
        onWarning: (m) => printWarning(io, m),
      }),
    );
    printFailures(io, result.failures);
    if (shard) {
      io.stdout(
        `shard ${shard.index}/${shard.count}: ${result.computed} replicates computed, ${result.skipped} resumed, parts in ${out}\n` +
          `join all shards with: talentsim merge DIR... --out DIR\n`,
      );
      return result.failures.length ? EXIT.failure : EXIT.ok;
    }
    if (o.table && result.summary && !o.quiet) io.stdout(outcomeTable(result.summary) + '\n');
    io.stdout(`wrote ${result.files.join(', ')}\n`);
    let code: number = result.failures.length === 0 ? EXIT.ok : EXIT.failure;
    if (o.report) code = Math.max(code, await writeHtmlReport(out, io, { robustnessDir: o.robustness }));
    if (result.failures.length) io.stderr(`${result.failures.length} replicate(s) failed; see ${out}/failures.json\n`);
    return code;
  }, { command: o.commandLine });
}

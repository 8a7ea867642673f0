/** What `run` and `compare` do: an ensemble of scenarios written to an output directory, with optional table and report. */
import { availableParallelism } from 'node:os';
import { parseShard, type ExperimentResult, type ModelSource } from '../experiment/index.js';
import type { CostLevel } from '../model/levers.js';
import { ensemble } from '../talent/experiments.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { intOption } from './options.js';
import { printFailures, writeHtmlReport } from './outputs.js';
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
  /** The command line, for the manifest. */
  commandLine: string;
}

/** Runs the ensemble and prints where the outputs are; returns the exit code. */
export async function runEnsemble(o: EnsembleRunOptions, io: CliIo): Promise<number> {
  const years = intOption('years', o.years, 1, 500);
  const seed = intOption('seed', o.seed, 0, 0xffffffff);
  const replicates = intOption('replicates', o.replicates, 1, 1_000_000);
  const workers = intOption('workers', o.workers, 1, 1024) ?? availableParallelism();
  const shard = o.shard !== undefined ? parseShard(o.shard) : undefined;
  const scenarios = loadScenarios(o.scenarios, { years, seed, replicates, costs: o.costs });
  const model: ModelSource | undefined = o.model ? { module: o.model } : undefined;
  const result: ExperimentResult = await withProgress(o.quiet ? undefined : io.progressStream, 'talentsim', shard, (onProgress) =>
    ensemble(scenarios, { workers, shard, outDir: o.out, resume: o.resume, model, command: o.commandLine, onProgress }),
  );
  printFailures(io, result.failures);
  if (shard) {
    io.stdout(
      `shard ${shard.index}/${shard.count}: ${result.computed} replicates computed, ${result.skipped} resumed, parts in ${o.out}\n` +
        `join all shards with: talentsim merge DIR... --out DIR\n`,
    );
    return result.failures.length ? EXIT.failure : EXIT.ok;
  }
  if (o.table && result.summary && !o.quiet) io.stdout(outcomeTable(result.summary) + '\n');
  io.stdout(`wrote ${result.files.join(', ')}\n`);
  let ok = result.failures.length === 0;
  if (o.report) ok = (await writeHtmlReport(o.out, io, { robustnessDir: o.robustness })) && ok;
  if (result.failures.length) io.stderr(`${result.failures.length} replicate(s) failed; see ${o.out}/failures.json\n`);
  return ok ? EXIT.ok : EXIT.failure;
}

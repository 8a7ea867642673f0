/** `run` and `compare`: an ensemble of scenarios written to an output directory, with optional report. */
import { availableParallelism } from 'node:os';
import { parseShard, type ExperimentResult, type ModelSource } from '../../experiment/index.js';
import { ensemble } from '../../talent/experiments.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { withProgress } from '../progress.js';
import { outcomeTable } from '../table.js';
import { intOption, loadScenarios, printFailures } from './shared.js';

/** Parsed options of `run` and `compare`. */
export interface EnsembleCommandOptions {
  scenarios: string[];
  years?: number;
  seed?: number;
  replicates?: number;
  out: string;
  workers?: number;
  shard?: string;
  resume?: boolean;
  quiet?: boolean;
  report?: boolean;
  table?: boolean;
  model?: string;
  /** A robustness output directory whose results go into the report. */
  robustness?: string;
  command: string;
}

/** Writes the HTML report of a finished output directory (best effort: a report failure is exit 1). */
export async function writeHtmlReport(dir: string, io: CliIo, options?: { robustnessDir?: string }): Promise<boolean> {
  try {
    const { rebuildReport } = await import('../../report/rebuild.js');
    const r = await rebuildReport(dir, options);
    io.stdout(`report: ${r.report}\n`);
    return true;
  } catch (e) {
    io.stderr(`error: could not write the report: ${(e as Error).message}\n`);
    return false;
  }
}

/** Runs the ensemble and prints where the outputs are; returns the exit code. */
export async function ensembleCommand(o: EnsembleCommandOptions, io: CliIo): Promise<number> {
  const years = intOption('years', o.years, 1, 500);
  const seed = intOption('seed', o.seed, 0, 0xffffffff);
  const replicates = intOption('replicates', o.replicates, 1, 1_000_000);
  const workers = intOption('workers', o.workers, 1, 1024) ?? availableParallelism();
  const shard = o.shard !== undefined ? parseShard(o.shard) : undefined;
  const scenarios = loadScenarios(o.scenarios, { years, seed, replicates });
  const model: ModelSource | undefined = o.model ? { module: o.model } : undefined;
  const result: ExperimentResult = await withProgress(o.quiet ? undefined : io.progressStream, 'talentsim', shard, (onProgress) =>
    ensemble(scenarios, { workers, shard, outDir: o.out, resume: o.resume, model, command: o.command, onProgress }),
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

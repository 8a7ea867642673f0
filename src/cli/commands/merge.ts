/** `merge`: joins shard outputs into one output directory (and writes the report). */
import { mergeShards } from '../../experiment/index.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { outcomeTable } from '../table.js';
import { writeHtmlReport } from './ensemble-command.js';
import { printFailures } from './shared.js';

/** Options of the merge command. */
export interface MergeCommandOptions {
  dirs: string[];
  out: string;
  report?: boolean;
  quiet?: boolean;
  command: string;
}

/** Merges the shard directories; exit 1 if replicates had failed in a shard. */
export async function mergeCommand(o: MergeCommandOptions, io: CliIo): Promise<number> {
  const result = await mergeShards(o.dirs, o.out, { command: o.command });
  printFailures(io, result.failures);
  if (result.summary && result.comparison.length && !o.quiet) io.stdout(outcomeTable(result.summary) + '\n');
  io.stdout(`wrote ${result.files.join(', ')}\n`);
  let ok = result.failures.length === 0;
  if (o.report) ok = (await writeHtmlReport(o.out, io)) && ok;
  return ok ? EXIT.ok : EXIT.failure;
}

/** `report`: rebuilds charts and report.html of an output directory from its files. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { writeHtmlReport } from './ensemble-command.js';

/** Rebuilds the report of `dir`. */
export async function reportCommand(dir: string, io: CliIo): Promise<number> {
  for (const f of ['series.csv', 'summary.json', 'manifest.json']) {
    if (!existsSync(join(dir, f))) throw new UsageError(`${dir}: no ${f}; give the output directory of a finished run or compare`);
  }
  return (await writeHtmlReport(dir, io)) ? EXIT.ok : EXIT.failure;
}

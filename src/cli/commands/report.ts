/** `report`: rebuilds charts and report.html of an output directory from its files. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { writeHtmlReport } from './ensemble-command.js';

/** Options of `report`. */
export interface ReportCommandOptions {
  /** A robustness output directory (with robustness.csv) whose section is added to the report. */
  robustness?: string;
}

/** Rebuilds the report of `dir` (a run/compare folder, or a robustness folder alone). */
export async function reportCommand(dir: string, io: CliIo, options?: ReportCommandOptions): Promise<number> {
  if (options?.robustness !== undefined && !existsSync(join(options.robustness, 'robustness.csv'))) {
    throw new UsageError(`${options.robustness}: no robustness.csv; give the output directory of a finished robustness run`);
  }
  if (!existsSync(join(dir, 'comparison.csv')) && existsSync(join(dir, 'robustness.csv'))) {
    const { rebuildRobustnessReport } = await import('../../report/rebuild.js');
    io.stdout(`report: ${await rebuildRobustnessReport(dir)}\n`);
    return EXIT.ok;
  }
  for (const f of ['series.csv', 'summary.json', 'manifest.json']) {
    if (!existsSync(join(dir, f))) throw new UsageError(`${dir}: no ${f}; give the output directory of a finished run or compare`);
  }
  return (await writeHtmlReport(dir, io, { robustnessDir: options?.robustness })) ? EXIT.ok : EXIT.failure;
}

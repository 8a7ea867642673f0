/** What the commands that write an output directory print about it: failed replicates, the HTML report. */
import type { ReplicateFailure } from '../experiment/index.js';
import type { CliIo } from './io.js';

/** Prints each failed replicate to stderr (one per line). */
export function printFailures(io: CliIo, failures: readonly ReplicateFailure[]): void {
  for (const f of failures) {
    const params = f.parameters ? ` ${JSON.stringify(f.parameters)}` : '';
    io.stderr(`failed: scenario ${f.scenario}${params} replicate ${f.replicate} (seed ${f.seed}): ${f.error}\n`);
  }
}

/** Prints each warning of an analysis to stderr (one per line, `warning: …`). */
export function printWarnings(io: CliIo, warnings: readonly string[]): void {
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
}

/** Writes the HTML report of a finished output directory (best effort: a report failure is exit 1). */
export async function writeHtmlReport(dir: string, io: CliIo, options?: { robustnessDir?: string }): Promise<boolean> {
  try {
    const { rebuildReport } = await import('../report/rebuild.js');
    const r = await rebuildReport(dir, options);
    io.stdout(`report: ${r.report}\n`);
    return true;
  } catch (e) {
    io.stderr(`error: could not write the report: ${e instanceof Error ? e.message : String(e)}\n`);
    return false;
  }
}

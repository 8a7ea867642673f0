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

/** Writes the HTML report, its one-page summaries and its charts of a finished output directory (best effort: a report failure is exit 1). */
export async function writeHtmlReport(dir: string, io: CliIo, options?: { robustnessDir?: string; lang?: 'en' | 'zh' }): Promise<boolean> {
  try {
    const { rebuildReport } = await import('../report/rebuild.js');
    const r = await rebuildReport(dir, {
      ...(options?.robustnessDir !== undefined ? { robustnessDir: options.robustnessDir } : {}),
      ...(options?.lang !== undefined ? { lang: options.lang } : {}),
    });
    io.stdout(`report: ${r.report}\nsummary: ${r.summaries.join(', ')}\n`);
    return true;
  } catch (e) {
    io.stderr(`error: could not write the report: ${e instanceof Error ? e.message : String(e)}\n`);
    return false;
  }
}

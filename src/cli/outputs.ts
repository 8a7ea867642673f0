/** What the commands that write an output directory print about it: failed replicates, warnings, the HTML report. */
import type { ReplicateFailure } from '../experiment/index.js';
import { describeError, EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';

/** Prints each failed replicate to stderr (one per line). */
export function printFailures(io: CliIo, failures: readonly ReplicateFailure[]): void {
  for (const f of failures) {
    const params = f.parameters ? ` ${JSON.stringify(f.parameters)}` : '';
    io.stderr(`failed: scenario ${f.scenario}${params} replicate ${f.replicate} (seed ${f.seed}): ${f.error}\n`);
  }
}

/** Prints a warning of the library (workers capped, damaged parts recomputed…) to stderr. */
export function printWarning(io: CliIo, message: string): void {
  io.stderr(`warning: ${message}\n`);
}

/**
 * Prints each warning of an analysis's result to stderr (one per line, `warning: …`), except those already
 * printed as they arose (`printed`, see {@link liveWarnings}).
 */
export function printWarnings(io: CliIo, warnings: readonly string[], printed?: ReadonlySet<string>): void {
  for (const w of warnings) if (!printed?.has(w)) printWarning(io, w);
}

/** An `onWarning` that prints each warning as it arises and remembers it, so that {@link printWarnings} does not repeat it. */
export function liveWarnings(io: CliIo): { onWarning: (message: string) => void; printed: Set<string> } {
  const printed = new Set<string>();
  return {
    printed,
    onWarning: (m) => {
      if (!printed.has(m)) printWarning(io, m);
      printed.add(m);
    },
  };
}

/**
 * Writes the HTML report, its one-page summaries and its charts of a finished output directory; returns the
 * exit code: 0, 2 when the outputs are refused (e.g. a file that does not match its checksum in
 * manifest.json), 1 when the report fails.
 */
export async function writeHtmlReport(dir: string, io: CliIo, options?: { robustnessDir?: string; lang?: 'en' | 'zh' }): Promise<number> {
  try {
    const { rebuildReport } = await import('../report/rebuild.js');
    const r = await rebuildReport(dir, {
      ...(options?.robustnessDir !== undefined ? { robustnessDir: options.robustnessDir } : {}),
      ...(options?.lang !== undefined ? { lang: options.lang } : {}),
    });
    io.stdout(`report: ${r.report}\nsummary: ${r.summaries.join(', ')}\n`);
    return EXIT.ok;
  } catch (e) {
    const d = describeError(e);
    if (d.code === EXIT.badInput) {
      io.stderr(d.lines.join('\n') + '\n');
      return d.code;
    }
    io.stderr(`error: could not write the report: ${d.lines.join('\n').replace(/^error: /, '')}\n`);
    return EXIT.failure;
  }
}

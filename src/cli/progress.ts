/**
 * Progress of a running experiment on stderr: a redrawn bar (cli-progress) on a terminal; plain lines —
 * one at the start, one every few seconds with counts, rate and ETA, one at the end — when stderr is not a
 * terminal (CI logs, a pipe, a batch job's log file), where a redrawn bar would be garbage.
 */
import cliProgress from 'cli-progress';
import type { ExperimentProgress } from '../experiment/index.js';
import type { CliIo } from './io.js';

/** A progress reporter: `update` from the experiment's callback, `stop` when it is done. */
export interface ProgressReporter {
  update(p: ExperimentProgress): void;
  stop(): void;
}

/** Seconds between two plain progress lines. */
export const PLAIN_PROGRESS_SECONDS = 5;

/** Options of {@link progressReporter}. */
export interface ProgressOptions {
  /** What the counts count (default "replicates"). */
  unit?: string;
  /** Seconds between plain lines (default {@link PLAIN_PROGRESS_SECONDS}). */
  everySeconds?: number;
  /** The clock in milliseconds (tests pass their own). */
  now?: () => number;
}

/** A duration as "42 s", "3 min 20 s" or "2 h 05 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Plain progress lines through `write`: at the start, at most one per `everySeconds`, and at the end. */
function plainReporter(write: (line: string) => void, label: string, o: ProgressOptions): ProgressReporter {
  const unit = o.unit ?? 'replicates';
  const every = (o.everySeconds ?? PLAIN_PROGRESS_SECONDS) * 1000;
  const now = o.now ?? Date.now;
  const started = now();
  let last = -Infinity;
  let latest: ExperimentProgress | undefined;
  let printedFinal = false;
  const line = (p: ExperimentProgress, final: boolean) => {
    const elapsed = (now() - started) / 1000;
    const pct = p.total ? Math.floor((100 * p.done) / p.total) : 100;
    const failed = p.failed ? `, ${p.failed} failed` : '';
    const resumed = p.skipped ? `, ${p.skipped} resumed` : '';
    if (final) return `${label}: ${p.done}/${p.total} ${unit} done${failed}${resumed} in ${formatDuration(elapsed)}`;
    const rate = p.done / Math.max(1e-3, elapsed);
    const eta = p.done > 0 ? `; ETA ${formatDuration((p.total - p.done) / rate)}` : '';
    return `${label}: ${p.done}/${p.total} ${unit} done (${pct}%)${failed}${resumed}; ${rate.toFixed(2)}/s${eta}`;
  };
  return {
    update(p) {
      latest = p;
      const t = now();
      if (last === -Infinity) {
        write(`${label}: ${p.total} ${unit} to run${p.skipped ? ` (${p.skipped} resumed from earlier parts)` : ''}`);
        last = t;
        return;
      }
      if (p.done === p.total) {
        if (!printedFinal) write(line(p, true));
        printedFinal = true;
        return;
      }
      if (t - last >= every) {
        write(line(p, false));
        last = t;
      }
    },
    stop() {
      if (latest && !printedFinal && latest.done > 0) write(line(latest, latest.done === latest.total));
    },
  };
}

/**
 * The reporter for `io`: a bar on its progress stream (a terminal), plain lines on its stderr when stderr
 * is known not to be a terminal (`stderrIsTTY: false`), nothing for `undefined` (`--quiet`) or an io that
 * does not say.
 */
export function progressReporter(io: Pick<CliIo, 'stderr' | 'stderrIsTTY' | 'progressStream'> | undefined, label: string, options: ProgressOptions = {}): ProgressReporter {
  if (!io) return { update() {}, stop() {} };
  const stream = io.progressStream;
  if (!stream) {
    // Plain lines only where stderr is known not to be a terminal (an io that does not say: no progress).
    if (io.stderrIsTTY !== false) return { update() {}, stop() {} };
    return plainReporter((l) => io.stderr(`${l}\n`), label, options);
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} ${options.unit ?? 'replicates'} | {rate}/s | ETA {eta_formatted} {failedText}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(p) {
      const rate = p.done / Math.max(1e-3, (Date.now() - started) / 1000);
      const payload = { rate: rate.toFixed(1), failedText: p.failed ? `| ${p.failed} failed` : '' };
      if (!running) {
        bar.start(p.total, p.done, payload);
        running = true;
      } else bar.update(p.done, payload);
    },
    stop() {
      if (running) bar.stop();
    },
  };
}

/**
 * Runs `run` with progress on `io` (see {@link progressReporter}) labelled `label` (plus "K/N" for a shard),
 * stopping it whatever happens; `run` gets the callback to pass as `onProgress`.
 */
export async function withProgress<T>(
  io: Pick<CliIo, 'stderr' | 'stderrIsTTY' | 'progressStream'> | undefined,
  label: string,
  shard: { index: number; count: number } | undefined,
  run: (onProgress: (p: ExperimentProgress) => void) => Promise<T>,
  options: ProgressOptions = {},
): Promise<T> {
  const progress = progressReporter(io, shard ? `${label} ${shard.index}/${shard.count}` : label, options);
  try {
    return await run((p) => progress.update(p));
  } finally {
    progress.stop();
  }
}

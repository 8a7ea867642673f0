/** A progress bar (cli-progress) for ensembles: replicates done, rate and ETA, on a terminal only. */
import cliProgress from 'cli-progress';
import type { ExperimentProgress } from '../experiment/index.js';

/** A progress reporter: `update` from the experiment's callback, `stop` when it is done. */
export interface ProgressReporter {
  update(p: ExperimentProgress): void;
  stop(): void;
}

/** A bar on `stream` (a TTY), or a reporter that does nothing when `stream` is undefined. */
export function progressReporter(stream: NodeJS.WriteStream | undefined, label: string): ProgressReporter {
  if (!stream) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} replicates | {rate}/s | ETA {eta_formatted} {failedText}`,
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
 * Runs `run` with a progress bar on `stream` labelled `label` (plus "K/N" for a shard), stopping the bar
 * whatever happens; `run` gets the callback to pass as `onProgress`.
 */
export async function withProgress<T>(
  stream: NodeJS.WriteStream | undefined,
  label: string,
  shard: { index: number; count: number } | undefined,
  run: (onProgress: (p: ExperimentProgress) => void) => Promise<T>,
): Promise<T> {
  const progress = progressReporter(stream, shard ? `${label} ${shard.index}/${shard.count}` : label);
  try {
    return await run((p) => progress.update(p));
  } finally {
    progress.stop();
  }
}

/**
 * One replicate of one scenario split across worker threads by villages (for the province-scale run).
 * Villages [0, N) are cut into contiguous chunks; each worker runs a chunk with the global stream keys
 * (core `groupOffset`) and sends back every year's per-village metric values; this thread folds them in
 * village order with the core's running aggregates, so the rows are byte-identical whatever the number
 * of workers or chunks — and identical to an unsplit run of the same scenario and replicate, with the structure
 * quota: per-member; under the county plan (the default) each chunk allocates its own plan (issue 14: a known limitation).
 */
import { Worker } from 'node:worker_threads';
import { finishAggregate, foldAggregate, startAggregate, type AggregateState, type GroupValues } from '../core/metrics.js';
import type { SeriesRow } from '../core/rows.js';
import { selectMetrics } from '../core/run.js';
import { METRICS } from '../model/metrics.js';
import type { Scenario } from '../scenario/types.js';
import { compiledSibling } from '../experiment/compiled.js';
import { replicateRunOptions } from '../experiment/run-model-replicate.js';

/** Options of {@link runSplit}. */
export interface SplitRunOptions {
  /** Worker threads (default 1). Never changes the rows. */
  workers?: number;
  /** Contiguous chunks of villages (default 4 per worker, at most one per village). Never changes the rows. */
  chunks?: number;
  /** Replicate number (default 0). */
  replicate?: number;
  /** Only these metrics (default all). */
  metrics?: readonly string[];
  /** Called when a chunk is done. */
  onChunk?: (done: number, total: number) => void;
}

/** What {@link runSplit} returns. */
export interface SplitRunResult {
  /** Tidy rows, as `run` gives them for the whole county. */
  rows: SeriesRow[];
  /** Random draws of the yearly steps, all chunks. */
  draws: number;
  /** Registered villagers at the start. */
  agents: number;
  /** Villages. */
  villages: number;
  /** Workers used. */
  workers: number;
  /** Chunks used. */
  chunks: number;
}

/** One chunk of work (sent to a worker). */
export interface SplitChunkTask {
  id: number;
  scenario: Scenario;
  replicate: number;
  from: number;
  to: number;
  metrics?: readonly string[];
}

/** A worker's answer for one chunk. */
export interface SplitChunkResult {
  id: number;
  /** Per-year (0..years) group values of the chunk's villages, in village order. */
  groups: GroupValues[];
  draws: number;
  agents: number;
  seconds: number;
}

/** The village ranges [from, to) of `chunks` contiguous chunks of `villages` villages (sizes differ by at most 1). */
export function splitRanges(villages: number, chunks: number): [number, number][] {
  const k = Math.max(1, Math.min(chunks, villages));
  const out: [number, number][] = [];
  for (let c = 0; c < k; c++) out.push([Math.floor((c * villages) / k), Math.floor(((c + 1) * villages) / k)]);
  return out;
}

/** Runs one replicate of `scenario` split by villages across worker threads; rows independent of workers and chunks. */
export async function runSplit(scenario: Scenario, options: SplitRunOptions = {}): Promise<SplitRunResult> {
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`workers must be an integer ≥ 1, found ${workers}`);
  const villages = scenario.county.villages;
  const ranges = splitRanges(villages, options.chunks ?? workers * 4);
  const replicate = options.replicate ?? 0;
  const runOptions = replicateRunOptions(scenario, replicate, options.metrics);
  const metrics = selectMetrics(METRICS, options.metrics);
  const years = scenario.years;
  const startYear = runOptions.startYear;
  const states: AggregateState[][] = [];
  for (let t = 0; t <= years; t++) states.push(metrics.map((m) => startAggregate(m.aggregate)));

  // Results may arrive out of order; fold them strictly in chunk (= village) order.
  const pending = new Map<number, SplitChunkResult>();
  let nextToFold = 0;
  let draws = 0;
  let agents = 0;
  let done = 0;
  const fold = () => {
    for (let r = pending.get(nextToFold); r; r = pending.get(nextToFold)) {
      pending.delete(nextToFold);
      if (r.groups.length !== years + 1) throw new Error(`chunk ${r.id} returned ${r.groups.length} years, expected ${years + 1}`);
      for (let t = 0; t <= years; t++) {
        const g = r.groups[t];
        for (let k = 0; k < metrics.length; k++) foldAggregate(metrics[k].aggregate, states[t][k], g.values[k], g.weights[k]);
      }
      draws += r.draws;
      agents += r.agents;
      nextToFold++;
    }
  };

  const url = new URL(compiledSibling(import.meta.url, 'split-worker'));
  const n = Math.min(workers, ranges.length);
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let failed = false;
      const give = (w: Worker) => {
        if (next >= ranges.length) return;
        const id = next++;
        const [from, to] = ranges[id];
        const task: SplitChunkTask = { id, scenario, replicate, from, to, metrics: options.metrics };
        w.postMessage(task);
      };
      for (let i = 0; i < n; i++) {
        const w = new Worker(url);
        pool.push(w);
        w.on('message', (msg: { ok: true; result: SplitChunkResult } | { ok: false; id: number; error: string }) => {
          if (failed) return;
          if (!msg.ok) {
            failed = true;
            reject(new Error(`chunk ${msg.id} failed: ${msg.error}`));
            return;
          }
          pending.set(msg.result.id, msg.result);
          try {
            fold();
          } catch (e) {
            failed = true;
            reject(e);
            return;
          }
          done++;
          options.onChunk?.(done, ranges.length);
          if (done === ranges.length) resolve();
          else give(w);
        });
        w.on('error', (e) => {
          if (!failed) {
            failed = true;
            reject(e);
          }
        });
        w.on('exit', (code) => {
          if (!failed && done < ranges.length && code !== 0) {
            failed = true;
            reject(new Error(`split worker exited with code ${code}`));
          }
        });
        give(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }

  const rows: SeriesRow[] = [];
  const scenarioName = runOptions.scenario ?? scenario.name;
  const seed = runOptions.seed >>> 0;
  for (let t = 0; t <= years; t++) {
    for (let k = 0; k < metrics.length; k++) {
      rows.push({
        scenario: scenarioName,
        replicate,
        seed,
        year: startYear + t,
        metric: metrics[k].name,
        value: finishAggregate(metrics[k].aggregate, states[t][k]),
      });
    }
  }
  return { rows, draws, agents, villages, workers: n, chunks: ranges.length };
}

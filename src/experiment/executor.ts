/**
 * Runs replicate tasks in process (one worker) or on a piscina pool of worker threads. Piscina gives a
 * bounded thread pool with a task queue, per-task promise rejection for a throwing replicate (the pool
 * survives), and replaces a crashed thread — what plain worker_threads would need hand-written.
 * Completion order varies; callers place results by (unit, replicate), never by arrival.
 */
import { availableParallelism, freemem } from 'node:os';
import { Piscina } from 'piscina';
import type { ModelFactory, SplitRunner } from './binding.js';
import { compiledSibling } from './compiled.js';
import { EnvironmentError } from './errors.js';
import { executeSplitTask, executeTask, type ReplicateTask, type WorkerResult } from './task.js';

/** Outcome of one task. */
export type TaskOutcome = { ok: true; csv: string } | { ok: false; error: string };

/** Options of {@link executeTasks}. */
export interface ExecuteOptions {
  /** Worker threads (1: run in this thread with `factory`; more: every task must name its worker module). */
  workers: number;
  /** The model factory for runs in this thread. */
  factory: ModelFactory;
  /** Called as each task finishes, in completion order. */
  onOutcome: (index: number, outcome: TaskOutcome) => void | Promise<void>;
  /**
   * Large replicates: the tasks `applies` picks run first, one at a time in this thread's order, each split
   * across `workers` threads by `runner` (the other tasks then run as usual).
   */
  split?: { runner: SplitRunner; workers: number; applies: (task: ReplicateTask) => boolean };
}

/**
 * Memory assumed per worker thread when capping `workers`: a thread's own V8 heap, the modules it loads and
 * one replicate's state. The talent model on its default 36-village county peaks at 179 MB resident with
 * one worker and 369 MB with two (`/usr/bin/time -v talentsim run baseline --years 5 --replicates 4
 * --workers N`), about 190 MB a thread; this leaves headroom.
 */
export const WORKER_MEMORY_BYTES = 256 * 2 ** 20;

/** The most worker threads worth starting: the CPU cores, and what the free memory holds at {@link WORKER_MEMORY_BYTES} each. */
export function workerCeiling(): { cores: number; memory: number } {
  const constrained = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0;
  const free = constrained && constrained > 0 ? Math.min(freemem(), Math.max(0, constrained - process.memoryUsage().rss)) : freemem();
  return { cores: availableParallelism(), memory: Math.max(1, Math.floor(free / WORKER_MEMORY_BYTES)) };
}

/**
 * The worker threads to start for `tasks` tasks when `requested` are asked for: at most one per task, per
 * CPU core and per {@link WORKER_MEMORY_BYTES} of free memory. A warning says so when an explicit request
 * (`explicit`) is cut by the cores or the memory (not merely by the task count). Results never depend on it.
 */
export function plannedWorkers(requested: number, tasks: number, explicit: boolean): { workers: number; warning?: string } {
  const wanted = Math.max(1, Math.min(requested, tasks));
  const { cores, memory } = workerCeiling();
  const workers = Math.max(1, Math.min(wanted, cores, memory));
  if (!explicit || workers >= wanted) return { workers };
  const why = memory < cores ? `the free memory holds about ${memory} at ${WORKER_MEMORY_BYTES / 2 ** 20} MiB each` : `this machine has ${cores} CPU core(s); more threads only use more memory`;
  return { workers, warning: `workers: ${requested} asked for, using ${workers} (${why}); results do not depend on it` };
}

function message(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/**
 * Runs all tasks; never rejects for a failing task (it is reported as an outcome) — but a failure of the
 * machine ({@link EnvironmentError}: disk full, read-only…) stops the run and is thrown: no replicate can
 * succeed on a full disk, and it is not the model's failure.
 */
export async function executeTasks(tasks: readonly ReplicateTask[], options: ExecuteOptions): Promise<void> {
  const split = options.split;
  if (!split) return executeQueued(tasks, options);
  const rest: number[] = [];
  for (let i = 0; i < tasks.length; i++) {
    if (!split.applies(tasks[i])) {
      rest.push(i);
      continue;
    }
    let outcome: TaskOutcome;
    try {
      outcome = { ok: true, csv: await executeSplitTask(tasks[i], split.runner, split.workers) };
    } catch (e) {
      if (e instanceof EnvironmentError) throw e;
      outcome = { ok: false, error: message(e) };
    }
    await options.onOutcome(i, outcome);
  }
  await executeQueued(rest.map((i) => tasks[i]), { ...options, onOutcome: (j, outcome) => options.onOutcome(rest[j], outcome) });
}

/** Runs tasks in this thread (one worker) or on the pool. */
async function executeQueued(tasks: readonly ReplicateTask[], options: ExecuteOptions): Promise<void> {
  if (tasks.length === 0) return;
  const workers = Math.max(1, Math.min(options.workers, tasks.length));
  if (workers === 1) {
    for (let i = 0; i < tasks.length; i++) {
      let outcome: TaskOutcome;
      try {
        outcome = { ok: true, csv: await executeTask(tasks[i], options.factory) };
      } catch (e) {
        if (e instanceof EnvironmentError) throw e;
        outcome = { ok: false, error: message(e) };
      }
      await options.onOutcome(i, outcome);
      // Let timers, signals and progress output run between replicates.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  const pool = new Piscina({
    filename: compiledSibling(import.meta.url, 'worker'),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= pool.destroy());
  try {
    // Handlers run one at a time, so an async onOutcome never interleaves with another.
    let chain = Promise.resolve();
    let environment: EnvironmentError | undefined;
    const done = tasks.map((task, i) =>
      pool.run(task).then(
        (r: WorkerResult) => {
          if ('environment' in r) {
            if (!environment) {
              environment = EnvironmentError.fromData(r.environment);
              stop(); // the other tasks cannot write either: stop them now
            }
          } else if (!environment) chain = chain.then(() => options.onOutcome(i, { ok: true, csv: r.csv }));
        },
        (e: unknown) => {
          if (!environment) chain = chain.then(() => options.onOutcome(i, { ok: false, error: message(e) }));
        },
      ),
    );
    await Promise.all(done);
    await chain;
    if (environment) throw environment;
  } finally {
    await stop();
  }
}

/**
 * Runs replicate tasks in process (one worker) or on a piscina pool of worker threads. Piscina gives a
 * bounded thread pool with a task queue, per-task promise rejection for a throwing replicate (the pool
 * survives), and replaces a crashed thread — what plain worker_threads would need hand-written.
 * Completion order varies; callers place results by (unit, replicate), never by arrival.
 */
import { Piscina } from 'piscina';
import type { ModelFactory } from './binding.js';
import { compiledSibling } from './compiled.js';
import { executeTask, type ReplicateTask } from './task.js';

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
}

function message(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/** Runs all tasks; never rejects for a failing task (it is reported as an outcome). */
export async function executeTasks(tasks: readonly ReplicateTask[], options: ExecuteOptions): Promise<void> {
  if (tasks.length === 0) return;
  const workers = Math.max(1, Math.min(options.workers, tasks.length));
  if (workers === 1) {
    for (let i = 0; i < tasks.length; i++) {
      let outcome: TaskOutcome;
      try {
        outcome = { ok: true, csv: await executeTask(tasks[i], options.factory) };
      } catch (e) {
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
  try {
    // Handlers run one at a time, so an async onOutcome never interleaves with another.
    let chain = Promise.resolve();
    const done = tasks.map((task, i) =>
      pool.run(task).then(
        (csv: string) => (chain = chain.then(() => options.onOutcome(i, { ok: true, csv }))),
        (e: unknown) => (chain = chain.then(() => options.onOutcome(i, { ok: false, error: message(e) }))),
      ),
    );
    await Promise.all(done);
    await chain;
  } finally {
    await pool.destroy();
  }
}

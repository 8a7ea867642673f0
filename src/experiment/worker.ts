/**
 * The worker-thread entry (piscina): runs one replicate task with the model of its worker module and
 * returns its part CSV — or, when the machine failed (disk full, read-only…), that failure as data, so the
 * main thread stops the run instead of counting it as a failed replicate. Loaded compiled
 * (dist/experiment/worker.js): Node 20 worker threads cannot load TypeScript.
 */
import { EnvironmentError } from './errors.js';
import { executeTask, workerFactory, type ReplicateTask, type WorkerResult } from './task.js';

/** Runs one replicate task in this worker thread. */
export default async function runTask(task: ReplicateTask): Promise<WorkerResult> {
  if (!task.model) throw new Error('a worker task needs the module of its model');
  try {
    return { csv: await executeTask(task, await workerFactory(task.model)) };
  } catch (e) {
    if (e instanceof EnvironmentError) return { environment: e.toData() };
    throw e;
  }
}

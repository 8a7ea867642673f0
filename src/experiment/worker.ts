/**
 * The worker-thread entry (piscina): runs one replicate task with the model of its worker module and
 * returns its part CSV. Loaded compiled (dist/experiment/worker.js): Node 20 worker threads cannot load
 * TypeScript.
 */
import { executeTask, workerFactory, type ReplicateTask } from './task.js';

/** Runs one replicate task in this worker thread. */
export default async function runTask(task: ReplicateTask): Promise<string> {
  if (!task.model) throw new Error('a worker task needs the module of its model');
  return executeTask(task, await workerFactory(task.model));
}

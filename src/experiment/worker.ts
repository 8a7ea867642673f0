/**
 * The worker-thread entry (piscina): runs one replicate task and returns its part CSV. Loaded from
 * dist/experiment/worker.js — Node 20 worker threads cannot load TypeScript.
 */
import { executeTask, taskFactory, type ReplicateTask } from './task.js';

/** Runs one replicate task in this worker thread. */
export default async function runTask(task: ReplicateTask): Promise<string> {
  return executeTask(task, await taskFactory(task));
}

/**
 * The worker-thread entry of {@link runSplit}: runs villages [from, to) of one replicate of a scenario
 * (streams keyed by global village numbers) and sends back every year's per-village metric values.
 * Loaded compiled (dist/talent/split-worker.js): Node 20 worker threads cannot load TypeScript.
 */
import { parentPort } from 'node:worker_threads';
import { run } from '../core/run.js';
import { talentModel } from '../model/model.js';
import { compileScenario } from '../scenario/compile.js';
import type { County } from '../model/county.js';
import { replicateRunOptions } from '../experiment/run-model-replicate.js';
import type { SplitChunkResult, SplitChunkTask } from './split-run.js';

/** Runs one chunk of villages; the result's arrays are transferable. */
export function runSplitChunk(task: SplitChunkTask): SplitChunkResult {
  const model = talentModel(compileScenario(task.scenario), { villages: [task.from, task.to] });
  let agents = 0;
  const countAgents = (county: County, _year: number, t: number) => {
    if (t === 0) for (const v of county.villages) agents += v.people.count;
  };
  const options = replicateRunOptions(task.scenario, task.replicate, task.metrics);
  const started = performance.now();
  const result = run(model, { ...options, groupOffset: task.from, keepGroups: true, onYear: countAgents });
  return {
    id: task.id,
    groups: result.groups ?? [],
    draws: result.draws,
    agents,
    seconds: (performance.now() - started) / 1000,
  };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (task: SplitChunkTask) => {
    try {
      const out = runSplitChunk(task);
      const transfer: ArrayBuffer[] = [];
      for (const g of out.groups) {
        for (const a of g.values) transfer.push(a.buffer as ArrayBuffer);
        for (const a of g.weights) transfer.push(a.buffer as ArrayBuffer);
      }
      port.postMessage({ ok: true, result: out }, transfer);
    } catch (e) {
      port.postMessage({ ok: false, id: task.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}

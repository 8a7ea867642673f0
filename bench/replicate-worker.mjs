// Worker thread of the workerSpeedup measurement: runs one replicate of the default county per message.
import { parentPort } from 'node:worker_threads';
import { countyInputs, timedRun, VILLAGE_SIZE } from './lib.mjs';

parentPort.on('message', ({ agents, years, seed }) => {
  const r = timedRun(countyInputs(agents ?? VILLAGE_SIZE * 36), years, seed);
  parentPort.postMessage({ agents: r.agents, years, draws: r.draws });
});

// The province run: scenarios/guangxi.yaml (≈23M villagers, 14,000 villages, 30 years), one replicate
// split by villages across worker threads. Prints one JSON object. `--workers N` (default: available
// parallelism), `--chunks N` (default 32 per worker, so the last chunks do not leave a worker idle for long), `--quick` (3 years, for a smoke test).
import { availableParallelism } from 'node:os';
import { loadScenario } from '../dist/scenario/index.js';
import { runSplit } from '../dist/talent/split-run.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const workers = opt('--workers', availableParallelism());
const chunks = opt("--chunks", workers * 32);
let scenario = loadScenario(new URL('../scenarios/guangxi.yaml', import.meta.url).pathname);
if (args.includes('--quick')) scenario = { ...scenario, years: 3 };
const t0 = performance.now();
const res = await runSplit(scenario, {
  workers,
  chunks,
  onChunk: (done, total) => process.stderr.write(`\r  chunk ${done}/${total} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
});
const seconds = (performance.now() - t0) / 1000;
process.stderr.write('\n');
console.log(
  JSON.stringify({
    agents: res.agents,
    villages: res.villages,
    years: scenario.years,
    seconds,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    workers: res.workers,
    chunks: res.chunks,
    draws: res.draws,
    agentYearsPerSecond: (res.agents * scenario.years) / seconds,
  }),
);

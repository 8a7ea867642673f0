// Times the creation of a county of N villagers (profiling aid): node bench/create-time.mjs 300000
import { countyInputs, timedRun } from './lib.mjs';
const n = Number(process.argv[2] ?? 300000);
timedRun(countyInputs(20000), 0);
const t0 = performance.now();
const c0 = process.cpuUsage();
const r = timedRun(countyInputs(n), 0);
console.log(`create ${r.agents} villagers: ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${(process.cpuUsage(c0).user / 1e6).toFixed(2)} s CPU`);

// A benchmark measurement in a fresh process (memory and scaling): prints one JSON object.
//   node --expose-gc bench/child.mjs memory <agents> <years>
//   node bench/child.mjs scaling <agents> <years>
import { countyInputs, timedRun } from './lib.mjs';

const [task, agentsArg, yearsArg] = process.argv.slice(2);
const target = Number(agentsArg);
const years = Number(yearsArg);
const mem = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

if (task === 'memory') {
  // Baseline: the library loaded, no county yet. Peak: sampled after every simulated year (no forced GC,
  // so garbage not yet collected counts too).
  globalThis.gc?.();
  const baseline = mem();
  let peak = baseline;
  const r = timedRun(countyInputs(target), years, 1, () => {
    peak = Math.max(peak, mem());
  });
  console.log(
    JSON.stringify({
      agents: r.agents,
      years,
      baselineBytes: baseline,
      peakBytes: peak,
      bytesPerAgent: (peak - baseline) / r.agents,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    }),
  );
} else if (task === 'scaling') {
  // Warm the JIT on a small county first, so the measured years run optimised code as in a long run.
  timedRun(countyInputs(20_000), 10, 99);
  const r = timedRun(countyInputs(target), years);
  console.log(JSON.stringify({ agents: r.agents, years, wall: r.wall, cpu: r.cpu, draws: r.draws, agentYearsPerSecond: (r.agents * years) / r.wall, agentYearsPerCpuSecond: (r.agents * years) / r.cpu }));
} else {
  throw new Error(`unknown task ${task}`);
}

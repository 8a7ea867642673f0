// Speed of the calibration's simulator: runs per second of the hindcast county (scenarios/hindcast-2010.yaml,
// 2010-2024) through the calibration's own path (design runs of points with their own seeds, R replicates each,
// the hindcast statistics computed per replicate), on 1 and 2 worker threads, and the time a 2,000-run wave
// takes on 2 cores (projected from the 2-worker rate; `--wave` runs a real one). One JSON line on stdout.
// `node bench/hindcast.mjs [--points N] [--wave] [--quick]`; part of `npm run bench`. Needs `npm run build`.
import { loadavg } from 'node:os';
import { loadScenario } from '../dist/scenario/index.js';
import { evaluateHindcast } from '../dist/talent/calibration/hindcast.js';
import { CALIBRATION_DEFAULTS } from '../dist/talent/calibration/calibrate.js';
import { parameterFactors } from '../dist/talent/parameter-factors.js';
import { assumptionParameters } from '../dist/talent/calibration/calibrate.js';
import { latinHypercube } from '../dist/experiment/sensitivity/lhs.js';
import { pointValues } from '../dist/experiment/sensitivity/factor.js';
import { streamFor } from '../dist/core/random.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wave = args.includes('--wave');
const at = args.indexOf('--points');
const WAVE = 2000;
const points = wave ? WAVE : at >= 0 ? Number(args[at + 1]) : quick ? 6 : 40;
const R = CALIBRATION_DEFAULTS.replicates;
const scenario = loadScenario('hindcast-2010');
// Points of the prior, as a calibration's first wave draws them (Latin hypercube over the assumption parameters).
const factors = parameterFactors(assumptionParameters());
const design = latinHypercube(factors, points, streamFor(['bench-hindcast', 1])).map((row) => pointValues(factors, row));

async function measure(workers, list) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await evaluateHindcast(list, { scenario, replicates: R, workers, keyPrefix: 'bench', seedPerPoint: true });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { points: list.length, replicates: R, wall, mainThreadCpu: (c.user + c.system) / 1e6 };
}

// Warm-up (JIT, module loading), then 1 worker (in this thread) and 2 worker threads on the same points.
await measure(1, design.slice(0, Math.min(2, design.length)));
const one = wave ? null : await measure(1, design);
const two = await measure(2, design);
const runsPerSecond1 = one ? one.points / one.wall : null;
const runsPerSecond2 = two.points / two.wall;
const villagers = scenario.county.population;
console.log(JSON.stringify({
  county: { villages: scenario.county.villages, registered: villagers, years: scenario.years, startYear: scenario.startYear },
  replicatesPerRun: R,
  points,
  oneWorker: one && { ...one, runsPerSecond: runsPerSecond1, runsPerCpuSecond: one.points / one.mainThreadCpu },
  twoWorkers: { ...two, runsPerSecond: runsPerSecond2 },
  speedup: runsPerSecond1 ? runsPerSecond2 / runsPerSecond1 : null,
  waveSeconds2Workers: wave ? two.wall : WAVE / runsPerSecond2,
  // what two unloaded cores need: the one-core CPU time per run, halved (the wall figures above include
  // whatever else the machine was running; see loadavg1)
  waveSecondsCpu2Cores: one ? WAVE / (2 * (one.points / one.mainThreadCpu)) : null,
  waveMeasured: wave,
  loadavg1: loadavg()[0],
}));

// The history-matching algorithm's own cost, without a simulator: `node bench/calibration-overhead.mjs`
// (needs `npm run build`). A synthetic stochastic "simulator" that costs nothing (80 parameters, 15 targets,
// each a nonlinear function of 3 parameters plus noise over R = 10 replicates) stands in for the model, so
// every second measured is design, emulator fitting, region sampling, subset selection and summaries.
// Prints wall and CPU seconds of the algorithm between simulator calls, per wave, as one JSON object with
// --json. Options: --runs N (per wave, default 2000), --waves N (default 4), --parameters N (80), --targets N (15).
import { historyMatch, targetFromInterval } from '../dist/experiment/calibration/index.js';
import { normal, streamFor } from '../dist/core/random.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const json = args.includes('--json');
const RUNS = opt('runs', 2000);
const WAVES = opt('waves', 4);
const P = opt('parameters', 80);
const K = opt('targets', 15);
const R = 10;

const parameters = Array.from({ length: P }, (_, j) => ({ name: `p${j}`, min: 0, max: 1 }));
// target k depends on parameters k, k + 15 and k + 31 (mod P): linear, quadratic and periodic
const expected = (x, k) => x[k % P] + 0.5 * x[(k + 15) % P] ** 2 + 0.3 * Math.sin(3 * x[(k + 31) % P]) + 0.1 * x[k % P] * x[(k + 15) % P];
const truth = Array.from({ length: P }, (_, j) => 0.3 + (0.4 * ((j * 7) % 10)) / 10);
const problem = {
  parameters,
  targets: Array.from({ length: K }, (_, k) => targetFromInterval({ name: `t${k}`, low: expected(truth, k) - 0.08, high: expected(truth, k) + 0.08, discrepancySd: 0.02 })),
};
const noise = streamFor(['calibration-overhead', 'noise']);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const marks = [];
const evaluate = async (points, request) => {
  marks.push({ at: 'start', wave: request.wave, purpose: request.purpose, wall: performance.now() / 1000, cpu: cpu() });
  const out = points.map((p) => {
    const x = parameters.map((f) => p[f.name]);
    const mean = {};
    const variance = {};
    for (let k = 0; k < K; k++) {
      mean[`t${k}`] = expected(x, k) + normal(noise, 0, 0.03 / Math.sqrt(R));
      variance[`t${k}`] = 0.03 ** 2;
    }
    return { replicates: R, mean, variance };
  });
  marks.push({ at: 'end', wall: performance.now() / 1000, cpu: cpu() });
  return out;
};

const t0 = { wall: performance.now() / 1000, cpu: cpu() };
const result = await historyMatch(problem, evaluate, { seed: 1, runsPerWave: RUNS, maxWaves: WAVES, minShrink: 0 });
const t1 = { wall: performance.now() / 1000, cpu: cpu() };

// algorithm time before each simulator call (wave k: wave k−1's diagnostics, then wave k's emulators,
// region sampling and design), and after the last one (summaries, representatives)
const phases = [];
let last = t0;
for (let i = 0; i < marks.length; i += 2) {
  const start = marks[i];
  phases.push({ before: `${start.purpose} ${start.wave}`, wall: start.wall - last.wall, cpu: start.cpu - last.cpu });
  last = marks[i + 1];
}
phases.push({ before: 'result', wall: t1.wall - last.wall, cpu: t1.cpu - last.cpu });
const total = phases.reduce((a, p) => ({ wall: a.wall + p.wall, cpu: a.cpu + p.cpu }), { wall: 0, cpu: 0 });
const report = {
  parameters: P,
  targets: K,
  runsPerWave: RUNS,
  waves: result.waves.map((w) => ({ wave: w.wave, runs: w.runs, nonImplausible: w.nonImplausible, samplerEvaluations: w.screen?.evaluations ?? 0, samplerLevels: w.screen?.levels ?? 0 })),
  phases: phases.map((p) => ({ before: p.before, wall_s: +p.wall.toFixed(3), cpu_s: +p.cpu.toFixed(3) })),
  total: { wall_s: +total.wall.toFixed(3), cpu_s: +total.cpu.toFixed(3) },
};
if (json) console.log(JSON.stringify(report));
else {
  console.log(`history matching overhead: ${P} parameters, ${K} targets, ${RUNS} runs per wave, ${result.waves.length} waves`);
  for (const w of report.waves) console.log(`  wave ${w.wave}: ${w.runs} runs, ${w.nonImplausible} non-implausible, sampler ${w.samplerLevels} levels / ${w.samplerEvaluations} emulator evaluations`);
  for (const p of report.phases) console.log(`  before ${p.before.padEnd(18)} ${p.wall_s.toFixed(2).padStart(7)} s wall ${p.cpu_s.toFixed(2).padStart(7)} s CPU`);
  console.log(`  total algorithm time          ${report.total.wall_s.toFixed(2).padStart(7)} s wall ${report.total.cpu_s.toFixed(2).padStart(7)} s CPU`);
}

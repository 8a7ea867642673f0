// talentsim benchmark: `npm run bench` (table) or `npm run bench -- --json` (one JSON object);
// the calibration's simulator speed is bench/hindcast.mjs (also alone: `node bench/hindcast.mjs --wave`);
// `--province` adds the Guangxi run (scenarios/guangxi.yaml split across worker threads), by the library
// (bench/province.mjs) and by the CLI (`talentsim run`), one after the other; `--quick` shortens every
// measurement (for a smoke test, not for reporting); `--startup` measures only the CLI's start-up times
// (bench/startup.mjs). Needs a current build (`npm run build`).
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { countyInputs, kernelRun, median, timedRun, VILLAGE_SIZE } from './lib.mjs';
import { printStartup, provinceCli, startupRows, startupTimes } from './startup.mjs';
import { defaultInputs } from '../dist/model/index.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
if (args.includes('--startup')) {
  const startup = startupTimes({ runs: args.includes('--quick') ? 2 : 5, log: json ? () => {} : console.error });
  if (json) console.log(JSON.stringify({ startup }, null, 2));
  else printStartup(startup);
  process.exit(0);
}
const province = args.includes('--province');
const quick = args.includes('--quick');
const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const log = (...a) => {
  if (!json) console.error(...a);
};

/** Runs a child measurement and parses its JSON line. */
function child(task, agents, years, nodeArgs = []) {
  const out = execFileSync(process.execPath, [...nodeArgs, here('./child.mjs'), task, String(agents), String(years)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop());
}

// 1. The default county, one replicate, one core, warm: median of several runs (steps only).
const YEARS = 30;
const RUNS = quick ? 2 : 5;
log('default county: warming up ...');
timedRun(defaultInputs(), quick ? 5 : 30, 99);
const runs = [];
for (let r = 0; r < RUNS; r++) {
  const x = timedRun(defaultInputs(), YEARS, 1);
  runs.push(x);
  log(`  run ${r + 1}/${RUNS}: ${x.wall.toFixed(3)} s wall, ${x.cpu.toFixed(3)} s CPU`);
}
const agents = runs[0].agents;
const agentYears = agents * YEARS;
const agentYearsPerSecond = agentYears / median(runs.map((x) => x.wall));
const agentYearsPerCpuSecond = agentYears / median(runs.map((x) => x.cpu));
const drawsPerAgentYear = runs[0].draws / agentYears;

// 2. The kernel over the same typed arrays (the state of a fresh default county), same number of draws.
log('kernel ...');
const kstate = timedRun(defaultInputs(), 0, 1).state;
kernelRun(kstate, 5, drawsPerAgentYear);
const kruns = [];
for (let r = 0; r < RUNS; r++) kruns.push(kernelRun(kstate, YEARS, drawsPerAgentYear));
const kernelAgentYearsPerSecond = kruns[0].agentYears / median(kruns.map((x) => x.wall));
const kernelAgentYearsPerCpuSecond = kruns[0].agentYears / median(kruns.map((x) => x.cpu));

// 3. Memory of a 1M-villager county, in a fresh process.
log('memory (1M villagers) ...');
const memory = child('memory', quick ? 200_000 : 1_000_000, quick ? 2 : 5, ['--expose-gc']);

// 4. Scaling, each point in a fresh process (fewer years for the big counties).
const points = quick
  ? [[10_000, 10], [100_000, 3]]
  : [[10_000, 30], [100_000, 20], [1_000_000, 5], [10_000_000, 2]];
const scaling = [];
for (const [n, years] of points) {
  log(`scaling ${n.toLocaleString('en')} villagers, ${years} years ...`);
  const s = child('scaling', n, years);
  scaling.push({ agents: s.agents, years, agentYearsPerSecond: s.agentYearsPerSecond, agentYearsPerCpuSecond: s.agentYearsPerCpuSecond });
}
const at = (n) => scaling.find((s) => Math.abs(s.agents - n) / n < 0.2);
const linearity = at(10_000_000) && at(100_000) ? at(10_000_000).agentYearsPerSecond / at(100_000).agentYearsPerSecond : null;

// 5. Worker speedup: replicates of the default county on warm worker threads, 2 workers vs 1.
async function throughput(workers, replicates, years) {
  const pool = Array.from({ length: workers }, () => new Worker(here('./replicate-worker.mjs')));
  const once = (w, msg) => new Promise((res, rej) => { w.once('message', res); w.once('error', rej); w.postMessage(msg); });
  await Promise.all(pool.map((w, i) => once(w, { years: quick ? 3 : 10, seed: 900 + i }))); // warm-up (start-up excluded)
  const t0 = performance.now();
  let next = 0;
  await Promise.all(pool.map(async (w) => {
    while (next < replicates) {
      const r = next++;
      await once(w, { years, seed: r + 1 });
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(pool.map((w) => w.terminate()));
  return replicates / seconds;
}
log('worker speedup ...');
const reps = quick ? 2 : 6;
const wyears = quick ? 5 : 30;
const thr1 = await throughput(1, reps, wyears);
const thr2 = await throughput(2, reps, wyears);
const workerSpeedup = thr2 / thr1;

// 6. The calibration's simulator: runs/s of the hindcast county, and a 2,000-run wave on 2 cores.
log('hindcast county (calibration runs) ...');
const hindcast = JSON.parse(
  execFileSync(process.execPath, [here('./hindcast.mjs'), ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] })
    .trim().split('\n').pop(),
);

// 7. Start-up of the CLI: whole processes, the minimum of several runs each.
log('start-up (CLI processes) ...');
const startup = startupTimes({ runs: quick ? 2 : 5, log });

// 8. The province (optional): the library's split run, then the same run through `talentsim run`.
let provinceResult;
if (province) {
  log('province (scenarios/guangxi.yaml), bench/province.mjs ...');
  const out = execFileSync(process.execPath, [here('./province.mjs'), '--workers', '2', ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  provinceResult = JSON.parse(out.trim().split('\n').pop());
  log('province through the CLI (talentsim run scenarios/guangxi.yaml --workers 2) ...');
  provinceResult.cli = provinceCli({ years: provinceResult.years, workers: 2 });
  provinceResult.cliRatio = provinceResult.cli.seconds / provinceResult.seconds;
}

const result = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, availableParallelism: availableParallelism(), node: process.version, loadavg1: loadavg()[0] },
  agents,
  years: YEARS,
  agentYearsPerSecond,
  agentYearsPerCpuSecond,
  drawsPerAgentYear,
  kernelAgentYearsPerSecond,
  kernelAgentYearsPerCpuSecond,
  kernelRatio: kernelAgentYearsPerSecond / agentYearsPerSecond,
  kernelRatioCpu: kernelAgentYearsPerCpuSecond / agentYearsPerCpuSecond,
  bytesPerAgent: memory.bytesPerAgent,
  memory,
  scaling,
  scalingRatio10Mvs100k: linearity,
  workerSpeedup,
  workerThroughput: { oneWorker: thr1, twoWorkers: thr2, replicates: reps, years: wyears, unit: 'replicates/s' },
  hindcast,
  startup,
  ...(provinceResult ? { province: provinceResult } : {}),
};

if (json) console.log(JSON.stringify(result, null, 2));
else {
  const f = (x, d = 0) => (x === null || x === undefined ? '—' : Number(x).toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d }));
  const rows = [
    ['agent-years/s (default county, 1 core, wall)', f(agentYearsPerSecond), '≥ 3,000,000'],
    ['agent-years/s (CPU time)', f(agentYearsPerCpuSecond), ''],
    ['draws per agent-year', f(drawsPerAgentYear, 3), ''],
    ['kernel agent-years/s (wall)', f(kernelAgentYearsPerSecond), ''],
    ['kernel ratio (wall / CPU)', `${f(result.kernelRatio, 2)} / ${f(result.kernelRatioCpu, 2)}`, '≤ 4'],
    ['bytes per agent (1M county)', f(memory.bytesPerAgent, 1), '≤ 150'],
    ...scaling.map((s) => [`scaling ${f(s.agents)} agents, ${s.years} y (wall / CPU)`, `${f(s.agentYearsPerSecond)} / ${f(s.agentYearsPerCpuSecond)}`, '']),
    ['10M ÷ 100k agent-years/s', f(linearity, 2), '≥ 0.75'],
    ['worker speedup (2 vs 1)', f(workerSpeedup, 2), '≥ 1.8'],
    [`hindcast county runs/s (${f(hindcast.county.registered)} villagers, ${hindcast.replicatesPerRun} replicates; 1 / 2 workers)`, `${f(hindcast.oneWorker?.runsPerSecond, 2)} / ${f(hindcast.twoWorkers.runsPerSecond, 2)}`, ''],
    ['2,000-run calibration wave on 2 workers (s, wall / from 1-core CPU time)', `${f(hindcast.waveSeconds2Workers, 0)} / ${f(hindcast.waveSecondsCpu2Cores, 0)}`, '≤ 600'],
    ...startupRows(startup, f),
    ...(provinceResult
      ? [
          ['province seconds (bench/province.mjs, 2 workers)', f(provinceResult.seconds, 1), '≤ 180'],
          ['province peak RSS (GiB)', f(provinceResult.peakRssBytes / 2 ** 30, 2), '≤ 4'],
          ['province seconds through the CLI (talentsim run, 2 workers)', f(provinceResult.cli.seconds, 1), ''],
          ['  CLI ÷ bench/province.mjs', f(provinceResult.cliRatio, 2), '≤ 1.1'],
          ['  CLI peak RSS (GiB)', f(provinceResult.cli.peakRssBytes / 2 ** 30, 2), '≤ 1'],
        ]
      : []),
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`${'measure'.padEnd(w0)}  ${'value'.padStart(w1)}  target`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
  console.log(`(${result.machine.cpus} CPUs, ${result.machine.model}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)})`);
}

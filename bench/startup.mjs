// Start-up of the CLI, timed as whole processes (`npm run bench`, or alone: `npm run bench -- --startup`):
// `talentsim --version`, `validate` of a scenario without expressions (scenarios/baseline.yaml) and of one
// with an expression (scenarios/organizational-fortification.yaml: ramp(t, 0, 2)), and a 1-year,
// 1-replicate `run` of the default county, each the minimum of several runs after one warm-up (the
// machine is shared: the minimum is the least disturbed). Where /usr/bin/time exists, the CPU seconds
// (user + system) and peak RSS of the same runs are reported beside the wall seconds. Also the province
// through the CLI (`provinceCli`, for `--province`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'talentsim.js');
const TIME = '/usr/bin/time';

/** Start-up targets of issue 20 (wall seconds). */
export const STARTUP_TARGETS = { version: null, validate: 0.4, validateExpression: 0.6, run1Year: 0.8 };

/** One whole-process run of `node bin/talentsim.js ...args`: wall, CPU seconds and peak RSS (bytes; null without /usr/bin/time). */
export function timeCli(args, cwd = root) {
  const haveTime = existsSync(TIME);
  const dir = haveTime ? mkdtempSync(join(tmpdir(), 'talentsim-bench-')) : null;
  const file = dir ? join(dir, 'time.txt') : null;
  const command = haveTime ? [TIME, ['-f', '%U %S %M', '-o', file, process.execPath, bin, ...args]] : [process.execPath, [bin, ...args]];
  const t0 = performance.now();
  const r = spawnSync(command[0], command[1], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`talentsim ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  let cpu = null;
  let peakRssBytes = null;
  if (file) {
    const [user, sys, kb] = readFileSync(file, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpu = user + sys;
    peakRssBytes = kb * 1024;
    rmSync(dir, { recursive: true, force: true });
  }
  return { wall, cpu, peakRssBytes };
}

/** The minimum over `runs` runs (after one warm-up) of each figure. */
function best(args, runs) {
  timeCli(args);
  const xs = Array.from({ length: runs }, () => timeCli(args));
  const min = (k) => (xs[0][k] === null ? null : Math.round(Math.min(...xs.map((x) => x[k])) * 1000) / 1000);
  return { seconds: min('wall'), cpuSeconds: min('cpu'), peakRssBytes: min('peakRssBytes'), runs };
}

/** Start-up times of the CLI. */
export function startupTimes({ runs = 5, log = () => {} } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'talentsim-bench-run-'));
  try {
    const cases = {
      version: ['--version'],
      validate: ['validate', 'scenarios/baseline.yaml'],
      validateExpression: ['validate', 'scenarios/organizational-fortification.yaml'],
      run1Year: ['run', 'scenarios/baseline.yaml', '--years', '1', '--replicates', '1', '--workers', '1', '--quiet', '--out', join(out, 'run')],
    };
    const result = { targets: STARTUP_TARGETS };
    for (const [name, args] of Object.entries(cases)) {
      log(`  start-up: talentsim ${args.slice(0, 2).join(' ')} ...`);
      result[name] = best(args, runs);
    }
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Table rows of the start-up figures: [measure, value, target]. */
export function startupRows(startup, f) {
  const label = {
    version: 'start-up: talentsim --version (s wall / CPU)',
    validate: 'start-up: validate baseline.yaml, no expressions (s wall / CPU)',
    validateExpression: 'start-up: validate with an expression (s wall / CPU)',
    run1Year: 'start-up: run baseline, 1 year, 1 replicate (s wall / CPU)',
  };
  return Object.keys(label).map((k) => [
    label[k],
    `${f(startup[k].seconds, 2)} / ${f(startup[k].cpuSeconds, 2)}`,
    STARTUP_TARGETS[k] === null ? '' : `≤ ${STARTUP_TARGETS[k]}`,
  ]);
}

/** Prints the start-up figures as a table. */
export function printStartup(startup) {
  const f = (x, d = 0) => (x === null || x === undefined ? '—' : Number(x).toFixed(d));
  for (const [a, b, c] of startupRows(startup, f)) console.log(`${a.padEnd(66)} ${b.padStart(12)}  ${c}`);
}

/** `talentsim run scenarios/guangxi.yaml --replicates 1` through the CLI: wall seconds and peak RSS (all threads). */
export function provinceCli({ years, workers = 2 }) {
  const out = mkdtempSync(join(tmpdir(), 'talentsim-bench-province-'));
  try {
    const r = timeCli(['run', 'scenarios/guangxi.yaml', '--years', String(years), '--replicates', '1', '--workers', String(workers), '--quiet', '--out', join(out, 'run')]);
    return { seconds: r.wall, cpuSeconds: r.cpu, peakRssBytes: r.peakRssBytes, years, workers };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

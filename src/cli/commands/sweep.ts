/**
 * `sweep`: one scenario over a grid (`--grid PATH=VALUES`, repeatable: the Cartesian product) or a Latin
 * hypercube (`--lhs N --factor PATH[=LO:HI]`) of parameters, levers or any scenario path, each point run on
 * common random numbers and compared with the scenario as given (the `reference` point): sweep.csv and
 * sweep-summary.csv beside series.csv, resumable and shardable like every ensemble.
 */
import type { ExperimentResult } from '../../experiment/index.js';
import { defineCommand } from '../command.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { ensembleOptions, ensembleSettings, intOption, SCENARIO_POSITIONAL, scenarioBaseName } from '../options.js';
import { formatNumber } from '../table.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const library = () => import('../sweep-run.js');

/** Reads the values of one `--grid PATH=VALUES`: a comma-separated list, or `LO:HI:N` (N evenly spaced values, both ends included). */
export function parseGrid(text: string): { path: string; values: number[] } {
  const eq = text.indexOf('=');
  const path = eq < 0 ? '' : text.slice(0, eq).trim();
  const spec = eq < 0 ? '' : text.slice(eq + 1).trim();
  const bad = () => new UsageError(`--grid ${text}: expected PATH=V1,V2,... or PATH=LO:HI:N (N evenly spaced values from LO to HI), e.g. parameters.migrant_wage=40000,60000 or policies.care_relief=0:1:5`);
  if (!path || !spec) throw bad();
  const range = /^([^:]+):([^:]+):([^:]+)$/.exec(spec);
  if (range) {
    const [lo, hi, n] = range.slice(1).map(Number);
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isInteger(n) || n < 1) throw bad();
    const values = n === 1 ? [lo] : Array.from({ length: n }, (_, i) => Number((lo + ((hi - lo) * i) / (n - 1)).toPrecision(12)));
    return { path, values };
  }
  const values = spec.split(',').map((v) => Number(v.trim()));
  if (values.some((v, i) => !Number.isFinite(v) || spec.split(',')[i].trim() === '')) throw bad();
  return { path, values };
}

/** Reads one `--factor PATH[=LO:HI]`: the factor, with its range if given (else its declared range). */
export function parseFactor(text: string): { path: string; range?: [number, number] } {
  const eq = text.indexOf('=');
  if (eq < 0) return { path: text.trim() };
  const m = /^([^:]+):([^:]+)$/.exec(text.slice(eq + 1).trim());
  const lo = m ? Number(m[1]) : NaN;
  const hi = m ? Number(m[2]) : NaN;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) throw new UsageError(`--factor ${text}: expected PATH or PATH=LO:HI with LO < HI, e.g. parameters.migrant_wage=40000:60000`);
  return { path: text.slice(0, eq).trim(), range: [lo, hi] };
}

/** The first main outcome at each point's horizon: mean and paired difference to the reference. */
function sweepTable(result: ExperimentResult): string {
  const summary = result.summary;
  if (!summary) return '';
  const metric = result.plan.mainMetrics[0];
  const width = Math.max(10, ...summary.scenarios.map((s) => s.name.length)) + 2;
  const lines = [`${metric} at the horizon (mean; Δ = paired difference to the reference point, 95% CI)`];
  for (const s of summary.scenarios) {
    const o = s.outcomes[metric];
    if (!o) continue;
    const diff = o.diff === null || o.diff === undefined ? '' : `${formatNumber(o.diff, true)} [${formatNumber(o.diff_ci_low, true)}, ${formatNumber(o.diff_ci_high, true)}]`;
    lines.push(`  ${s.name.padEnd(width)}${formatNumber(o.mean).padEnd(12)}${diff}`.trimEnd());
  }
  return lines.join('\n');
}

/** Prints what a finished sweep wrote. */
function report(result: ExperimentResult, out: string, quiet: boolean, io: CliIo): number {
  if (!quiet) io.stdout(sweepTable(result) + '\n');
  io.stdout(`wrote ${result.files.join(', ')}\n`);
  if (result.failures.length) io.stderr(`${result.failures.length} replicate(s) failed; see ${out}/failures.json\n`);
  return result.failures.length ? EXIT.failure : EXIT.ok;
}

export default defineCommand({
  command: 'sweep <scenario>',
  describe: 'run a scenario over a grid or Latin hypercube of parameters and levers, each point compared with the scenario as given',
  builder: (y) =>
    ensembleOptions(y)
      .positional('scenario', SCENARIO_POSITIONAL)
      .option('grid', {
        type: 'string',
        array: true,
        describe: 'a factor and its values: PATH=V1,V2,... or PATH=LO:HI:N (repeatable; the points are all combinations), e.g. parameters.migrant_wage=40000,60000 policies.care_relief=0:1:5',
      })
      .option('lhs', { type: 'number', describe: 'instead of --grid: N points of a Latin hypercube over the --factor ranges' })
      .option('factor', { type: 'string', array: true, describe: 'with --lhs: PATH (its declared range) or PATH=LO:HI (repeatable)' })
      .option('lhs-seed', { type: 'number', describe: 'seed of the Latin hypercube (default 1; the runs use the scenario seed)' })
      .option('out', { type: 'string', describe: 'output directory (default out/sweep-<scenario>)' }),
  async run(a, { io, commandLine }) {
    const out = a.out ?? `out/sweep-${scenarioBaseName(a.scenario)}`;
    const grid = (a.grid ?? []).map(parseGrid);
    const factors = (a.factor ?? []).map(parseFactor);
    const lhs = intOption('lhs', a.lhs, 1, 1_000_000);
    if (grid.length && lhs !== undefined) throw new UsageError('give either --grid (a grid) or --lhs with --factor (a Latin hypercube), not both');
    if (!grid.length && lhs === undefined) throw new UsageError('give the points: --grid PATH=VALUES (repeatable) or --lhs N with --factor PATH[=LO:HI]');
    if (lhs !== undefined && !factors.length) throw new UsageError('--lhs needs at least one --factor PATH[=LO:HI]');
    if (grid.length && factors.length) throw new UsageError('--factor goes with --lhs; with --grid, give the values in --grid');
    const seen = new Set<string>();
    for (const f of [...grid, ...factors]) {
      if (seen.has(f.path)) throw new UsageError(`factor ${f.path} is given twice`);
      seen.add(f.path);
    }
    const { runSweep } = await library();
    const settings = ensembleSettings(a);
    const lhsSeed = intOption('lhs-seed', a.lhsSeed, 0, 0xffffffff);
    const result = await runSweep({ ...settings, scenario: a.scenario, out, grid, factors, lhs, lhsSeed, commandLine }, io);
    if (a.shard !== undefined) return result.failures.length ? EXIT.failure : EXIT.ok;
    return report(result, out, a.quiet, io);
  },
});

/** `sensitivity`: Morris or Sobol analysis of one scenario over the declared parameter ranges, with charts. */
import type { SensitivityRow } from '../../experiment/index.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { metricHelpFacts } from '../metric-help.js';
import { designOptions, intOption, SCENARIO_POSITIONAL, scenarioBaseName } from '../options.js';
import { formatNumber } from '../table.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const sensitivityApi = () => import('../../talent/experiments.js');
const chartsApi = () => import('../../report/sensitivity-charts.js');
const designRun = () => import('../design-run.js');

/** The estimators `--method` chooses from. */
const METHODS = ['morris', 'sobol'] as const;

/** Plain-text table of the top parameters per outcome (μ* for Morris, ST for Sobol) with 95% intervals. */
function driversTable(rows: readonly SensitivityRow[], top: number): string {
  const lines: string[] = [];
  const index = rows.some((r) => r.method === 'morris') ? 'mu_star' : 'ST';
  const label = index === 'mu_star' ? 'mu* (per full range)' : 'ST';
  for (const outcome of [...new Set(rows.map((r) => r.outcome))]) {
    const list = rows.filter((r) => r.outcome === outcome && r.index === index).sort((a, b) => b.value - a.value).slice(0, top);
    const of = list[0]?.effect_of ? ` (effect of ${list[0].effect_of}: pathway − baseline)` : '';
    lines.push(`${outcome}${of}: top ${list.length} by ${label}`);
    const w = Math.max(...list.map((r) => r.parameter.length)) + 2;
    for (const r of list) {
      const ci = r.ci_low === null ? '' : `  [${formatNumber(r.ci_low)}, ${formatNumber(r.ci_high)}]`;
      lines.push(`  ${r.parameter.padEnd(w)}${formatNumber(r.value)}${ci}`);
    }
  }
  return lines.join('\n');
}

export default defineCommand({
  command: 'sensitivity <scenario>',
  describe: 'global sensitivity (Morris or Sobol) of the horizon outcomes to the declared parameter ranges',
  builder: async (y, helpShown) =>
    designOptions(
      y,
      'per method: Morris — trajectories r (runs = r × (k + 1) for k parameters varied; default 10); ' +
        'Sobol — base sample N (runs = N × (k + 2); default 256). Each run is --replicates replicates; --effect-of doubles the runs',
      await metricHelpFacts(helpShown),
    )
      .positional('scenario', { ...SCENARIO_POSITIONAL, describe: 'built-in name or scenario file (the baseline with --effect-of)' })
      .option('effect-of', {
        type: 'string',
        describe: 'a pathway (built-in name or file): analyse its paired effect, pathway − SCENARIO at each design point (same seed and random numbers), not the level',
      })
      .option('allow-mismatch', { type: 'boolean', default: false, describe: 'with --effect-of: pair a pathway of another county, horizon or start year anyway' })
      .option('method', { type: 'string', choices: METHODS, default: METHODS[0], describe: 'Morris screening or Sobol indices' })
      .option('levels', { type: 'number', describe: 'Morris grid levels (even, default 4)' })
      .option('bootstrap', { type: 'number', describe: 'bootstrap resamples for the 95% intervals (default 1000)' })
      .option('top', { type: 'number', describe: 'parameters per outcome in the table and chart (default 10)' })
      .option('out', { type: 'string', describe: 'output directory (default out/sensitivity-<scenario>)' }),
  async run(a, { io, commandLine }) {
    const method = a.method;
    const out = a.out ?? `out/sensitivity-${scenarioBaseName(a.scenario)}`;
    const samples = intOption('samples', a.samples, method === 'sobol' ? 2 : 1, 1_000_000);
    const levels = intOption('levels', a.levels, 2, 1000, { even: true });
    const bootstrap = intOption('bootstrap', a.bootstrap, 0, 1_000_000);
    const top = intOption('top', a.top, 1, 10_000) ?? 10;
    const refs = a.effectOf !== undefined ? [a.scenario, a.effectOf] : [a.scenario];
    const [{ sensitivity }, { writeSensitivityCharts }, { runDesign }] = await Promise.all([sensitivityApi(), chartsApi(), designRun()]);
    return runDesign(
      a,
      { io, label: 'sensitivity', refs, out, commandLine },
      ([scenario, effectOf], common) => sensitivity(scenario, { ...common, method, samples, levels, bootstrap, effectOf, allowMismatch: a.allowMismatch }),
      async (result, shard) => {
        if (shard) {
          io.stdout(
            `shard ${shard.index}/${shard.count}: ${result.computed} of ${result.points} design points computed, ${result.skipped} resumed, parts in ${out}\n` +
              `when every shard is done, copy all parts/ into one directory and run the same command without --shard, with --resume, to compute the indices\n`,
          );
          return EXIT.ok;
        }
        const charts = await writeSensitivityCharts(out, result.rows, { top });
        if (!a.quiet) {
          io.stdout(`${result.method}: ${result.factors.length} parameters, ${result.points} design points (${result.computed} computed, ${result.skipped} resumed) in ${result.seconds.toFixed(1)} s\n`);
          io.stdout(driversTable(result.rows, top) + '\n');
        }
        io.stdout(`wrote ${[...result.files, ...charts.flatMap((c) => [c.svg, c.png])].join(', ')}\n`);
        return EXIT.ok;
      },
    );
  },
});

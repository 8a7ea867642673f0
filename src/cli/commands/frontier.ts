/** `frontier`: the best lever mix of each pathway (and of all levers) at each budget, compared at equal budget. */
import type { FrontierResult } from '../../talent/policy/frontier.js';
import { defineCommand } from '../command.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { intOption, numberListOption, policyOptions } from '../options.js';
import { formatNumber } from '../table.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const frontierApi = () => import('../../talent/policy/frontier.js');
const chartsApi = () => import('../../report/policy-charts.js');
const policyRun = () => import('../policy-run.js');

/** The budgets when `--budgets` is not given, yuan per village per year. */
const DEFAULT_BUDGETS = '25000,50000,75000,100000';

/** Plain-text summary: per budget the pathways ranked with objective [95% CI] and spend, then where the ranking changes. */
export function frontierTable(r: FrontierResult): string {
  const lines: string[] = [`${r.objective} at the horizon, best mix per pathway, re-evaluated on fresh replicates (95% CI); baseline ${formatNumber(r.baseline.mean)}`];
  for (const budget of [...new Set(r.points.map((p) => p.budget))]) {
    lines.push('', `budget ${formatNumber(budget)} yuan per village per year`);
    for (const row of r.ranking.filter((x) => x.budget === budget)) {
      const p = r.points.find((x) => x.budget === budget && x.pathway === row.pathway)!;
      const diff = row.diff_next === null ? '' : `  vs next ${formatNumber(row.diff_next, true)} [${formatNumber(row.diff_next_ci_low, true)}, ${formatNumber(row.diff_next_ci_high, true)}]`;
      lines.push(
        `  ${row.rank}. ${p.pathway.padEnd(30)}${formatNumber(p.objective.mean).padEnd(8)}[${formatNumber(p.objective.ci_low)}, ${formatNumber(p.objective.ci_high)}]` +
          `  spend ${formatNumber(p.spend)}${p.saturated ? ' (saturated)' : ''}${diff}`,
      );
    }
  }
  lines.push('');
  if (r.changes.length === 0) lines.push('The ranking is the same at every budget.');
  for (const c of r.changes) lines.push(`The ranking changes between ${formatNumber(c.from)} and ${formatNumber(c.to)}: ${c.before.join(' > ')} → ${c.after.join(' > ')}`);
  return lines.join('\n');
}

export default defineCommand({
  command: 'frontier [pathways..]',
  describe: 'budget frontiers: the best lever mix of each pathway and of all levers at each budget (noisy-search optimiser, fresh re-evaluation)',
  builder: (y) =>
    policyOptions(y)
      .positional('pathways', { type: 'string', array: true, describe: 'pathway names (default: all four)' })
      .option('budgets', { type: 'string', array: true, default: [DEFAULT_BUDGETS], describe: 'budgets, yuan per village per year (comma-separated)' })
      .option('objective', { type: 'string', describe: 'objective metric at the horizon (default branches_renewed_share)' })
      .option('combined', { type: 'boolean', default: true, describe: 'also search the mix over all levers (--no-combined to skip)' })
      .option('replicates', { type: 'number', describe: 'replicates of the final evaluation (default: the scenario\'s)' })
      .option('search-replicates', { type: 'number', describe: 'replicates of each search evaluation (default: half the final\'s, at least 4)' })
      .option('evaluations', { type: 'number', describe: 'most mixes evaluated per pathway and budget (default 30)' })
      .option('out', { type: 'string', default: 'out/frontier', describe: 'output directory' }),
  async run(a, { io, commandLine }) {
    const [{ frontier }, { writeFrontierChart }, { policySettings }] = await Promise.all([frontierApi(), chartsApi(), policyRun()]);
    const s = policySettings(a, io);
    const budgets = numberListOption('budgets', a.budgets);
    if (!budgets) throw new UsageError('--budgets: give at least one budget');
    const result = await frontier(s.base, {
      pathways: a.pathways, budgets, objective: a.objective, combined: a.combined,
      replicates: intOption('replicates', a.replicates, 2, 1_000_000),
      searchReplicates: intOption('search-replicates', a.searchReplicates, 1, 1_000_000),
      maxEvaluations: intOption('evaluations', a.evaluations, 1, 1_000_000),
      costs: s.costs, workers: s.workers, outDir: a.out, resume: s.resume, onNote: s.note, command: commandLine,
    });
    const charts = await writeFrontierChart(a.out, result.points.map((p) => ({ pathway: p.pathway, budget: p.budget, spend: p.spend, ...p.objective })), result.objective);
    if (!a.quiet) io.stdout(frontierTable(result) + '\n');
    io.stdout(`wrote ${[...result.files, ...charts.flatMap((c) => [c.svg, c.png])].join(', ')}\n`);
    return EXIT.ok;
  },
});

/** `dose-response`: each lever from 0 to its maximum, everything else baseline — effect on the outcomes against spend. */
import type { DoseResponseRow } from '../../talent/policy/dose-response.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { intOption, listOption, policyOptions } from '../options.js';
import { formatNumber } from '../table.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const policyApi = () => import('../../talent/policy/dose-response.js');
const chartsApi = () => import('../../report/policy-charts.js');
const policyRun = () => import('../policy-run.js');
const progressApi = () => import('../progress.js');
const shardApi = () => import('../../experiment/shard.js');

/** Plain-text table: per lever and value, the measured spend and the effect on each outcome [95% CI]. */
function doseTable(rows: readonly DoseResponseRow[]): string {
  const outcomes = [...new Set(rows.map((r) => r.outcome))];
  const lines: string[] = ['Effect at the horizon vs the base scenario (paired, 95% CI); spend in yuan per village per year'];
  for (const lever of [...new Set(rows.map((r) => r.lever))]) {
    lines.push('', lever);
    for (const value of [...new Set(rows.filter((r) => r.lever === lever).map((r) => r.value))]) {
      const at = rows.filter((r) => r.lever === lever && r.value === value);
      lines.push(`  value ${formatNumber(value)}: spend ${formatNumber(at[0].spend)}`);
      for (const o of outcomes) {
        const r = at.find((x) => x.outcome === o);
        if (r) lines.push(`    ${o.padEnd(28)}${formatNumber(r.effect, true)} [${formatNumber(r.ci_low, true)}, ${formatNumber(r.ci_high, true)}]`);
      }
    }
  }
  return lines.join('\n');
}

export default defineCommand({
  command: 'dose-response <levers..>',
  describe: 'each lever from 0 to its maximum (all else baseline): paired effect on the outcomes against measured spend',
  builder: (y) =>
    policyOptions(y)
      .positional('levers', { type: 'string', array: true, demandOption: true, describe: 'lever names, or all' })
      .option('points', { type: 'number', default: 5, describe: 'values per lever from 0 to its maximum, inclusive' })
      .option('replicates', { type: 'number', describe: 'replicates per value (default: the scenario\'s)' })
      .option('outcome', { type: 'string', array: true, describe: 'outcome metric(s) at the horizon (default: the main outcomes and branches_renewed_share)' })
      .option('shard', { type: 'string', describe: 'run only shard K/N of the values (then rerun without --shard, with --resume, on the joined parts)' })
      .option('out', { type: 'string', default: 'out/dose-response', describe: 'output directory' }),
  async run(a, { io, commandLine }) {
    const [{ doseResponse }, { writeDoseResponseChart }, { policySettings }, { withProgress }, { parseShard }] = await Promise.all([
      policyApi(), chartsApi(), policyRun(), progressApi(), shardApi(),
    ]);
    const s = policySettings(a, io);
    const points = intOption('points', a.points, 2, 1000)!;
    const replicates = intOption('replicates', a.replicates, 1, 1_000_000);
    const shard = a.shard !== undefined ? parseShard(a.shard) : undefined;
    const result = await withProgress(a.quiet ? undefined : io, 'dose-response', shard, (onProgress) =>
      doseResponse(s.base, {
        levers: a.levers, points, replicates, outcomes: listOption(a.outcome), costs: s.costs, workers: s.workers,
        outDir: a.out, resume: s.resume, shard, onProgress, command: commandLine,
      }),
    );
    if (shard) {
      io.stdout(`shard ${shard.index}/${shard.count}: ${result.computed} replicates computed, ${result.skipped} resumed, parts in ${a.out}\n`);
      return EXIT.ok;
    }
    const charts = await writeDoseResponseChart(a.out, result.rows);
    if (!a.quiet) io.stdout(doseTable(result.rows) + '\n');
    io.stdout(`wrote ${[...result.files, ...charts.flatMap((c) => [c.svg, c.png])].join(', ')}\n`);
    return EXIT.ok;
  },
});

/** `robustness`: the pathways on Latin-hypercube parameter draws — how often each beats baseline and ranks first. */
import type { RobustnessRow } from '../../experiment/index.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { metricHelpFacts } from '../metric-help.js';
import { designOptions, intOption } from '../options.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const robustnessApi = () => import('../../talent/experiments.js');
const reportApi = () => import('../../report/rebuild.js');
const chartsApi = () => import('../../report/sensitivity-charts.js');
const scenarios = () => import('../scenarios.js');
const designRun = () => import('../design-run.js');

/** One structure of `--structures`: the default, or one switch changed from it. */
interface StructureRun {
  label: string;
  set: string[];
  rows: readonly RobustnessRow[];
}

/**
 * Pathway ranking per structure (`--structures`): for each outcome, each scenario's rank by mean difference
 * from baseline (1 best, in the outcome's better direction; ties share a rank) and its share of draws ranking first, under
 * each structure; plus the rank order's agreement with the default structure's.
 */
function structureTable(runs: readonly StructureRun[]): { text: string; csv: string } {
  const csv = ['structure,outcome,scenario,rank,mean_diff,beats_baseline,ranks_first'];
  const lines: string[] = [];
  const outcomes = [...new Set(runs[0].rows.map((r) => r.outcome))];
  const rankOf = (rows: readonly RobustnessRow[], outcome: string): Map<string, number> => {
    const list = rows.filter((r) => r.outcome === outcome && r.mean_diff !== null);
    const sign = list[0]?.better === 'lower' ? -1 : 1;
    // Rank = 1 + the number of scenarios strictly better (ties share a rank).
    return new Map(list.map((r) => [r.scenario, 1 + list.filter((x) => sign * ((x.mean_diff as number) - (r.mean_diff as number)) > 0).length]));
  };
  for (const outcome of outcomes) {
    const base = rankOf(runs[0].rows, outcome);
    const scenarios = [...base.keys()];
    const w = Math.max(10, ...runs.map((r) => r.label.length)) + 2;
    lines.push(`${outcome}: rank of each pathway by mean difference from baseline (1 best), per structure`);
    lines.push(`  ${'structure'.padEnd(w)}${scenarios.map((x) => x.slice(0, 14).padStart(16)).join('')}  same order as default`);
    for (const run of runs) {
      const ranks = rankOf(run.rows, outcome);
      const same = scenarios.every((x) => ranks.get(x) === base.get(x));
      lines.push(`  ${run.label.padEnd(w)}${scenarios.map((x) => String(ranks.get(x) ?? '').padStart(16)).join('')}  ${same ? 'yes' : 'no'}`);
      for (const r of run.rows.filter((x) => x.outcome === outcome)) {
        csv.push([run.label, outcome, r.scenario, ranks.get(r.scenario) ?? '', r.mean_diff ?? '', r.beats_baseline ?? '', r.ranks_first].join(','));
      }
    }
  }
  return { text: lines.join('\n'), csv: csv.join('\n') + '\n' };
}

/** Parameter draws when `--samples` is not given. */
const DEFAULT_DRAWS = 20;

function percent(x: number | null): string {
  return x === null ? '' : `${Math.round(100 * x)}%`;
}

/** Plain-text table: per outcome, each scenario's share of draws beating baseline and ranking first, and the rule. */
function robustnessTable(rows: readonly RobustnessRow[]): string {
  const lines: string[] = [];
  const w = Math.max(8, ...rows.map((r) => r.scenario.length)) + 2;
  for (const outcome of [...new Set(rows.map((r) => r.outcome))]) {
    const list = rows.filter((r) => r.outcome === outcome);
    lines.push(`${outcome} (${list[0].better} is better; ${list[0].draws} draws)`);
    lines.push(`  ${'scenario'.padEnd(w)}${'beats'.padStart(7)}${'first'.padStart(7)}  where it beats baseline`);
    for (const r of list) {
      const chance = r.p_chance !== null && r.p_chance !== undefined && r.p_chance >= 0.05 ? `; may be chance: adjusted p = ${r.p_chance}` : '';
      const rule = r.rule ? `${r.rule} (coverage ${percent(r.coverage)}, density ${percent(r.density)}${chance})` : '';
      lines.push(`  ${r.scenario.padEnd(w)}${percent(r.beats_baseline).padStart(7)}${percent(r.ranks_first).padStart(7)}  ${rule}`);
    }
  }
  return lines.join('\n');
}

export default defineCommand({
  command: 'robustness [scenarios..]',
  describe: 'run the pathways on Latin-hypercube parameter draws: share of draws each beats baseline and ranks first',
  builder: async (y, helpShown) =>
    designOptions(
      y,
      `parameter draws N (Latin hypercube over the factors; runs = N × scenarios; default ${DEFAULT_DRAWS}). ` +
        'Scenario discovery needs at least 10 draws per parameter varied (see --params)',
      await metricHelpFacts(helpShown),
    )
      .positional('scenarios', { type: 'string', array: true, describe: 'built-in names or files (default: baseline, the pathways and combined)' })
      .option('baseline', { type: 'string', describe: 'baseline scenario name (default: baseline, else the first)' })
      .option('allow-mismatch', { type: 'boolean', default: false, describe: 'pair scenarios of another county, horizon or start year with the baseline anyway' })
      .option('structures', {
        type: 'boolean', default: false,
        describe: 'also run the design under each structural alternative (one switch changed from the default at a time; docs/ODD.md 8.7a) into <out>/structure-<switch>-<choice>, and report how the pathway ranking changes across structures (structures.csv)',
      })
      .option('out', { type: 'string', default: 'out/robustness', describe: 'output directory' }),
  async run(a, { io, commandLine }) {
    const [{ robustness }, { rebuildRobustnessReport }, { writeRobustnessCharts }, { defaultRobustnessScenarios }, { runDesign }] = await Promise.all([
      robustnessApi(),
      reportApi(),
      chartsApi(),
      scenarios(),
      designRun(),
    ]);
    const out = a.out;
    const samples = intOption('samples', a.samples, 2, 1_000_000) ?? DEFAULT_DRAWS;
    const refs = a.scenarios?.length ? a.scenarios : defaultRobustnessScenarios();
    if (a.structures) {
      const { structureAlternatives } = await import('../../model/structure.js');
      const { writeFile, mkdir } = await import('node:fs/promises');
      const { join } = await import('node:path');
      const variants = [{ label: 'default', set: [] as string[], out }, ...structureAlternatives().map((x) => ({
        label: `${x.name}=${x.choice}`, set: [`structure.${x.name}=${x.choice}`], out: join(out, `structure-${x.name}-${x.choice}`),
      }))];
      const runs: StructureRun[] = [];
      for (const v of variants) {
        const args = { ...a, set: [...((a.set as string[] | undefined) ?? []), ...v.set] };
        let rows: readonly RobustnessRow[] = [];
        const code = await runDesign(
          args,
          { io, label: 'robustness', refs, out: v.out, commandLine },
          (scenarioList, common) => robustness(scenarioList, { ...common, samples, baseline: a.baseline, allowMismatch: a.allowMismatch }),
          async (result) => {
            rows = result.rows;
            if (!a.quiet) io.stdout(`structure ${v.label}: ${result.scenarios.length} scenarios × ${result.draws.length} parameter draws in ${result.seconds.toFixed(1)} s\n`);
            return EXIT.ok;
          },
        );
        if (code !== EXIT.ok) return code;
        runs.push({ label: v.label, set: v.set, rows });
      }
      const table = structureTable(runs);
      await mkdir(out, { recursive: true });
      const file = join(out, 'structures.csv');
      await writeFile(file, table.csv);
      if (!a.quiet) io.stdout(table.text + '\n');
      io.stdout(`wrote ${file}\n`);
      return EXIT.ok;
    }
    return runDesign(
      a,
      { io, label: 'robustness', refs, out, commandLine },
      (scenarioList, common) => robustness(scenarioList, { ...common, samples, baseline: a.baseline, allowMismatch: a.allowMismatch }),
      async (result, shard) => {
        if (shard) {
          io.stdout(
            `shard ${shard.index}/${shard.count}: ${result.computed} runs computed, ${result.skipped} resumed, parts in ${out}\n` +
              `when every shard is done, copy all parts/ into one directory and run the same command without --shard, with --resume, to compute the shares\n`,
          );
          return EXIT.ok;
        }
        const charts = await writeRobustnessCharts(out, result.rows);
        const report = await rebuildRobustnessReport(out);
        if (!a.quiet) {
          io.stdout(`${result.scenarios.length} scenarios × ${result.draws.length} parameter draws (${result.computed} runs computed, ${result.skipped} resumed) in ${result.seconds.toFixed(1)} s\n`);
          io.stdout(robustnessTable(result.rows) + '\n');
        }
        io.stdout(`wrote ${[...result.files, ...charts.flatMap((c) => [c.svg, c.png]), report].join(', ')}\n`);
        return EXIT.ok;
      },
    );
  },
});

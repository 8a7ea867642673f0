/** `robustness`: the pathways on Latin-hypercube parameter draws — how often each beats baseline and ranks first. */
import { availableParallelism } from 'node:os';
import type { RobustnessResult, RobustnessRow } from '../../experiment/robustness.js';
import { robustness } from '../../talent/experiments.js';
import { parseShard } from '../../experiment/shard.js';
import { rebuildRobustnessReport } from '../../report/rebuild.js';
import { writeRobustnessCharts } from '../../report/sensitivity-charts.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { withProgress } from '../progress.js';
import { intOption, loadScenarios } from './shared.js';
import { listOption } from './sensitivity.js';

/** The scenarios `robustness` runs by default: baseline, the four pathways and their combination. */
export async function defaultRobustnessScenarios(): Promise<string[]> {
  const { builtinScenarioNames } = await import('../../scenario/builtin.js');
  return builtinScenarioNames().filter((n) => n !== 'guangxi' && n !== 'lockdown-shock');
}

/** Parsed options of `robustness`. */
export interface RobustnessCommandOptions {
  /** Scenario references (default: {@link defaultRobustnessScenarios}). */
  scenarios: string[];
  samples?: number;
  params?: string;
  outcome?: string[];
  baseline?: string;
  out: string;
  workers?: number;
  shard?: string;
  resume?: boolean;
  quiet?: boolean;
  seed?: number;
  replicates?: number;
  years?: number;
  command: string;
}

function percent(x: number | null): string {
  return x === null ? '' : `${Math.round(100 * x)}%`;
}

/** Plain-text table: per outcome, each scenario's share of draws beating baseline and ranking first, and the rule. */
export function robustnessTable(rows: readonly RobustnessRow[]): string {
  const lines: string[] = [];
  const w = Math.max(8, ...rows.map((r) => r.scenario.length)) + 2;
  for (const outcome of [...new Set(rows.map((r) => r.outcome))]) {
    const list = rows.filter((r) => r.outcome === outcome);
    lines.push(`${outcome} (${list[0].better} is better; ${list[0].draws} draws)`);
    lines.push(`  ${'scenario'.padEnd(w)}${'beats'.padStart(7)}${'first'.padStart(7)}  where it beats baseline`);
    for (const r of list) {
      const rule = r.rule ? `${r.rule} (coverage ${percent(r.coverage)}, density ${percent(r.density)})` : '';
      lines.push(`  ${r.scenario.padEnd(w)}${percent(r.beats_baseline).padStart(7)}${percent(r.ranks_first).padStart(7)}  ${rule}`);
    }
  }
  return lines.join('\n');
}

/** Runs the analysis, writes robustness.csv, the chart and report.html, prints the table; returns the exit code. */
export async function robustnessCommand(o: RobustnessCommandOptions, io: CliIo): Promise<number> {
  const samples = intOption('samples', o.samples, 2, 1_000_000) ?? 20;
  const seed = intOption('seed', o.seed, 0, 0xffffffff);
  const replicates = intOption('replicates', o.replicates, 1, 1_000_000);
  const years = intOption('years', o.years, 1, 500);
  const workers = intOption('workers', o.workers, 1, 1024) ?? availableParallelism();
  const shard = o.shard !== undefined ? parseShard(o.shard) : undefined;
  const refs = o.scenarios.length ? o.scenarios : await defaultRobustnessScenarios();
  const scenarios = loadScenarios(refs, { years });
  const result: RobustnessResult = await withProgress(o.quiet ? undefined : io.progressStream, 'robustness', shard, (onProgress) =>
    robustness(scenarios, {
      samples,
      params: listOption(o.params),
      outcomes: listOption(o.outcome),
      baseline: o.baseline,
      seed,
      replicates,
      workers,
      shard,
      outDir: o.out,
      resume: o.resume,
      command: o.command,
      onProgress,
    }),
  );
  if (shard) {
    io.stdout(
      `shard ${shard.index}/${shard.count}: ${result.computed} runs computed, ${result.skipped} resumed, parts in ${o.out}\n` +
        `when every shard is done, copy all parts/ into one directory and run the same command without --shard, with --resume, to compute the shares\n`,
    );
    return EXIT.ok;
  }
  const charts = await writeRobustnessCharts(o.out, result.rows);
  const report = await rebuildRobustnessReport(o.out);
  if (!o.quiet) {
    io.stdout(`${result.scenarios.length} scenarios × ${result.draws.length} parameter draws (${result.computed} runs computed, ${result.skipped} resumed) in ${result.seconds.toFixed(1)} s\n`);
    io.stdout(robustnessTable(result.rows) + '\n');
  }
  io.stdout(`wrote ${[...result.files, ...charts.flatMap((c) => [c.svg, c.png]), report].join(', ')}\n`);
  return EXIT.ok;
}

/** `sensitivity`: Morris or Sobol analysis of one scenario over the declared parameter ranges, with charts. */
import { availableParallelism } from 'node:os';
import { parseShard } from '../../experiment/shard.js';
import type { SensitivityResult, SensitivityRow } from '../../experiment/sensitivity-run.js';
import { sensitivity } from '../../talent/experiments.js';
import { writeSensitivityCharts } from '../../report/sensitivity-charts.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { withProgress } from '../progress.js';
import { formatNumber } from '../table.js';
import { intOption, loadScenarios } from './shared.js';

/** Parsed options of `sensitivity`. */
export interface SensitivityCommandOptions {
  scenario: string;
  method: string;
  /** Comma-separated parameter names (default: all declared). */
  params?: string;
  samples?: number;
  levels?: number;
  /** Outcome metrics (each may be comma-separated). */
  outcome?: string[];
  out: string;
  workers?: number;
  shard?: string;
  resume?: boolean;
  quiet?: boolean;
  seed?: number;
  bootstrap?: number;
  replicates?: number;
  years?: number;
  /** Parameters per outcome in the printed table and the chart. */
  top?: number;
  command: string;
}

/** Splits repeatable, comma-separated list options into names. */
export function listOption(values: readonly string[] | string | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const list = (Array.isArray(values) ? values : [values]).flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

/** Plain-text table of the top parameters per outcome (μ* for Morris, ST for Sobol) with 95% intervals. */
export function driversTable(rows: readonly SensitivityRow[], top: number): string {
  const lines: string[] = [];
  const index = rows.some((r) => r.method === 'morris') ? 'mu_star' : 'ST';
  const label = index === 'mu_star' ? 'mu* (per full range)' : 'ST';
  for (const outcome of [...new Set(rows.map((r) => r.outcome))]) {
    const list = rows.filter((r) => r.outcome === outcome && r.index === index).sort((a, b) => b.value - a.value).slice(0, top);
    lines.push(`${outcome}: top ${list.length} by ${label}`);
    const w = Math.max(...list.map((r) => r.parameter.length)) + 2;
    for (const r of list) {
      const ci = r.ci_low === null ? '' : `  [${formatNumber(r.ci_low)}, ${formatNumber(r.ci_high)}]`;
      lines.push(`  ${r.parameter.padEnd(w)}${formatNumber(r.value)}${ci}`);
    }
  }
  return lines.join('\n');
}

/** Runs the analysis, writes sensitivity.csv and charts, prints the top drivers; returns the exit code. */
export async function sensitivityCommand(o: SensitivityCommandOptions, io: CliIo): Promise<number> {
  const method = o.method;
  if (method !== 'morris' && method !== 'sobol') throw new UsageError(`--method: expected morris or sobol, found ${method}`);
  const samples = intOption('samples', o.samples, o.method === 'sobol' ? 2 : 1, 1_000_000);
  const levels = intOption('levels', o.levels, 2, 1000);
  const seed = intOption('seed', o.seed, 0, 0xffffffff);
  const bootstrap = intOption('bootstrap', o.bootstrap, 0, 1_000_000);
  const replicates = intOption('replicates', o.replicates, 1, 1_000_000);
  const years = intOption('years', o.years, 1, 500);
  const top = intOption('top', o.top, 1, 10_000) ?? 10;
  const workers = intOption('workers', o.workers, 1, 1024) ?? availableParallelism();
  const shard = o.shard !== undefined ? parseShard(o.shard) : undefined;
  const [scenario] = loadScenarios([o.scenario], { years });
  const result: SensitivityResult = await withProgress(o.quiet ? undefined : io.progressStream, 'sensitivity', shard, (onProgress) =>
    sensitivity(scenario, {
      method,
      params: listOption(o.params),
      samples,
      levels,
      outcomes: listOption(o.outcome),
      seed,
      bootstrap,
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
      `shard ${shard.index}/${shard.count}: ${result.computed} of ${result.points} design points computed, ${result.skipped} resumed, parts in ${o.out}\n` +
        `when every shard is done, copy all parts/ into one directory and run the same command without --shard, with --resume, to compute the indices\n`,
    );
    return EXIT.ok;
  }
  const charts = await writeSensitivityCharts(o.out, result.rows, { top });
  if (!o.quiet) {
    io.stdout(`${result.method}: ${result.factors.length} parameters, ${result.points} design points (${result.computed} computed, ${result.skipped} resumed) in ${result.seconds.toFixed(1)} s\n`);
    io.stdout(driversTable(result.rows, top) + '\n');
  }
  io.stdout(`wrote ${[...result.files, ...charts.flatMap((c) => [c.svg, c.png])].join(', ')}\n`);
  return EXIT.ok;
}

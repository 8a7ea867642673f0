/** What `sweep` does once its options are read: load the scenario, check every point like a file, run the sweep with progress. */
import type { ExperimentResult, Factor, SweepDesign } from '../experiment/index.js';
import { safeApplySettings, ScenarioLoadError, type Scenario, type ScenarioError } from '../scenario/index.js';
import { pointPath } from '../talent/binding.js';
import { sweep } from '../talent/experiments.js';
import { printRunNotes, runSettings } from './ensemble-run.js';
import { withOutputLock } from '../experiment/lock.js';
import type { LoadOptions } from '../scenario/load.js';
import type { CliIo } from './io.js';
import { outOption } from './options.js';
import { withProgress } from './progress.js';
import { loadScenarios } from './scenarios.js';

/** The settings of one sweep (from the options of `sweep`). */
export interface SweepRunOptions {
  scenario: string;
  out: string;
  grid: readonly { path: string; values: number[] }[];
  factors: readonly { path: string; range?: [number, number] }[];
  lhs?: number;
  lhsSeed?: number;
  years?: number;
  seed?: number;
  replicates?: number;
  set?: readonly string[];
  workers?: number;
  shard?: string;
  resume: boolean;
  /** Reuse parts of another talentsim version or model code on resume. */
  allowVersionMismatch?: boolean;
  /** How scenario files are read (`--scenario-path`, `--max-scenario-bytes`). */
  read?: Pick<LoadOptions, 'scenarioPath' | 'maxBytes'>;
  quiet: boolean;
  model?: string;
  /** Write villages.csv (every village's value of these metrics, default all). */
  perVillage?: { metrics?: readonly string[] };
  /** Split replicates of counties of at least this many villagers across the workers (`--split-above`). */
  splitAbove?: number;
  commandLine: string;
}

/**
 * Every value of every factor set on the scenario alone, validated like a file (labelled with the option it
 * came from), so that a bad value is reported before anything runs — for the talent model, whose points
 * `scenarioAtPoint` sets.
 */
function checkValues(scenario: Scenario, o: SweepRunOptions): void {
  const issues: ScenarioError[] = [];
  const seen = new Set<string>();
  const check = (label: string, path: string, values: readonly number[]) => {
    for (const value of values) {
      const r = safeApplySettings(scenario, [{ path: pointPath(scenario, path), value }], { label });
      if (r.ok) continue;
      for (const i of r.issues) {
        const key = `${i.file}\u0000${i.path}\u0000${i.message}`;
        if (!seen.has(key)) issues.push(i);
        seen.add(key);
      }
    }
  };
  for (const g of o.grid) check('--grid', g.path, g.values);
  for (const f of o.factors) if (f.range) check('--factor', f.path, f.range);
  if (issues.length) throw new ScenarioLoadError(issues);
}

/** Runs the sweep (the output folder locked throughout); prints warnings, failures and, for a shard, where its parts are. */
export async function runSweep(o: SweepRunOptions, io: CliIo): Promise<ExperimentResult> {
  const { workers, shard, model, overrides, warn, live } = await runSettings(o, io);
  const out = outOption(o.out);
  const [scenario] = loadScenarios([o.scenario], overrides, warn);
  if (!model) checkValues(scenario, o);
  const design: SweepDesign = o.lhs !== undefined
    ? {
        lhs: {
          samples: o.lhs,
          seed: o.lhsSeed,
          factors: o.factors.map((f): string | Factor => (f.range ? { name: f.path, min: f.range[0], max: f.range[1] } : f.path)),
        },
      }
    : { grid: Object.fromEntries(o.grid.map((g) => [g.path, g.values])) };
  return withOutputLock(out, async () => {
    const result = await withProgress(o.quiet ? undefined : io, 'sweep', shard, (onProgress) =>
      sweep(scenario, design, {
        workers, shard, outDir: out, resume: o.resume, allowVersionMismatch: o.allowVersionMismatch, model, command: o.commandLine, onProgress,
        onWarning: live.onWarning, replicates: scenario.replicates, perGroup: o.perVillage,
        ...(o.splitAbove !== undefined ? { split: { above: o.splitAbove } } : {}),
      }),
    );
    printRunNotes(io, result, shard, out, live.printed);
    return result;
  }, { command: o.commandLine });
}

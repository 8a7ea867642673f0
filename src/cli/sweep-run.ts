/** What `sweep` does once its options are read: load the scenario, check every point like a file, run the sweep with progress. */
import type { ExperimentResult, Factor, SweepDesign } from '../experiment/index.js';
import { safeApplySettings, ScenarioLoadError, type Scenario, type ScenarioError } from '../scenario/index.js';
import { pointPath } from '../talent/binding.js';
import { sweep } from '../talent/experiments.js';
import { printRunNotes, runSettings } from './ensemble-run.js';
import type { CliIo } from './io.js';
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
  quiet: boolean;
  model?: string;
  /** Write villages.csv (every village's value of these metrics, default all). */
  perVillage?: { metrics?: readonly string[] };
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

/** Runs the sweep; prints warnings, failures and, for a shard, where its parts are. */
export async function runSweep(o: SweepRunOptions, io: CliIo): Promise<ExperimentResult> {
  const { workers, shard, model, overrides, warn } = await runSettings(o, io);
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
  const result = await withProgress(o.quiet ? undefined : io, 'sweep', shard, (onProgress) =>
    sweep(scenario, design, { workers, shard, outDir: o.out, resume: o.resume, model, command: o.commandLine, onProgress, replicates: scenario.replicates, perGroup: o.perVillage }),
  );
  printRunNotes(io, result, shard, o.out);
  return result;
}

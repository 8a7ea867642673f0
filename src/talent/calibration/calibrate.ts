/**
 * Calibration of the talent model by history matching against the 2010 → 2024 hindcast: the prior is
 * every declared parameter tagged `basis: 'assumption'` over its declared range (or the named ones), the
 * targets are the hindcast's calibration targets, and the simulator is the hindcast scenario at each
 * point, run through the engine's design runs (`hindcastEvaluator`: workers, durable parts per wave,
 * resume, shards, progress). Writes the engine's posterior.csv, calibration.json and runs.csv, and
 * hindcast.json: every target (calibration and held-out) against the representative point.
 */
import { join } from 'node:path';
import { writeCalibrationOutputs } from '../../experiment/calibration/files.js';
import { historyMatch, type HistoryMatchingOptions, type HistoryMatchingResult } from '../../experiment/calibration/history-matching.js';
import type { WaveDiagnostics } from '../../experiment/calibration/diagnostics.js';
import { ExperimentInputError } from '../../experiment/errors.js';
import type { ExperimentProgress } from '../../experiment/experiment.js';
import { writeJsonDurable } from '../../experiment/files.js';
import type { Shard } from '../../experiment/shard.js';
import { PARAMETERS } from '../../model/parameters.js';
import type { Scenario } from '../../scenario/types.js';
import { parameterFactors } from '../parameter-factors.js';
import { hindcastEvaluator, hindcastRows, ShardDone, type HindcastRow } from './hindcast.js';
import { calibrationTarget, HINDCAST_TARGETS, type HindcastTarget } from './hindcast-targets.js';

/** Names of the declared parameters the calibration varies by default: basis 'assumption', with a range. */
export function assumptionParameters(): string[] {
  return PARAMETERS.filter((p) => p.basis === 'assumption' && p.max > p.min).map((p) => p.name);
}

/** The calibration method names (`--method`). ABC-SMC is not implemented (docs/calibration.md says why). */
export const CALIBRATION_METHODS = ['history-matching'] as const;

/** Defaults of {@link calibrate}: the full calibration (docs/calibration.md, "The calibration command"). */
export const CALIBRATION_DEFAULTS = {
  budget: 8000,
  runsPerWave: 2000,
  maxWaves: 4,
  replicates: 3,
  seed: 1,
  implausibilityRank: 1,
} as const;

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** The hindcast scenario (normally the built-in `hindcast-2010`). */
  scenario: Scenario;
  /** Parameters to calibrate (default: {@link assumptionParameters}). */
  parameters?: readonly string[];
  /** Targets (default: the hindcast targets with use 'calibration'); held-out ones are reported, never used. */
  targets?: readonly HindcastTarget[];
  /** Most simulator runs (design points, each of `replicates` replicates); default 8000. */
  budget?: number;
  /** Design points per wave; default min(2000, ⌊(budget − 2)/2⌋) so that a short budget still gives two waves. */
  runsPerWave?: number;
  /** Most waves; default 4. */
  maxWaves?: number;
  /** Replicates per point; default 3. */
  replicates?: number;
  /** Seed of the designs (the runs use the scenario's seed); default 1. */
  seed?: number;
  /** Which largest implausibility decides (1 max, 2, 3); default 1. */
  implausibilityRank?: number;
  /** Further history-matching settings. */
  settings?: Omit<HistoryMatchingOptions, 'seed' | 'runsPerWave' | 'maxWaves' | 'budget' | 'implausibilityRank' | 'onWave'>;
  /** Output directory: posterior.csv, calibration.json, runs.csv, hindcast.json; the runs' parts in `runs/`. */
  outDir: string;
  workers?: number;
  resume?: boolean;
  /** Run only this shard of the first wave whose runs are not all in `outDir/runs` (then stop). */
  shard?: Shard;
  onProgress?: (p: ExperimentProgress & { wave: number; purpose: 'design' | 'representatives' }) => void;
  onWave?: (wave: WaveDiagnostics) => void;
}

/** What {@link calibrate} did: the engine's result and files, or for a shard, which wave it ran. */
export type CalibrateResult =
  | { kind: 'done'; result: HistoryMatchingResult; hindcast: HindcastRow[]; files: string[]; unidentified: string[] }
  | { kind: 'shard'; wave: string; computed: number; skipped: number };

/** The number of runs per wave {@link calibrate} uses for a budget when none is given. */
export function defaultRunsPerWave(budget: number): number {
  return Math.max(3, Math.min(CALIBRATION_DEFAULTS.runsPerWave, Math.floor((budget - 2) / 2)));
}

/** Runs the calibration (see the module comment); with a shard, stops after the shard's runs. */
export async function calibrate(o: CalibrateOptions): Promise<CalibrateResult> {
  const names = o.parameters ?? assumptionParameters();
  const parameters = parameterFactors(names);
  const targets = o.targets ?? HINDCAST_TARGETS.filter((t) => t.use === 'calibration');
  if (targets.length === 0) throw new ExperimentInputError('calibrate: no calibration targets');
  const budget = o.budget ?? CALIBRATION_DEFAULTS.budget;
  const replicates = o.replicates ?? CALIBRATION_DEFAULTS.replicates;
  if (!(Number.isInteger(replicates) && replicates >= 2)) {
    throw new ExperimentInputError(`calibrate: replicates must be a whole number >= 2 (the ensemble variance needs two), got ${replicates}`);
  }
  // Every hindcast statistic is computed (the held-out ones are reported at the representative point).
  const evaluate = hindcastEvaluator({
    scenario: o.scenario,
    replicates,
    targets: HINDCAST_TARGETS,
    workers: o.workers,
    dir: join(o.outDir, 'runs'),
    resume: o.resume,
    shard: o.shard,
    onProgress: o.onProgress,
  });
  let result: HistoryMatchingResult;
  try {
    result = await historyMatch({ parameters, targets: targets.map(calibrationTarget) }, evaluate, {
      ...o.settings,
      seed: o.seed ?? CALIBRATION_DEFAULTS.seed,
      runsPerWave: o.runsPerWave ?? defaultRunsPerWave(budget),
      maxWaves: o.maxWaves ?? CALIBRATION_DEFAULTS.maxWaves,
      budget,
      implausibilityRank: o.implausibilityRank ?? CALIBRATION_DEFAULTS.implausibilityRank,
      onWave: o.onWave,
    });
  } catch (e) {
    if (e instanceof ShardDone) return { kind: 'shard', wave: e.label, computed: e.computed, skipped: e.skipped };
    throw e;
  }
  const files = Object.values(await writeCalibrationOutputs(o.outDir, result));
  // The representative point, or (nothing accepted) the run closest to being accepted, to show what is missed.
  const rep = result.representative;
  const closest = result.runs.filter((r) => r.output).reduce<(typeof result.runs)[number] | undefined>((b, r) => (!b || r.measure < b.measure ? r : b), undefined);
  const shown = rep ? { choice: rep.choice, run: rep.runId, parameters: rep.point, output: rep.output } : closest ? { choice: 'closest (none accepted)', run: closest.id, parameters: closest.point, output: closest.output } : null;
  const rows = hindcastRows(shown?.output ?? null, HINDCAST_TARGETS);
  const hindcastPath = join(o.outDir, 'hindcast.json');
  await writeJsonDurable(hindcastPath, { point: shown ? { choice: shown.choice, run: shown.run, parameters: shown.parameters } : null, rows: jsonRows(rows) });
  files.push(hindcastPath);
  const unidentified = result.identification.filter((p) => !p.identified).map((p) => p.name);
  return { kind: 'done', result, hindcast: rows, files, unidentified };
}

/** Rows with non-finite numbers as null (JSON has no NaN or Infinity). */
export function jsonRows(rows: readonly HindcastRow[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? null : v])));
}

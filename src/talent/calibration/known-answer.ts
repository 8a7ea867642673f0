/**
 * The known-answer check of the calibration on the real model: synthetic observations are made by the
 * talent model itself at known parameter values (a few parameters moved away from their defaults), the
 * calibration is run against them exactly as against the data, and the result says whether each known
 * value lies inside the 90% range of the non-implausible sample of the parameters the targets identify,
 * and which parameters the targets cannot identify. The short version runs in `npm test`
 * (test/talent/known-answer.test.ts); the full one is `node scripts/known-answer.mjs` (docs/calibration.md).
 *
 * The observations are the ensemble mean of `observationReplicates` replicates at the truth with another
 * seed than the calibration's runs (so a calibration run at the truth does not reproduce them draw for
 * draw); their variance is that mean's sampling variance (the model is the truth: no discrepancy).
 */
import { historyMatch, regionMeasure, type HistoryMatchingOptions, type HistoryMatchingResult } from '../../experiment/calibration/history-matching.js';
import type { CalibrationTarget } from '../../experiment/calibration/targets.js';
import { writeCalibrationOutputs } from '../../experiment/calibration/files.js';
import { ExperimentInputError } from '../../experiment/errors.js';
import { PARAMETER_INDEX } from '../../model/parameters.js';
import type { Scenario } from '../../scenario/types.js';
import { parameterFactors } from '../parameter-factors.js';
import { evaluateHindcast, hindcastEvaluator } from './hindcast.js';
import { HINDCAST_TARGETS, type HindcastTarget } from './hindcast-targets.js';

/** The known values of the documented check (each moved well away from its default). */
export const KNOWN_TRUTH: Readonly<Record<string, number>> = Object.freeze({
  outmigration_base: 0.16, return_base: 0.035, household_split_rate: 0.18, total_fertility_rate: 1.5, quota_per_member: 0.03,
});

/** Parameters no target can see in a run without levers (effect sizes of levers), calibrated to check they come out unidentified. */
export const KNOWN_INERT: readonly string[] = Object.freeze(['cultural_programme_effect', 'secretary_training_effect']);

/**
 * The targets of the short check: those whose statistics are not ratios of a handful of yearly recruits
 * (in a 4-village county the funnel, warning and exit-share ratios are too noisy for 3 replicates).
 */
export const KNOWN_TARGETS: readonly string[] = Object.freeze([
  'rural_residents_change_2010_2020', 'resident_share_60plus_change_2010_2020', 'household_size_change_2010_2020', 'share_away_2016',
  'birth_rate_2016_2022', 'death_rate_2016_2022', 'member_share_of_population', 'member_away_share', 'member_mean_age',
  'village_recruitment_rate', 'member_exit_rate', 'membership_growth_2018_2024',
]);

/** Options of {@link knownAnswer}. */
export interface KnownAnswerOptions {
  /** The hindcast scenario (a small county keeps it fast). */
  scenario: Scenario;
  /** The known values of the moved parameters (all other parameters stay at the scenario's values). */
  truth: Readonly<Record<string, number>>;
  /** Parameters to calibrate: the moved ones and, to check they are reported unidentified, some the targets cannot see. */
  parameters: readonly string[];
  /** Targets (default: the hindcast's calibration targets), their observed values replaced by the model's. */
  targets?: readonly HindcastTarget[];
  /** Seed of the observation runs (default: the scenario's seed + 1000). */
  observationSeed?: number;
  /** Replicates of the observation (default 8). */
  observationReplicates?: number;
  /** Replicates per calibration run (default 2). */
  replicates?: number;
  /** History-matching settings (seed, runs per wave, waves, budget …). */
  settings: HistoryMatchingOptions;
  workers?: number;
  /** Where to write posterior.csv, calibration.json and runs.csv (and the runs' parts); none: in memory. */
  outDir?: string;
}

/** One calibrated parameter's verdict. */
export interface KnownAnswerParameter {
  name: string;
  /** The known value (the scenario's value for a parameter that was not moved). */
  truth: number;
  /** 5% and 95% quantiles of the non-implausible sample. */
  q05: number | null;
  q95: number | null;
  rangeRatio: number | null;
  identified: boolean;
  /** truth ∈ [q05, q95]. */
  inside: boolean;
}

/** What {@link knownAnswer} found. */
export interface KnownAnswerResult {
  result: HistoryMatchingResult;
  /** The synthetic targets. */
  targets: CalibrationTarget[];
  parameters: KnownAnswerParameter[];
  /** Parameters the targets cannot identify (range ratio above 0.8). */
  unidentified: string[];
  /** The truth's measure under each wave's emulators, and whether it is inside the emulated region. */
  truthRegion: { inside: boolean; byWave: { wave: number; measure: number }[] };
}

/** Runs the known-answer calibration (see the module comment). */
export async function knownAnswer(o: KnownAnswerOptions): Promise<KnownAnswerResult> {
  const factors = parameterFactors(o.parameters);
  const unknown = Object.keys(o.truth).filter((k) => !o.parameters.includes(k));
  if (unknown.length) throw new ExperimentInputError(`known answer: moved parameters ${unknown.join(', ')} must be among the calibrated ones`);
  const chosen = o.targets ?? HINDCAST_TARGETS.filter((t) => t.use === 'calibration');
  const obsScenario = { ...o.scenario, seed: o.observationSeed ?? o.scenario.seed + 1000 };
  const R = o.observationReplicates ?? 8;
  const [obs] = await evaluateHindcast([{ ...o.truth }], { scenario: obsScenario, replicates: R, targets: chosen, workers: o.workers, keyPrefix: 'truth' });
  if (!obs) throw new Error('known answer: the observation runs produced nothing');
  const targets: CalibrationTarget[] = chosen
    .filter((t) => Number.isFinite(obs.mean[t.name]))
    .map((t) => {
      const z = obs.mean[t.name];
      // the observation's sampling variance, floored at (1% of |z|)² so a statistic that never varies still has a scale
      const v = Math.max(obs.variance[t.name] / R, (0.01 * Math.abs(z)) ** 2, 1e-10);
      return { name: t.name, observed: z, observationVariance: v, discrepancyVariance: 0, source: 'the model at the known values' };
    });
  const evaluate = hindcastEvaluator({ scenario: o.scenario, replicates: o.replicates ?? 2, targets: chosen, workers: o.workers, dir: o.outDir ? `${o.outDir}/runs` : undefined });
  const result = await historyMatch({ parameters: factors, targets }, evaluate, o.settings);
  if (o.outDir) await writeCalibrationOutputs(o.outDir, result);
  const truthPoint: Record<string, number> = {};
  for (const f of factors) truthPoint[f.name] = o.truth[f.name] ?? o.scenario.parameters[f.name] ?? PARAMETER_INDEX.get(f.name)!.default;
  const parameters = result.identification.map((p): KnownAnswerParameter => {
    const truth = truthPoint[p.name];
    const q05 = p.accepted?.q05 ?? null;
    const q95 = p.accepted?.q95 ?? null;
    const inside = q05 !== null && q95 !== null && truth >= q05 && truth <= q95;
    return { name: p.name, truth, q05, q95, rangeRatio: p.rangeRatio, identified: p.identified === true, inside };
  });
  return {
    result,
    targets,
    parameters,
    unidentified: parameters.filter((p) => !p.identified).map((p) => p.name),
    truthRegion: regionMeasure(result, truthPoint),
  };
}


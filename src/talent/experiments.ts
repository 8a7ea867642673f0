/**
 * The engine's experiments with the talent model as their default: `ensemble`, `paramScan`, `sweep`,
 * `sensitivity` and `robustness` take the same options as the engine's (src/experiment), except that `model` may be left
 * out, meaning {@link talentBinding}. Give `model` to run any other binding, factory or module.
 */
import type { ModelSource } from '../experiment/binding.js';
import { ensemble as runEnsemble, type EnsembleOptions } from '../experiment/ensemble.js';
import type { ExperimentResult } from '../experiment/experiment.js';
import { paramScan as runParamScan, type ParamScanOptions } from '../experiment/param-scan.js';
import { robustness as runRobustness, type RobustnessOptions, type RobustnessResult } from '../experiment/robustness.js';
import { sensitivity as runSensitivity, type SensitivityOptions, type SensitivityResult } from '../experiment/sensitivity-run.js';
import { sweep as runSweep, type SweepDesign, type SweepOptions } from '../experiment/sweep.js';
import type { Scenario } from '../scenario/types.js';
import { talentBinding } from './binding.js';

/** Engine options `T` with `model` optional (default: the talentsim model). */
export type TalentOptions<T extends { model: ModelSource }> = Omit<T, 'model'> & { model?: ModelSource };

function withTalent<T extends { model: ModelSource }>(options: TalentOptions<T>): T {
  return { ...options, model: options.model ?? talentBinding } as T;
}

/** {@link runEnsemble | The engine's ensemble}, by default of the talentsim model. */
export function ensemble(scenarios: Scenario | readonly Scenario[], options: TalentOptions<EnsembleOptions> = {}): Promise<ExperimentResult> {
  return runEnsemble(scenarios, withTalent(options));
}

/** {@link runParamScan | The engine's parameter scan}, by default of the talentsim model (points validated). */
export function paramScan(
  scenario: Scenario,
  grid: Readonly<Record<string, readonly number[]>>,
  options: TalentOptions<ParamScanOptions> = {},
): Promise<ExperimentResult> {
  return runParamScan(scenario, grid, withTalent(options));
}

/**
 * {@link runSweep | The engine's sweep} (a grid or a Latin hypercube over parameters, levers or any
 * scenario path, compared with the scenario as given), by default of the talentsim model.
 */
export function sweep(scenario: Scenario, design: SweepDesign, options: TalentOptions<SweepOptions> = {}): Promise<ExperimentResult> {
  return runSweep(scenario, design, withTalent(options));
}

/** {@link runSensitivity | The engine's sensitivity analysis}, by default over the talentsim parameters. */
export function sensitivity(scenario: Scenario, options: TalentOptions<SensitivityOptions>): Promise<SensitivityResult> {
  return runSensitivity(scenario, withTalent(options));
}

/** {@link runRobustness | The engine's robustness of the pathways}, by default on talentsim parameter draws. */
export function robustness(scenarios: readonly Scenario[], options: TalentOptions<RobustnessOptions>): Promise<RobustnessResult> {
  return runRobustness(scenarios, withTalent(options));
}

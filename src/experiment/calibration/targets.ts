/**
 * Calibration targets and the calibration problem: each target is an observed value z with an observation
 * variance and a model-discrepancy variance; the problem pairs the targets with the uncertain parameters
 * (uniform priors over declared ranges, as sensitivity `Factor`s). Checked once, at the boundary, with every
 * problem named by its path.
 */
import { ExperimentInputError } from '../errors.js';
import { checkFactors, type Factor, type FactorIssue } from '../sensitivity/factor.js';

/** One calibration target (an observed quantity the simulator also outputs, under the same name). */
export interface CalibrationTarget {
  /** The simulator output's name (a key of {@link SimulatedPoint.mean}). */
  name: string;
  /** The observed value z. */
  observed: number;
  /** Observation variance V_obs (measurement and sampling error of z), ≥ 0. */
  observationVariance: number;
  /** Model-discrepancy variance V_disc (what the model cannot reproduce even at its best input), ≥ 0. */
  discrepancyVariance: number;
  /** Lower end of the stated interval the target came from (for reports only). */
  low?: number;
  /** Upper end of the stated interval the target came from (for reports only). */
  high?: number;
  /** Where the observation comes from (citation or data file), for reports. */
  source?: string;
  /** First wave at which the target is used (refocusing); default 1. */
  fromWave?: number;
}

/** A target stated as an interval, read by {@link targetFromInterval}. */
export interface IntervalTargetSpec {
  /** The simulator output's name. */
  name: string;
  /** Lower end of the stated interval. */
  low: number;
  /** Upper end of the stated interval (≥ low). */
  high: number;
  /** Model-discrepancy standard deviation, in the target's unit (default 0 unless `discrepancyShare` is set). */
  discrepancySd?: number;
  /** Model-discrepancy standard deviation as a share of |z| (e.g. 0.05); not together with `discrepancySd`. */
  discrepancyShare?: number;
  /** Where the interval comes from. */
  source?: string;
  /** First wave at which the target is used; default 1. */
  fromWave?: number;
}

/** The calibration problem: uncertain parameters with uniform priors on [min, max], and the targets. */
export interface CalibrationProblem {
  /** Calibrated parameters (uniform prior on [min, max]; `integer` ones take whole values). */
  parameters: readonly Factor[];
  /** Targets, each matched by name to a simulator output. */
  targets: readonly CalibrationTarget[];
}

/** A problem found in a calibration problem, with the path of the offending field. */
export type CalibrationIssue = FactorIssue;

/** Column names of posterior.csv that cannot also be parameter names. */
export const RESERVED_COLUMNS = ['weight', 'wave', 'max_implausibility'] as const;

/**
 * A target from a stated interval [low, high], read as z ± 2σ_obs: z = (low + high)/2 and
 * V_obs = ((high − low)/4)² (a 95% interval under normality; by Pukelsheim's three-sigma rule at least
 * 89% for any unimodal error). Model discrepancy from `discrepancySd` or `discrepancyShare`·|z|.
 */
export function targetFromInterval(spec: IntervalTargetSpec): CalibrationTarget {
  if (!(Number.isFinite(spec.low) && Number.isFinite(spec.high) && spec.high >= spec.low)) {
    throw new ExperimentInputError(`target "${spec.name}": the interval [${spec.low}, ${spec.high}] must be finite with low <= high`);
  }
  if (spec.discrepancySd !== undefined && spec.discrepancyShare !== undefined) {
    throw new ExperimentInputError(`target "${spec.name}": give discrepancySd or discrepancyShare, not both`);
  }
  const observed = (spec.low + spec.high) / 2;
  const sdObs = (spec.high - spec.low) / 4;
  const sdDisc = spec.discrepancySd ?? (spec.discrepancyShare ?? 0) * Math.abs(observed);
  const target: CalibrationTarget = {
    name: spec.name,
    observed,
    observationVariance: sdObs * sdObs,
    discrepancyVariance: sdDisc * sdDisc,
    low: spec.low,
    high: spec.high,
  };
  if (spec.source !== undefined) target.source = spec.source;
  if (spec.fromWave !== undefined) target.fromWave = spec.fromWave;
  return target;
}

/** Problems in a calibration problem (empty when usable): the parameters as factors, then every target field. */
export function checkCalibrationProblem(problem: CalibrationProblem): CalibrationIssue[] {
  const issues: CalibrationIssue[] = checkFactors(problem.parameters).map((i) => ({ path: i.path.replace(/^factors/, 'parameters'), message: i.message }));
  problem.parameters.forEach((p, i) => {
    if ((RESERVED_COLUMNS as readonly string[]).includes(p.name)) {
      issues.push({ path: `parameters[${i}].name`, message: `"${p.name}" is reserved for a posterior.csv column` });
    }
  });
  if (problem.targets.length === 0) issues.push({ path: 'targets', message: 'at least one target is needed' });
  const seen = new Set<string>();
  problem.targets.forEach((t, i) => {
    const at = `targets[${i}]`;
    if (!t.name) issues.push({ path: `${at}.name`, message: 'name must be a non-empty string' });
    else if (seen.has(t.name)) issues.push({ path: `${at}.name`, message: `duplicate target name "${t.name}"` });
    seen.add(t.name);
    if (!Number.isFinite(t.observed)) issues.push({ path: `${at}.observed`, message: 'observed must be a finite number' });
    const vo = t.observationVariance;
    const vd = t.discrepancyVariance;
    if (!(Number.isFinite(vo) && vo >= 0)) issues.push({ path: `${at}.observationVariance`, message: 'must be a finite number >= 0' });
    if (!(Number.isFinite(vd) && vd >= 0)) issues.push({ path: `${at}.discrepancyVariance`, message: 'must be a finite number >= 0' });
    if (vo === 0 && vd === 0) {
      issues.push({ path: at, message: 'observation and discrepancy variance are both 0: the implausibility cut-off would be meaningless' });
    }
    if (t.fromWave !== undefined && !(Number.isInteger(t.fromWave) && t.fromWave >= 1)) {
      issues.push({ path: `${at}.fromWave`, message: 'must be a whole number >= 1' });
    }
  });
  if (problem.targets.length > 0 && !problem.targets.some((t) => (t.fromWave ?? 1) === 1)) {
    issues.push({ path: 'targets', message: 'at least one target must be used from wave 1 (fromWave 1 or unset)' });
  }
  return issues;
}

/** Throws an {@link ExperimentInputError} listing every issue of {@link checkCalibrationProblem}. */
export function assertCalibrationProblem(problem: CalibrationProblem): void {
  const issues = checkCalibrationProblem(problem);
  if (issues.length > 0) throw new ExperimentInputError(issues.map((x) => `calibration problem: ${x.path}: ${x.message}`));
}

/** The targets in use at `wave` (those whose `fromWave` is at most `wave`), in declared order. */
export function activeTargets(targets: readonly CalibrationTarget[], wave: number): CalibrationTarget[] {
  return targets.filter((t) => (t.fromWave ?? 1) <= wave);
}

/**
 * Per-wave diagnostics of history matching and the identification summary of the accepted sample:
 * distributions of each target's implausibility, the non-implausible region's per-parameter ranges,
 * emulator fit and validation, and which parameters the targets constrain. Plain data (JSON-ready). Pure.
 */
import type { Factor } from '../sensitivity/factor.js';
import { percentile } from '../sensitivity/percentile.js';

/** Quantiles of a sample (finite values only; null when there are none). */
export interface QuantileSummary {
  min: number;
  q05: number;
  q25: number;
  median: number;
  q75: number;
  q95: number;
  max: number;
}

/** The distribution of one target's implausibility over a wave's runs. */
export interface TargetWaveDiagnostics {
  name: string;
  /** Quantiles over the runs with a finite implausibility (null if none). */
  implausibility: QuantileSummary | null;
  /** Share of the wave's runs whose implausibility for this target is above the cut-off (missing outputs count). */
  aboveCutoff: number;
}

/** One parameter's range in a set of runs (null when the set is empty). */
export interface ParameterRange {
  name: string;
  min: number;
  q05: number;
  median: number;
  q95: number;
  max: number;
}

/** Fit and validation of one target's emulator in a wave. */
export interface EmulatorDiagnostics {
  name: string;
  /** Names of the active inputs. */
  active: string[];
  /** The selected terms, readable (`a`, `P2(a)`, `a*b`). */
  terms: string[];
  /** Share of the training outputs' variance explained. */
  rSquared: number;
  /** Residual standard deviation s. */
  residualSd: number;
  /** Standard deviation of the input-independent part of the emulator variance (lack of fit, net of ensemble noise). */
  lackOfFitSd: number;
  /** Emulator standard deviation averaged (as a variance) over the wave's runs. */
  predictionSd: number;
  /** Tail-calibration factor λ ≥ 1 applied to the emulator variance. */
  varianceInflation: number;
  /**
   * Share of this wave's runs (not used to fit it) whose standardised prediction error
   * |f̄ − μ|/sqrt(V_em + V_ens/R) exceeds 3; well above 0.05 means the emulator is overconfident.
   */
  beyondThree: number;
}

/** The emulator screen of a wave (waves ≥ 2): the emulators and the region sampler that chose its runs. */
export interface ScreenDiagnostics {
  /** Runs the emulators were fitted on. */
  training: number;
  /** Emulator measure evaluations by the region sampler. */
  evaluations: number;
  /** Sampler levels run. */
  levels: number;
  /** Threshold of each level (the last is the cut-off when the region was reached). */
  thresholds: number[];
  /** Metropolis acceptance rate at the last level. */
  acceptance: number;
  /** Smallest emulator measure met (above the cut-off: the emulators find no non-implausible input). */
  bestMeasure: number;
  /** Distinct sampled points inside the region (the wave's runs are a space-filling subset of them). */
  passed: number;
  /** One entry per target in use. */
  emulators: EmulatorDiagnostics[];
}

/** What one wave did. */
export interface WaveDiagnostics {
  wave: number;
  /** Targets in use in this wave. */
  targets: string[];
  /** Simulator runs (design points) in the wave. */
  runs: number;
  /** Runs whose evaluation failed or gave a missing output for a target in use. */
  failed: number;
  /** Runs non-implausible on this wave's targets. */
  nonImplausible: number;
  /** nonImplausible / runs. */
  share: number;
  /** Per-target implausibility distributions. */
  implausibility: TargetWaveDiagnostics[];
  /** Per-parameter ranges of the wave's non-implausible runs (empty when there are none). */
  region: ParameterRange[];
  /**
   * Geometric mean over parameters of (q95 − q05) of this wave's non-implausible runs over the previous
   * wave's (null for wave 1 or when either has fewer than 2 such runs).
   */
  widthRatio: number | null;
  /** The emulator screen that chose the wave's runs (null for wave 1). */
  screen: ScreenDiagnostics | null;
}

/** How well the accepted sample pins down one parameter. */
export interface ParameterIdentification {
  name: string;
  /** Prior range. */
  min: number;
  max: number;
  /** The accepted sample's range (null when it is empty). */
  accepted: ParameterRange | null;
  /** (q95 − q05 of the accepted sample) / (0.9·(max − min)): about 1 when unconstrained (null when empty). */
  rangeRatio: number | null;
  /** rangeRatio ≤ the threshold (default 0.8): the targets constrain the parameter (null when empty). */
  identified: boolean | null;
}

/** Quantiles of the finite values (null if none). */
export function quantileSummary(values: ArrayLike<number>): QuantileSummary | null {
  const x = Float64Array.from(Array.from(values).filter(Number.isFinite)).sort();
  if (x.length === 0) return null;
  const q = (p: number) => percentile(x, p);
  return { min: q(0), q05: q(0.05), q25: q(0.25), median: q(0.5), q75: q(0.75), q95: q(0.95), max: q(1) };
}

/** Each parameter's range over `rows` (parameter values in factor order); empty list for no rows. */
export function parameterRanges(factors: readonly Factor[], rows: readonly ArrayLike<number>[]): ParameterRange[] {
  if (rows.length === 0) return [];
  return factors.map((f, j) => {
    const q = quantileSummary(rows.map((r) => r[j]));
    if (!q) throw new RangeError(`parameter "${f.name}": non-finite values in the runs`);
    return { name: f.name, min: q.min, q05: q.q05, median: q.median, q95: q.q95, max: q.max };
  });
}

/** Geometric mean of the per-parameter (q95 − q05) width ratios current/previous (null if either has < 2 rows). */
export function widthRatio(current: readonly ParameterRange[], previous: readonly ParameterRange[], factors: readonly Factor[]): number | null {
  if (current.length === 0 || previous.length === 0) return null;
  let logSum = 0;
  factors.forEach((f, j) => {
    const floor = 1e-9 * (f.max - f.min);
    logSum += Math.log(Math.max(current[j].q95 - current[j].q05, floor) / Math.max(previous[j].q95 - previous[j].q05, floor));
  });
  return Math.exp(logSum / factors.length);
}

/** How far the accepted sample constrains each parameter (see {@link ParameterIdentification}). */
export function identifyParameters(factors: readonly Factor[], accepted: readonly ArrayLike<number>[], threshold = 0.8): ParameterIdentification[] {
  const ranges = parameterRanges(factors, accepted);
  return factors.map((f, j) => {
    const r = ranges[j];
    if (!r) return { name: f.name, min: f.min, max: f.max, accepted: null, rangeRatio: null, identified: null };
    const rangeRatio = (r.q95 - r.q05) / (0.9 * (f.max - f.min));
    return { name: f.name, min: f.min, max: f.max, accepted: r, rangeRatio, identified: rangeRatio <= threshold };
  });
}

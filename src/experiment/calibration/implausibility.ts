/**
 * The implausibility measure of history matching (Craig et al. 1997; Vernon, Goldstein & Bower 2010):
 * how many standard deviations the simulator's output at an input lies from the observation, counting
 * observation, model-discrepancy and stochastic (ensemble) variance. Pure functions.
 */
import type { CalibrationTarget } from './targets.js';

/**
 * How the simulator's run-to-run (ensemble) variance V_ens enters the implausibility:
 * - 'ensemble-mean' (default): V_ens/R, the variance of the mean of R replicates. Right when z estimates
 *   the expected outcome and the real world's own stochastic variability is inside V_obs or V_disc.
 * - 'single-realisation': V_ens·(1 + 1/R). Right when z is one realisation of a stochastic process that the
 *   simulator reproduces (e.g. synthetic observations taken from one model run, or a county read as one
 *   draw of the demographic lottery): then z − f̄ has the realisation's variance V_ens plus V_ens/R of the
 *   mean (Andrianakis et al. 2015 add V_ens for this reason).
 */
export type StochasticVariance = 'ensemble-mean' | 'single-realisation';

/** The simulator's ensemble summary of one output at one input. */
export interface EnsembleSummary {
  /** Mean over the R replicates (non-finite: the output is missing and the input is implausible). */
  mean: number;
  /** Sample variance over the R replicates (n − 1 denominator; 0 for a deterministic simulator). */
  variance: number;
  /** Number of replicates R (≥ 1). */
  replicates: number;
}

/** The stochastic variance term for a convention: V_ens/R or V_ens·(1 + 1/R). */
export function stochasticTerm(variance: number, replicates: number, convention: StochasticVariance = 'ensemble-mean'): number {
  return convention === 'ensemble-mean' ? variance / replicates : variance * (1 + 1 / replicates);
}

/**
 * I(x) = |z − f̄(x)| / sqrt(V_obs + V_disc + V_stoch(x)), with V_stoch from {@link stochasticTerm}.
 * A non-finite mean gives +Infinity (a missing output rules the input out); |z − f̄| = 0 gives 0.
 */
export function implausibility(target: CalibrationTarget, sim: EnsembleSummary, convention: StochasticVariance = 'ensemble-mean'): number {
  if (!Number.isFinite(sim.mean)) return Infinity;
  const d = Math.abs(target.observed - sim.mean);
  if (d === 0) return 0;
  const v = target.observationVariance + target.discrepancyVariance + stochasticTerm(sim.variance, sim.replicates, convention);
  return d / Math.sqrt(v);
}

/**
 * The `rank`-th largest of `values` (rank 1 = the maximum): the combined measure I_M, I_2M or I_3M of
 * Vernon et al. (2010). A rank above the number of values is clamped to the smallest value; an empty list
 * gives 0 (nothing to be implausible about).
 */
export function rankedImplausibility(values: ArrayLike<number>, rank = 1): number {
  if (values.length === 0) return 0;
  const k = Math.min(Math.max(1, Math.floor(rank)), values.length);
  if (k === 1) {
    let m = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const x = Number.isNaN(values[i]) ? Infinity : values[i];
      if (x > m) m = x;
    }
    return m;
  }
  const sorted = Array.from(values, (v) => (Number.isNaN(v) ? Infinity : v)).sort((a, b) => b - a);
  return sorted[k - 1];
}

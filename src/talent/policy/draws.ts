/**
 * Parameter draws for robust policy design: sets of parameter values a policy is evaluated on, so that it is
 * chosen for the range of plausible models rather than tuned to one. With a posterior sample (posterior.csv
 * of a calibration), draws are taken from it with the engine's `drawPosterior` (by weight, keyed by a seed and
 * the draw number); without one, a Latin hypercube over the declared ranges of the free ('assumption')
 * parameters.
 */
import { streamFor } from '../../core/random.js';
import { drawPosterior, type PosteriorSample } from '../../experiment/calibration/posterior.js';
import { ExperimentInputError } from '../../experiment/errors.js';
import { pointValues } from '../../experiment/sensitivity/factor.js';
import { latinHypercube } from '../../experiment/sensitivity/lhs.js';
import { PARAMETERS } from '../../model/parameters.js';
import { parameterFactors } from '../parameter-factors.js';

/** Names of the free parameters: basis 'assumption' with a range to vary. */
export function assumptionParameterNames(): string[] {
  return PARAMETERS.filter((p) => p.basis === 'assumption' && p.max > p.min).map((p) => p.name);
}

/** Where the draws of a robust design come from. */
export interface DrawSource {
  /** A posterior sample; absent: a Latin hypercube over the assumption parameters' declared ranges. */
  posterior?: PosteriorSample;
  /** Parameters of the hypercube (default: every assumption parameter). */
  parameters?: readonly string[];
}

/** `n` parameter sets (overrides by name) keyed by `seed`: fresh draws need another seed. */
export function parameterDraws(source: DrawSource, n: number, seed: number): Record<string, number>[] {
  if (!Number.isInteger(n) || n < 1) throw new ExperimentInputError(`draws must be an integer ≥ 1, found ${n}`);
  if (source.posterior) return Array.from({ length: n }, (_, d) => drawPosterior(source.posterior!, `policy-design-${seed}`, d));
  const factors = parameterFactors(source.parameters ?? assumptionParameterNames());
  return latinHypercube(factors, n, streamFor(['policy-design-draws', seed])).map((row) => pointValues(factors, row));
}

/** Latin hypercube sampling: n points in which every factor's n equal-probability strata are each hit once. */
import type { Stream } from '../../core/random.js';
import { shuffle } from '../../core/random.js';
import { assertFactors, fromUnit, type Factor } from './factor.js';

/**
 * A Latin hypercube of `n` points (rows) over `factors` (columns, in order): for each factor, a random
 * permutation of the strata [i/n, (i+1)/n) with a uniform jitter inside each, mapped by {@link fromUnit}.
 * Draws from `stream`: per factor, the permutation then n jitters.
 */
export function latinHypercube(factors: readonly Factor[], n: number, stream: Stream): number[][] {
  assertFactors(factors);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`latinHypercube: n must be a positive integer, got ${n}`);
  const points: number[][] = Array.from({ length: n }, () => new Array<number>(factors.length));
  const perm = new Int32Array(n);
  factors.forEach((f, j) => {
    for (let i = 0; i < n; i++) perm[i] = i;
    shuffle(stream, perm);
    for (let i = 0; i < n; i++) points[i][j] = fromUnit(f, (perm[i] + stream.next()) / n);
  });
  return points;
}

/**
 * Space-filling designs for history-matching waves: a maximin Latin hypercube over the prior box for the
 * first wave (the best of several Latin hypercubes by their smallest pairwise distance, Morris & Mitchell
 * 1995's maximin criterion) and a greedy maximin subset (farthest-point traversal, Gonzalez 1985) of the
 * candidates that survive the emulator screen in later waves. Distances are Euclidean on inputs scaled by
 * the ranges given. Pure; randomness only from the stream passed in.
 */
import { uniformInt, type Stream } from '../../core/random.js';
import { latinHypercube } from '../sensitivity/lhs.js';
import type { Factor } from '../sensitivity/factor.js';

/** Rows scaled by 1/width into one flat row-major array (a zero width scales to 0). */
function flatScaled(points: readonly ArrayLike<number>[], widths: ArrayLike<number>): Float64Array {
  const p = widths.length;
  const flat = new Float64Array(points.length * p);
  points.forEach((x, i) => {
    for (let j = 0; j < p; j++) flat[i * p + j] = widths[j] > 0 ? x[j] / widths[j] : 0;
  });
  return flat;
}

/**
 * The smallest pairwise squared distance of `points` on inputs scaled by 1/width; stops early (returning
 * a value ≤ `stopBelow`) once a pair closer than `stopBelow` is found.
 */
export function minimumDistance2(points: readonly ArrayLike<number>[], widths: ArrayLike<number>, stopBelow = 0): number {
  const p = widths.length;
  const flat = flatScaled(points, widths);
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const oi = i * p;
    for (let k = 0; k < i; k++) {
      const ok = k * p;
      let s = 0;
      for (let j = 0; j < p && s < best; j++) {
        const d = flat[oi + j] - flat[ok + j];
        s += d * d;
      }
      if (s < best) {
        best = s;
        if (best <= stopBelow) return best;
      }
    }
  }
  return best;
}

/**
 * A maximin Latin hypercube: `tries` Latin hypercubes (from {@link latinHypercube}, drawn in turn from
 * `stream`) and the one whose closest pair of points (on inputs scaled by their ranges) is farthest apart;
 * ties keep the earlier. Every factor's n strata are still hit exactly once.
 */
export function maximinLatinHypercube(factors: readonly Factor[], n: number, stream: Stream, tries = 5): number[][] {
  if (!Number.isInteger(tries) || tries < 1) throw new RangeError(`maximinLatinHypercube: tries must be a positive integer, got ${tries}`);
  const widths = factors.map((f) => f.max - f.min);
  let best = latinHypercube(factors, n, stream);
  let bestD = tries > 1 ? minimumDistance2(best, widths) : 0;
  for (let t = 1; t < tries; t++) {
    const next = latinHypercube(factors, n, stream);
    const d = minimumDistance2(next, widths, bestD);
    if (d > bestD) {
      best = next;
      bestD = d;
    }
  }
  return best;
}

/**
 * Indices of a greedy maximin subset of `n` of `points`: the first point at random (one draw from
 * `stream`), then repeatedly the point farthest from all chosen so far (ties: the lowest index). Distances
 * on inputs scaled by the points' own per-input ranges, so a region narrow in one input and wide in another
 * is filled in both. Returns every index, in order, when n ≥ the number of points. Cost: count·n·inputs.
 */
export function spaceFillingSubset(points: readonly ArrayLike<number>[], n: number, stream: Stream): number[] {
  const count = points.length;
  if (n >= count) return points.map((_, i) => i);
  if (n <= 0) return [];
  const p = points[0].length;
  const widths = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of points) {
      if (x[j] < lo) lo = x[j];
      if (x[j] > hi) hi = x[j];
    }
    widths[j] = hi - lo;
  }
  const flat = flatScaled(points, widths);
  const nearest = new Float64Array(count).fill(Infinity);
  const chosen: number[] = [];
  let next = uniformInt(stream, count);
  for (;;) {
    chosen.push(next);
    nearest[next] = -1;
    if (chosen.length === n) break;
    const oc = next * p;
    let far = -1;
    let farD = -1;
    for (let i = 0; i < count; i++) {
      const limit = nearest[i];
      if (limit < 0) continue;
      const oi = i * p;
      let s = 0;
      for (let j = 0; j < p && s < limit; j++) {
        const d = flat[oi + j] - flat[oc + j];
        s += d * d;
      }
      if (s < limit) nearest[i] = s;
      if (nearest[i] > farD) {
        farD = nearest[i];
        far = i;
      }
    }
    next = far;
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Representative points of a non-implausible sample, for a single default parameter set: the run with
 * the best (smallest) implausibility, the medoid (the accepted run closest on average to all others), the
 * per-parameter median, and the per-parameter mode by a kernel density on each margin. The medoid and the
 * best run are runs the simulator has actually passed, with a coherent combination of values; the median
 * and the mode are assembled margin by margin and need their own run to be checked. Pure.
 */
import type { Factor } from '../sensitivity/factor.js';
import { percentile } from '../sensitivity/percentile.js';

/** Which representative point the calibration proposes as the default parameter set. */
export type RepresentativeChoice = 'medoid' | 'best' | 'median' | 'mode';

/** The representative choices, in the order they are reported. */
export const REPRESENTATIVE_CHOICES: readonly RepresentativeChoice[] = ['medoid', 'best', 'median', 'mode'];

/**
 * Index of the medoid of `points` (rows of parameter values): the row with the smallest sum of Euclidean
 * distances to the rows of a reference set (every row, or for more than `maxReference` rows an evenly
 * strided subset), on inputs standardised by the sample's own standard deviations, so that a parameter
 * the targets pin down counts as much as one they leave free (on prior-range scales the free ones would
 * dominate and the medoid could sit at the edge of the constrained ones). Constant inputs are ignored.
 * Ties go to the lowest index; −1 when empty.
 */
export function medoidIndex(points: readonly ArrayLike<number>[], maxReference = 2000): number {
  const n = points.length;
  if (n === 0) return -1;
  const p = points[0].length;
  const inv = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (const x of points) mean += x[j] / n;
    let ss = 0;
    for (const x of points) ss += (x[j] - mean) ** 2;
    inv[j] = ss > 0 ? 1 / Math.sqrt(ss / n) : 0;
  }
  const flat = new Float64Array(n * p);
  points.forEach((x, i) => {
    for (let j = 0; j < p; j++) flat[i * p + j] = x[j] * inv[j];
  });
  const step = Math.max(1, Math.ceil(n / maxReference));
  let best = -1;
  let bestSum = Infinity;
  for (let i = 0; i < n; i++) {
    const oi = i * p;
    let sum = 0;
    for (let k = 0; k < n && sum < bestSum; k += step) {
      const ok = k * p;
      let d2 = 0;
      for (let j = 0; j < p; j++) {
        const d = flat[oi + j] - flat[ok + j];
        d2 += d * d;
      }
      sum += Math.sqrt(d2);
    }
    if (sum < bestSum) {
      bestSum = sum;
      best = i;
    }
  }
  return best;
}

/** The sample median of one margin (type-7 interpolation), rounded for an integer factor. */
export function marginalMedian(values: ArrayLike<number>, factor: Factor): number {
  const m = percentile(values, 0.5);
  return factor.integer ? Math.round(m) : m;
}

/**
 * The mode of one margin. Integer factor: the most frequent value (ties: the smallest). Continuous: the
 * maximum of a Gaussian kernel density with Silverman's (1986, eq. 3.31) bandwidth 0.9·min(sd, IQR/1.34)·n^(−1/5),
 * reflected at the prior bounds (so mass near a bound is not lost), on `grid` points over [min, max] with
 * the values linearly binned onto the grid (Wand 1994: the binning error is far below the bandwidth); ties
 * go to the lowest grid point. A constant sample gives its value.
 */
export function marginalMode(values: ArrayLike<number>, factor: Factor, grid = 512): number {
  const n = values.length;
  if (n === 0) return NaN;
  if (factor.integer) {
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
    let best = NaN;
    let bestCount = -1;
    for (const [v, c] of [...counts].sort((a, b) => a[0] - b[0])) {
      if (c > bestCount) {
        best = v;
        bestCount = c;
      }
    }
    return best;
  }
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const iqr = percentile(values, 0.75) - percentile(values, 0.25);
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  const h = 0.9 * spread * Math.pow(n, -0.2);
  if (!(h > 0)) return values[0];
  const lo = factor.min;
  const G = grid;
  const step = (factor.max - lo) / (G - 1);
  // linear binning onto the grid
  const counts = new Float64Array(G);
  for (let i = 0; i < n; i++) {
    const u = Math.min(G - 1, Math.max(0, (values[i] - lo) / step));
    const b = Math.min(G - 2, Math.floor(u));
    const f = u - b;
    counts[b] += 1 - f;
    counts[b + 1] += f;
  }
  // kernel by grid offset, −2(G−1)..2(G−1)
  const offset = 2 * (G - 1);
  const kernel = new Float64Array(2 * offset + 1);
  for (let o = -offset; o <= offset; o++) kernel[o + offset] = Math.exp(-0.5 * ((o * step) / h) ** 2);
  let best = lo;
  let bestDensity = -1;
  for (let g = 0; g < G; g++) {
    let dens = 0;
    for (let b = 0; b < G; b++) {
      const c = counts[b];
      if (c === 0) continue;
      // the value itself, its mirror at min (grid index −b) and its mirror at max (index 2(G−1) − b)
      dens += c * (kernel[g - b + offset] + kernel[g + b + offset] + kernel[g - (2 * (G - 1) - b) + offset]);
    }
    if (dens > bestDensity) {
      bestDensity = dens;
      best = lo + g * step;
    }
  }
  return best;
}

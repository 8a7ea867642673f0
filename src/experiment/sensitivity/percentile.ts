/** Percentiles of a sample (for bootstrap intervals), linear interpolation between order statistics. */

/**
 * The q-quantile (q ∈ [0, 1]) of `values` by linear interpolation between order statistics
 * (Hyndman & Fan 1996 type 7, the default of R and NumPy). Sorts a copy; NaN for an empty sample.
 */
export function percentile(values: ArrayLike<number>, q: number): number {
  const x = Float64Array.from(values).sort();
  if (x.length === 0) return NaN;
  const h = (x.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(x.length - 1, lo + 1);
  return x[lo] + (h - lo) * (x[hi] - x[lo]);
}

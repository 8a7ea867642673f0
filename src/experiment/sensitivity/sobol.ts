/**
 * Variance-based (Sobol) sensitivity indices from a Saltelli (2010) design: first-order S1 by the
 * Saltelli 2010 estimator, total ST by Jansen's (1999), both with percentile-bootstrap intervals.
 * The base sample is pseudo-random (iid uniform from the seeded stream), so bootstrap resampling of
 * its rows is valid; a low-discrepancy base would converge faster but break that.
 */
import type { Stream } from '../../core/random.js';
import { uniformInt } from '../../core/random.js';
import { assertFactors, fromUnit, type Factor } from './factor.js';
import { percentile } from './percentile.js';

/** Options of {@link saltelliDesign}. */
export interface SaltelliOptions {
  /** N, the base sample size; the design has N·(k + 2) points. */
  n: number;
}

/**
 * A Saltelli design. Points come in N blocks of k + 2 rows: A_j, A_B^(1)_j, …, A_B^(k)_j, B_j, where
 * A_B^(i) is A with column i taken from B. Any contiguous slice can be evaluated anywhere.
 */
export interface SaltelliDesign {
  factors: Factor[];
  /** N. */
  n: number;
  /** N·(k + 2) points, natural units, columns following `factors`. */
  points: number[][];
}

/** Options of {@link sobolIndices}. */
export interface SobolOptions {
  /** Bootstrap resamples for the intervals (0: intervals collapse to the estimate). 1000 is usual. */
  bootstrap: number;
  /** Stream for the bootstrap resampling. */
  stream: Stream;
  /** Confidence level of the percentile intervals; default 0.95. */
  confidence?: number;
}

/** Sobol indices of one factor, with percentile-bootstrap intervals. */
export interface SobolIndex {
  parameter: string;
  S1: number;
  S1_low: number;
  S1_high: number;
  ST: number;
  ST_low: number;
  ST_high: number;
}

/**
 * The Saltelli 2010 sampling design: two independent N × k uniform matrices A and B (drawn row by row,
 * A's row then B's row, from `stream`) and the k matrices A_B^(i), laid out in blocks (see {@link SaltelliDesign}).
 */
export function saltelliDesign(factors: readonly Factor[], options: SaltelliOptions, stream: Stream): SaltelliDesign {
  assertFactors(factors);
  const { n } = options;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`saltelliDesign: n must be an integer >= 2, got ${n}`);
  const k = factors.length;
  const points: number[][] = [];
  const a = new Array<number>(k);
  const b = new Array<number>(k);
  for (let row = 0; row < n; row++) {
    for (let j = 0; j < k; j++) a[j] = fromUnit(factors[j], stream.next());
    for (let j = 0; j < k; j++) b[j] = fromUnit(factors[j], stream.next());
    points.push(a.slice());
    for (let i = 0; i < k; i++) {
      const ab = a.slice();
      ab[i] = b[i];
      points.push(ab);
    }
    points.push(b.slice());
  }
  return { factors: factors.map((f) => ({ ...f })), n, points };
}

/** Point estimates for the rows `idx` of the base sample. */
function estimate(y: ArrayLike<number>, k: number, idx: ArrayLike<number>, s1: Float64Array, st: Float64Array): void {
  const m = idx.length;
  const w = k + 2;
  // Total variance from f(A) and f(B) together (2m values), as in Saltelli 2010 and SALib.
  let mean = 0;
  for (let r = 0; r < m; r++) mean += y[idx[r] * w] + y[idx[r] * w + k + 1];
  mean /= 2 * m;
  let v = 0;
  for (let r = 0; r < m; r++) {
    v += (y[idx[r] * w] - mean) ** 2 + (y[idx[r] * w + k + 1] - mean) ** 2;
  }
  v /= 2 * m - 1;
  for (let i = 0; i < k; i++) {
    let a1 = 0;
    let at = 0;
    for (let r = 0; r < m; r++) {
      const base = idx[r] * w;
      const fa = y[base];
      const fb = y[base + k + 1];
      const fab = y[base + 1 + i];
      a1 += fb * (fab - fa); // Saltelli 2010, Table 2 (b)
      at += (fa - fab) ** 2; // Jansen 1999, Table 2 (f)
    }
    s1[i] = v > 0 ? a1 / m / v : 0;
    st[i] = v > 0 ? at / (2 * m) / v : 0;
  }
}

/**
 * First-order and total Sobol indices from outputs in design order, with percentile-bootstrap intervals
 * (the N base rows resampled with replacement, each resample drawing N indices from `options.stream`).
 * A constant output gives all indices 0.
 */
export function sobolIndices(design: SaltelliDesign, outputs: ArrayLike<number>, options: SobolOptions): SobolIndex[] {
  const k = design.factors.length;
  const n = design.n;
  if (outputs.length !== n * (k + 2)) {
    throw new RangeError(`sobolIndices: ${outputs.length} outputs for ${n * (k + 2)} design points`);
  }
  for (let i = 0; i < outputs.length; i++) {
    if (!Number.isFinite(outputs[i])) throw new RangeError(`sobolIndices: output ${i} is not finite (${outputs[i]})`);
  }
  const B = options.bootstrap;
  if (!Number.isInteger(B) || B < 0) throw new RangeError(`sobolIndices: bootstrap must be a non-negative integer, got ${B}`);
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`sobolIndices: confidence must be in (0, 1), got ${confidence}`);

  const all = Int32Array.from({ length: n }, (_, i) => i);
  const s1 = new Float64Array(k);
  const st = new Float64Array(k);
  estimate(outputs, k, all, s1, st);

  const bs1 = Array.from({ length: k }, () => new Float64Array(B));
  const bst = Array.from({ length: k }, () => new Float64Array(B));
  const idx = new Int32Array(n);
  const r1 = new Float64Array(k);
  const rt = new Float64Array(k);
  for (let b = 0; b < B; b++) {
    for (let r = 0; r < n; r++) idx[r] = uniformInt(options.stream, n);
    estimate(outputs, k, idx, r1, rt);
    for (let i = 0; i < k; i++) { bs1[i][b] = r1[i]; bst[i][b] = rt[i]; }
  }
  const lo = (1 - confidence) / 2;
  const hi = 1 - lo;
  return design.factors.map((f, i) => ({
    parameter: f.name,
    S1: s1[i],
    S1_low: B > 0 ? percentile(bs1[i], lo) : s1[i],
    S1_high: B > 0 ? percentile(bs1[i], hi) : s1[i],
    ST: st[i],
    ST_low: B > 0 ? percentile(bst[i], lo) : st[i],
    ST_high: B > 0 ? percentile(bst[i], hi) : st[i],
  }));
}

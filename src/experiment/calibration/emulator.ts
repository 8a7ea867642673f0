/**
 * Regression emulators for history matching (Vernon, Goldstein & Bower 2010 §3; Andrianakis et al. 2015):
 * per target, a polynomial in the most active inputs, chosen by forward selection, with a residual
 * ("nugget") variance standing for everything the polynomial misses (inactive inputs, higher-order terms).
 * The emulator predicts the simulator's expected output at an untried input with a variance, so thousands
 * of candidates can be screened for implausibility without running the simulator.
 *
 * Terms are Legendre polynomials of the inputs rescaled to [−1, 1] over the training runs: linear s_j,
 * quadratic P2(s_j) = (3s_j² − 1)/2, and, for active inputs, cubic P3(s_j) = (5s_j³ − 3s_j)/2 and products
 * s_i·s_j of two active inputs (a cubic lets a smooth but curved output be fitted to its edges, where a
 * quadratic's error is largest). Forward selection adds, one at a time, the term that most reduces the
 * residual sum of squares while the Bayesian information criterion falls (n·ln(RSS/n) + m·ln n), keeping an
 * incremental Cholesky factor of the selected terms' Gram matrix (each step costs one inner product of
 * length n per open candidate). An input becomes active when one of its terms enters; at most `maxActive`
 * inputs are active, and cubic terms and products are offered only for active inputs.
 *
 * Prediction variance at x: λ·(α + β·n·leverage(x)), leverage(x) = 1/n + hᵀ(CᵀC)⁻¹h with h the centred term
 * vector. α and β come from the leave-one-out (PRESS) residuals: each run's squared leave-one-out error,
 * net of the ensemble noise of its training mean (which says nothing about the expected output), is
 * regressed on its own leverage ratio n·h_ii/(1 − h_ii), with α, β ≥ 0 and β·n at least the residual
 * variance s² (the ordinary least-squares parameter uncertainty). So the variance is the lack of fit (α)
 * plus a part growing towards the edges of the training runs (β), where a polynomial's error is largest;
 * for a correct polynomial it reduces to the textbook s²·leverage. λ ≥ 1 calibrates the tails: the
 * leave-one-out errors, each divided by the standard deviation the emulator would have claimed for it,
 * must have their 99th percentile at most the normal's 2.576, else the variance is scaled up until they do.
 * The decision the emulator serves is taken at three standard deviations, so it is the tails, not the
 * average, that must be honest. Pure; no randomness.
 */

import { percentile } from '../sensitivity/percentile.js';

/** Options of {@link fitEmulator}. */
export interface EmulatorOptions {
  /** Most inputs with a term in the emulator; default 10. */
  maxActive?: number;
  /** Most terms besides the intercept; default 40 (and never more than (n − 1)/3). */
  maxTerms?: number;
  /** Offer products of two active inputs; default true. */
  interactions?: boolean;
  /** Offer cubic terms of active inputs; default true. */
  cubic?: boolean;
}

/** One term of an emulator: a Legendre polynomial of one input, or the product of two. */
export interface EmulatorTerm {
  /** 'linear' s_a, 'quadratic' P2(s_a) = (3s_a² − 1)/2, 'cubic' P3(s_a) = (5s_a³ − 3s_a)/2, or 'product' s_a·s_b. */
  kind: 'linear' | 'quadratic' | 'cubic' | 'product';
  /** Input index (column of the training inputs). */
  a: number;
  /** Second input index of a product (−1 otherwise). */
  b: number;
}

/** A fitted regression emulator of one output. */
export interface Emulator {
  /** Indices of the active inputs, ascending. */
  readonly active: readonly number[];
  /** The selected terms, in selection order. */
  readonly terms: readonly EmulatorTerm[];
  /** Number of training runs. */
  readonly training: number;
  /** Coefficient of each term (on centred terms). */
  readonly coefficients: Float64Array;
  /** Mean of the training outputs (the intercept on centred terms). */
  readonly intercept: number;
  /** Residual variance s² = RSS/(n − m − 1). */
  readonly residualVariance: number;
  /** The variance that does not depend on the input, λ·α (see the module comment). */
  readonly lackOfFitVariance: number;
  /** The variance per unit of leverage, λ·β·n: the prediction variance is lackOfFit + this·leverage(x). */
  readonly leverageVariance: number;
  /** Tail-calibration factor λ ≥ 1 already applied to both variance terms (see the module comment). */
  readonly varianceInflation: number;
  /** Mean ensemble variance V_ens of the training runs (for the 'single-realisation' convention). */
  readonly ensembleVariance: number;
  /** Share of the training outputs' variance explained, 1 − RSS/TSS (1 when the outputs are constant). */
  readonly rSquared: number;
  /** Centre of each input's training range. */
  readonly centre: Float64Array;
  /** Half-width of each input's training range (0: the input is constant and cannot be active). */
  readonly halfWidth: Float64Array;
  /** Training mean of each term. */
  readonly termMeans: Float64Array;
  /** Lower Cholesky factor of the centred terms' Gram matrix, row-major m×m. */
  readonly cholesky: Float64Array;
}

/** An emulator's prediction of the expected output at one input. */
export interface EmulatorPrediction {
  /** Predicted expected output. */
  mean: number;
  /** Variance of the expected output given the training runs. */
  variance: number;
}

/** The training data of {@link fitEmulator}: inputs (n rows of p values), outputs and their noise. */
export interface EmulatorTraining {
  /** Input values, one row per run (the parameters in declared order). */
  inputs: readonly ArrayLike<number>[];
  /** The run's ensemble mean of the output. */
  outputs: ArrayLike<number>;
  /** The run's ensemble variance V_ens (0 for a deterministic simulator). */
  ensembleVariance: ArrayLike<number>;
  /** The run's number of replicates R. */
  replicates: ArrayLike<number>;
}

/** One basis function's value: Legendre polynomial of x, or the product x·y. */
function basis(kind: EmulatorTerm['kind'], x: number, y: number): number {
  if (kind === 'linear') return x;
  if (kind === 'quadratic') return 1.5 * x * x - 0.5;
  if (kind === 'cubic') return x * (2.5 * x * x - 1.5);
  return x * y;
}

function termValue(t: EmulatorTerm, s: ArrayLike<number>): number {
  return basis(t.kind, s[t.a], t.b >= 0 ? s[t.b] : 0);
}

/** A column of the candidate pool during selection. */
interface Candidate {
  term: EmulatorTerm;
  /** Centred column values over the training runs. */
  column: Float64Array;
  /** Mean of the uncentred column. */
  mean: number;
  /** ‖c‖² of the centred column. */
  norm2: number;
  /** cᵀy (centred). */
  cy: number;
  /** L⁻¹ C_Sᵀ c against the selected columns so far. */
  w: number[];
  /** Still usable (false once selected, or found collinear with the selection). */
  open: boolean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Fits an emulator of one output by forward selection (see the module comment). Throws on fewer than 3
 * training runs or ragged inputs. Deterministic: ties go to the earlier candidate (inputs in order, linear
 * before quadratic, products by first input).
 */
export function fitEmulator(data: EmulatorTraining, options: EmulatorOptions = {}): Emulator {
  const n = data.inputs.length;
  if (n < 3) throw new RangeError(`fitEmulator: need at least 3 training runs, got ${n}`);
  const p = data.inputs[0].length;
  for (const row of data.inputs) if (row.length !== p) throw new RangeError('fitEmulator: every input row needs the same length');
  const maxActive = options.maxActive ?? 10;
  const maxTerms = Math.min(options.maxTerms ?? 40, Math.floor((n - 1) / 3));
  const interactions = options.interactions ?? true;
  const cubic = options.cubic ?? true;

  const centre = new Float64Array(p);
  const halfWidth = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const row of data.inputs) {
      if (row[j] < lo) lo = row[j];
      if (row[j] > hi) hi = row[j];
    }
    centre[j] = (lo + hi) / 2;
    halfWidth[j] = hi > lo ? (hi - lo) / 2 : 0;
  }
  const scaled: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const col = new Float64Array(n);
    if (halfWidth[j] > 0) for (let i = 0; i < n; i++) col[i] = (data.inputs[i][j] - centre[j]) / halfWidth[j];
    scaled.push(col);
  }
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += data.outputs[i];
  yMean /= n;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = data.outputs[i] - yMean;
  const tss = dot(y, y);

  const selected: Candidate[] = [];
  const z: number[] = []; // L⁻¹ C_Sᵀ y
  const lower: number[][] = []; // rows of L
  const pool: Candidate[] = [];
  const active: number[] = [];

  const makeCandidate = (term: EmulatorTerm): Candidate => {
    const column = new Float64Array(n);
    const xs = scaled[term.a];
    const ys = term.b >= 0 ? scaled[term.b] : xs;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += column[i] = basis(term.kind, xs[i], ys[i]);
    mean /= n;
    for (let i = 0; i < n; i++) column[i] -= mean;
    const c: Candidate = { term, column, mean, norm2: dot(column, column), cy: dot(column, y), w: [], open: true };
    // project onto the current selection: w = L⁻¹ C_Sᵀ c
    for (let k = 0; k < selected.length; k++) {
      let v = dot(selected[k].column, column);
      for (let l = 0; l < k; l++) v -= lower[k][l] * c.w[l];
      c.w.push(v / lower[k][k]);
    }
    if (!(c.norm2 > 0)) c.open = false;
    return c;
  };
  const residualNorm2 = (c: Candidate) => {
    let r = c.norm2;
    for (const v of c.w) r -= v * v;
    return r;
  };
  const gain = (c: Candidate) => {
    const r2 = residualNorm2(c);
    if (!(r2 > 1e-10 * c.norm2)) return -1; // collinear with the selection
    let num = c.cy;
    for (let l = 0; l < c.w.length; l++) num -= c.w[l] * z[l];
    return (num * num) / r2;
  };

  for (let j = 0; j < p; j++) {
    if (halfWidth[j] === 0) continue;
    pool.push(makeCandidate({ kind: 'linear', a: j, b: -1 }));
    pool.push(makeCandidate({ kind: 'quadratic', a: j, b: -1 }));
  }

  let rss = tss;
  const penalty = Math.exp(-Math.log(n) / n); // BIC: accept when RSS_new < RSS_old·n^(−1/n)
  while (selected.length < maxTerms && rss > 1e-12 * tss) {
    let best: Candidate | undefined;
    let bestGain = 0;
    for (const c of pool) {
      if (!c.open) continue;
      const isNew = !active.includes(c.term.a) || (c.term.b >= 0 && !active.includes(c.term.b));
      if (isNew && active.length >= maxActive) continue;
      const g = gain(c);
      if (g < 0) {
        c.open = false;
        continue;
      }
      if (g > bestGain) {
        best = c;
        bestGain = g;
      }
    }
    if (!best || !(rss - bestGain < rss * penalty)) break;
    // add `best` to the selection: extend L and z, then every open candidate's w
    const k = selected.length;
    const diag = Math.sqrt(residualNorm2(best));
    const row = [...best.w, diag];
    lower.push(row);
    let zk = best.cy;
    for (let l = 0; l < k; l++) zk -= best.w[l] * z[l];
    z.push(zk / diag);
    best.open = false;
    selected.push(best);
    rss -= bestGain;
    for (const c of pool) {
      if (!c.open) continue;
      let v = dot(best.column, c.column);
      for (let l = 0; l < k; l++) v -= row[l] * c.w[l];
      c.w.push(v / diag);
    }
    if (!active.includes(best.term.a)) {
      const j = best.term.a;
      if (cubic) pool.push(makeCandidate({ kind: 'cubic', a: j, b: -1 }));
      if (interactions) for (const other of active) pool.push(makeCandidate({ kind: 'product', a: Math.min(j, other), b: Math.max(j, other) }));
      active.push(j);
    }
  }

  const m = selected.length;
  // coefficients: Lᵀβ = z
  const coefficients = new Float64Array(m);
  for (let k = m - 1; k >= 0; k--) {
    let v = z[k];
    for (let l = k + 1; l < m; l++) v -= lower[l][k] * coefficients[l];
    coefficients[k] = v / lower[k][k];
  }
  // residuals from the data themselves (the Gram update loses digits near an exact fit), with each run's
  // leverage h_ii = 1/n + ‖L⁻¹c_i‖² for its leave-one-out (PRESS) residual r_i/(1 − h_ii)
  const residual = new Float64Array(n);
  const leverage = new Float64Array(n);
  let rssDirect = 0;
  let ensemble = 0;
  const c = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let f = 0;
    let h = 1 / n;
    for (let k = 0; k < m; k++) {
      const v = selected[k].column[i];
      f += coefficients[k] * v;
      let w = v;
      for (let l = 0; l < k; l++) w -= lower[k][l] * c[l];
      c[k] = w / lower[k][k];
      h += c[k] * c[k];
    }
    residual[i] = y[i] - f;
    leverage[i] = Math.min(h, 1 - 1e-9);
    rssDirect += residual[i] * residual[i];
    ensemble += data.ensembleVariance[i];
  }
  const residualVariance = rssDirect / (n - m - 1);
  // the error variance at a run's own input, from its leave-one-out residual net of its ensemble noise,
  // modelled as α + β·ℓ with ℓ_i = n·h_ii/(1 − h_ii) (a new input's ℓ is n·leverage): α is lack of fit
  // everywhere, β·ℓ grows with leverage, i.e. towards the edges of the training runs, where a polynomial's
  // error is largest. Least squares with α, β ≥ 0.
  const t = new Float64Array(n);
  const ell = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = (residual[i] / (1 - leverage[i])) ** 2 - data.ensembleVariance[i] / data.replicates[i];
    ell[i] = (n * leverage[i]) / (1 - leverage[i]);
  }
  let tMean = 0;
  let lMean = 0;
  for (let i = 0; i < n; i++) {
    tMean += t[i] / n;
    lMean += ell[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (ell[i] - lMean) * (t[i] - tMean);
    sxx += (ell[i] - lMean) ** 2;
  }
  let beta = sxx > 0 ? sxy / sxx : 0;
  let alpha = tMean - beta * lMean;
  if (beta < 0) {
    beta = 0;
    alpha = tMean;
  }
  if (alpha < 0) {
    alpha = 0;
    let tl = 0;
    let ll = 0;
    for (let i = 0; i < n; i++) {
      tl += t[i] * ell[i];
      ll += ell[i] * ell[i];
    }
    beta = ll > 0 ? Math.max(0, tl / ll) : 0;
  }
  // floor: the ordinary least-squares parameter uncertainty s²·leverage, which holds even when the
  // regression above is lost in noise (both coefficients clamped to 0)
  beta = Math.max(beta, residualVariance / n);
  // tail calibration: the leave-one-out errors standardised by the variance the emulator would claim for
  // them; inflate the variance until their 99th percentile is at most the normal's 2.576
  const floor = 1e-24 * (tss / n + 1e-300);
  const standardised = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const claimed = alpha + beta * ell[i] + data.ensembleVariance[i] / data.replicates[i];
    standardised[i] = Math.abs(residual[i] / (1 - leverage[i])) / Math.sqrt(Math.max(claimed, floor));
  }
  const varianceInflation = Math.max(1, (percentile(standardised, 0.99) / 2.5758293035489) ** 2);
  const cholesky = new Float64Array(m * m);
  for (let k = 0; k < m; k++) for (let l = 0; l <= k; l++) cholesky[k * m + l] = lower[k][l];
  return {
    active: [...active].sort((a, b) => a - b),
    terms: selected.map((c) => c.term),
    training: n,
    coefficients,
    intercept: yMean,
    residualVariance,
    lackOfFitVariance: varianceInflation * alpha,
    leverageVariance: varianceInflation * beta * n,
    varianceInflation,
    ensembleVariance: ensemble / n,
    rSquared: tss > 0 ? Math.max(0, 1 - rssDirect / tss) : 1,
    centre,
    halfWidth,
    termMeans: Float64Array.from(selected, (c) => c.mean),
    cholesky,
  };
}

/** Reusable scratch space and result slots for {@link predictEmulatorInto} (no allocation in screening loops). */
export interface PredictionScratch {
  scaled: Float64Array;
  h: Float64Array;
  /** Predicted mean of the last call. */
  mean: number;
  /** Predicted variance of the last call. */
  variance: number;
}

/** Scratch space for emulators over `p` inputs with at most `m` terms. */
export function predictionScratch(p: number, m = 64): PredictionScratch {
  return { scaled: new Float64Array(p), h: new Float64Array(m), mean: NaN, variance: NaN };
}

/**
 * Writes the emulator's prediction at input `x` (parameter values in declared order) into `scratch`:
 * the mean and its variance σ²_δ + s²·(1/n + ‖L⁻¹h‖²).
 */
export function predictEmulatorInto(em: Emulator, x: ArrayLike<number>, scratch: PredictionScratch): void {
  const m = em.terms.length;
  if (scratch.scaled.length < em.centre.length || scratch.h.length < m) {
    scratch.scaled = new Float64Array(Math.max(scratch.scaled.length, em.centre.length));
    scratch.h = new Float64Array(Math.max(scratch.h.length, m));
  }
  const s = scratch.scaled;
  const h = scratch.h;
  for (const j of em.active) s[j] = (x[j] - em.centre[j]) / em.halfWidth[j];
  let mean = em.intercept;
  for (let k = 0; k < m; k++) {
    h[k] = termValue(em.terms[k], s) - em.termMeans[k];
    mean += em.coefficients[k] * h[k];
  }
  // leverage: 1/n + ‖L⁻¹h‖², forward substitution in place
  let leverage = 1 / em.training;
  const L = em.cholesky;
  for (let k = 0; k < m; k++) {
    let v = h[k];
    for (let l = 0; l < k; l++) v -= L[k * m + l] * h[l];
    h[k] = v / L[k * m + k];
    leverage += h[k] * h[k];
  }
  scratch.mean = mean;
  scratch.variance = em.lackOfFitVariance + em.leverageVariance * leverage;
}

/** The emulator's prediction at input `x` (parameter values in declared order): mean and variance. */
export function predictEmulator(em: Emulator, x: ArrayLike<number>): EmulatorPrediction {
  const scratch = predictionScratch(em.centre.length, em.terms.length);
  predictEmulatorInto(em, x, scratch);
  return { mean: scratch.mean, variance: scratch.variance };
}

/** Readable names of an emulator's terms, e.g. `a`, `P2(a)`, `a*b`, given the input names. */
export function describeTerms(em: Emulator, names: readonly string[]): string[] {
  const label = { linear: '', quadratic: 'P2', cubic: 'P3' } as const;
  return em.terms.map((t) => (t.kind === 'product' ? `${names[t.a]}*${names[t.b]}` : t.kind === 'linear' ? names[t.a] : `${label[t.kind]}(${names[t.a]})`));
}

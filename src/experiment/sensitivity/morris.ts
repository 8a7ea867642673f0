/**
 * Morris elementary-effects screening (Morris 1991) with the μ* measure and trajectory spreading of
 * Campolongo, Cariboni & Saltelli (2007). The design is a list of points to evaluate anywhere; the
 * indices are computed afterwards from the outputs in design order.
 */
import type { Stream } from '../../core/random.js';
import { shuffle, uniformInt } from '../../core/random.js';
import { assertFactors, fromUnit, type Factor } from './factor.js';

/** Options of {@link morrisDesign}. */
export interface MorrisOptions {
  /** r, the number of trajectories kept (each has k + 1 points). */
  trajectories: number;
  /** p, the number of grid levels per factor (even, ≥ 2; 4 is usual). */
  levels: number;
  /**
   * Candidate trajectories generated before keeping the `trajectories` most spread out (Campolongo 2007);
   * default = `trajectories` (no selection). Selection is greedy, not the exhaustive search of the paper.
   */
  candidates?: number;
}

/** A Morris design: r trajectories of k + 1 points, concatenated in `points` (natural units). */
export interface MorrisDesign {
  factors: Factor[];
  /** Points to evaluate, r·(k + 1) rows in trajectory order; columns follow `factors`. */
  points: number[][];
  /** The same points on the unit grid {0, 1/(p−1), …, 1}. */
  unitPoints: number[][];
  /** r. */
  trajectories: number;
  /** p. */
  levels: number;
  /** Δ = p / (2(p − 1)), the step on the unit scale. */
  delta: number;
  /** For point t·(k+1) + s + 1: the index of the factor changed from the previous point (length r·k). */
  changed: number[];
  /** For the same steps: +Δ or −Δ, the signed unit-scale change. */
  steps: number[];
}

/** Morris measures of one factor; elementary effects are per unit of the factor's whole range. */
export interface MorrisIndex {
  parameter: string;
  /** Mean elementary effect. */
  mu: number;
  /** Mean absolute elementary effect (Campolongo 2007), the ranking measure. */
  muStar: number;
  /** Standard deviation of the elementary effects (n − 1): interactions or non-linearity. */
  sigma: number;
}

interface Trajectory {
  unit: number[][];
  changed: number[];
  steps: number[];
}

function oneTrajectory(k: number, p: number, delta: number, stream: Stream): Trajectory {
  // Base levels chosen so that x + Δ stays on the grid: x ∈ {0, 1/(p−1), …, 1 − Δ} (p/2 choices).
  const start = new Array<number>(k);
  const order = Int32Array.from({ length: k }, (_, i) => i);
  const dirs = new Array<number>(k);
  for (let j = 0; j < k; j++) {
    const base = uniformInt(stream, p / 2) / (p - 1);
    dirs[j] = stream.next() < 0.5 ? 1 : -1;
    // moving down from base + Δ is the same segment as moving up from base
    start[j] = dirs[j] > 0 ? base : base + delta;
  }
  shuffle(stream, order);
  const unit = [start.slice()];
  const changed: number[] = [];
  const steps: number[] = [];
  let cur = start;
  for (const j of order) {
    cur = cur.slice();
    // recompute from the base to avoid drift: up-steps end at base + Δ, down-steps at base
    cur[j] = dirs[j] > 0 ? start[j] + delta : start[j] - delta;
    unit.push(cur);
    changed.push(j);
    steps.push(dirs[j] * delta);
  }
  return { unit, changed, steps };
}

function distance(a: Trajectory, b: Trajectory): number {
  // Campolongo 2007, eq. (3): sum over point pairs of their Euclidean distance.
  let d = 0;
  for (const x of a.unit) {
    for (const y of b.unit) {
      let s = 0;
      for (let z = 0; z < x.length; z++) s += (x[z] - y[z]) ** 2;
      d += Math.sqrt(s);
    }
  }
  return d;
}

function spreadOut(cands: Trajectory[], r: number): Trajectory[] {
  if (cands.length <= r) return cands;
  const m = cands.length;
  const d = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) d[i][j] = d[j][i] = distance(cands[i], cands[j]);
  // Greedy: start from the most distant pair, then add the candidate with the largest summed distance
  // to those already kept (an approximation of Campolongo's maximal total spread).
  let bi = 0;
  let bj = 1;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (d[i][j] > d[bi][bj]) { bi = i; bj = j; }
  const kept = [bi, bj];
  const total = Float64Array.from(d[bi]);
  for (let j = 0; j < m; j++) total[j] += d[bj][j];
  const used = new Uint8Array(m);
  used[bi] = used[bj] = 1;
  while (kept.length < r) {
    let best = -1;
    for (let j = 0; j < m; j++) if (!used[j] && (best < 0 || total[j] > total[best])) best = j;
    kept.push(best);
    used[best] = 1;
    for (let j = 0; j < m; j++) total[j] += d[best][j];
  }
  return kept.sort((a, b) => a - b).map((i) => cands[i]);
}

/**
 * A Morris trajectory design: each trajectory starts at a random grid point and moves every factor once,
 * in random order, by ±Δ (Δ = p/(2(p−1))); unit points are mapped to factor ranges by {@link fromUnit}.
 */
export function morrisDesign(factors: readonly Factor[], options: MorrisOptions, stream: Stream): MorrisDesign {
  assertFactors(factors);
  const { trajectories: r, levels: p } = options;
  const candidates = options.candidates ?? r;
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`morrisDesign: trajectories must be a positive integer, got ${r}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new RangeError(`morrisDesign: levels must be an even integer >= 2, got ${p}`);
  if (!Number.isInteger(candidates) || candidates < r) {
    throw new RangeError(`morrisDesign: candidates must be an integer >= trajectories, got ${candidates}`);
  }
  const k = factors.length;
  const delta = p / (2 * (p - 1));
  const cands: Trajectory[] = [];
  for (let t = 0; t < candidates; t++) cands.push(oneTrajectory(k, p, delta, stream));
  const chosen = spreadOut(cands, r);
  const unitPoints = chosen.flatMap((t) => t.unit);
  return {
    factors: factors.map((f) => ({ ...f })),
    points: unitPoints.map((u) => u.map((v, j) => fromUnit(factors[j], v))),
    unitPoints,
    trajectories: r,
    levels: p,
    delta,
    changed: chosen.flatMap((t) => t.changed),
    steps: chosen.flatMap((t) => t.steps),
  };
}

/**
 * Morris measures from outputs given in design order. An elementary effect is the output change divided by
 * the unit-scale step, i.e. per whole range of the factor (for y = c·x on [min, max], μ* = |c|·(max − min)).
 * For an integer factor the realised step (after rounding to whole values) is used; a step that rounds
 * to no change gives no elementary effect.
 */
export function morrisIndices(design: MorrisDesign, outputs: ArrayLike<number>): MorrisIndex[] {
  const k = design.factors.length;
  if (outputs.length !== design.points.length) {
    throw new RangeError(`morrisIndices: ${outputs.length} outputs for ${design.points.length} design points`);
  }
  for (let i = 0; i < outputs.length; i++) {
    if (!Number.isFinite(outputs[i])) throw new RangeError(`morrisIndices: output ${i} is not finite (${outputs[i]})`);
  }
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (let t = 0; t < design.trajectories; t++) {
    for (let s = 0; s < k; s++) {
      const a = t * (k + 1) + s;
      const j = design.changed[t * k + s];
      const f = design.factors[j];
      const step = f.integer
        ? (design.points[a + 1][j] - design.points[a][j]) / (f.max - f.min)
        : design.steps[t * k + s];
      if (step === 0) continue;
      effects[j].push((outputs[a + 1] - outputs[a]) / step);
    }
  }
  return design.factors.map((f, j) => {
    const e = effects[j];
    const n = e.length;
    if (n === 0) return { parameter: f.name, mu: 0, muStar: 0, sigma: 0 };
    let sum = 0;
    let sumAbs = 0;
    for (const v of e) { sum += v; sumAbs += Math.abs(v); }
    const mu = sum / n;
    let ss = 0;
    for (const v of e) ss += (v - mu) ** 2;
    return { parameter: f.name, mu, muStar: sumAbs / n, sigma: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
  });
}

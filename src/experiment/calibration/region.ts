/**
 * The non-implausible region as the emulators describe it, and a sampler of it. A point is inside when,
 * for the emulators fitted before every wave so far, the ranked emulator implausibility
 * |z − μ(x)| / sqrt(V_obs + V_disc + V_em(x) [+ V_ens for 'single-realisation']) is within the cut-off
 * (Vernon et al. 2010: each wave's emulators are trusted inside the region the wave sampled, so all of them
 * must agree).
 *
 * In tens of dimensions the region is usually a tiny share of the prior box, far too small to hit by
 * uniform candidates, so the sampler is subset simulation (Au & Beck 2001, Probabilistic Engineering
 * Mechanics 16:263-277) on the emulator measure: start from a Latin hypercube over the prior; at each level
 * keep the `levelShare` best points (threshold = their largest measure, never below the cut-off) and grow
 * them back to the level size by random-walk Metropolis chains that accept a move when it stays under the
 * threshold, with the kept points' covariance times a scale adapted to the acceptance rate (start
 * 2.38/√d, Roberts & Rosenthal 2001). Under a uniform prior the chain states are draws from the prior
 * restricted to the level set, so once the threshold reaches the cut-off they are (correlated) uniform
 * draws from the non-implausible region itself. Pure; randomness only from the stream passed in.
 */
import { normal, type Stream } from '../../core/random.js';
import type { Factor } from '../sensitivity/factor.js';
import { latinHypercube } from '../sensitivity/lhs.js';
import { predictEmulatorInto, predictionScratch, type Emulator, type PredictionScratch } from './emulator.js';
import { rankedImplausibility, type StochasticVariance } from './implausibility.js';
import type { CalibrationTarget } from './targets.js';

/** The emulators fitted before one wave (they define the region that wave sampled). */
export interface WaveEmulators {
  wave: number;
  /** Targets emulated, in the same order as `emulators`. */
  targets: CalibrationTarget[];
  emulators: Emulator[];
}

/** How target implausibilities combine (the history-matching settings that matter here). */
export interface MeasureSettings {
  /** 1 = the maximum, 2 or 3 = the 2nd or 3rd largest. */
  implausibilityRank: number;
  stochasticVariance: StochasticVariance;
}

/** The emulator implausibility of one target's emulator at a prediction already in `scratch`. */
function implausibilityAt(t: CalibrationTarget, em: Emulator, scratch: PredictionScratch, convention: StochasticVariance): number {
  const stoch = convention === 'single-realisation' ? em.ensembleVariance : 0;
  return Math.abs(t.observed - scratch.mean) / Math.sqrt(t.observationVariance + t.discrepancyVariance + scratch.variance + stoch);
}

/** The emulator implausibility of each target of one wave's emulators at `x` (parameter values in order). */
export function emulatorImplausibilities(set: WaveEmulators, x: ArrayLike<number>, convention: StochasticVariance = 'ensemble-mean'): number[] {
  const scratch = predictionScratch(x.length);
  return set.targets.map((t, k) => {
    predictEmulatorInto(set.emulators[k], x, scratch);
    return implausibilityAt(t, set.emulators[k], scratch, convention);
  });
}

/** The region's measure: the largest, over wave emulator sets, of each set's ranked emulator implausibility. */
export class RegionMeasure {
  private readonly scratch: PredictionScratch;
  private readonly values: Float64Array;
  /** Number of calls of {@link RegionMeasure.measure}. */
  evaluations = 0;
  constructor(
    private readonly sets: readonly WaveEmulators[],
    private readonly settings: MeasureSettings,
    parameters: number,
  ) {
    this.scratch = predictionScratch(parameters);
    this.values = new Float64Array(Math.max(1, ...sets.map((s) => s.targets.length)));
  }
  /**
   * The measure at `x`; exact when it is at most `bound`, otherwise +Infinity (computation stops as soon
   * as the point is known to be above the bound). With no emulator sets, 0 (the whole prior box).
   */
  measure(x: ArrayLike<number>, bound = Infinity): number {
    this.evaluations++;
    const rank = this.settings.implausibilityRank;
    let worst = 0;
    for (let w = this.sets.length - 1; w >= 0; w--) {
      const set = this.sets[w];
      const K = set.targets.length;
      const need = Math.min(rank, K);
      let above = 0;
      for (let k = 0; k < K; k++) {
        predictEmulatorInto(set.emulators[k], x, this.scratch);
        const v = implausibilityAt(set.targets[k], set.emulators[k], this.scratch, this.settings.stochasticVariance);
        this.values[k] = v;
        if (v > bound && ++above >= need) return Infinity;
      }
      const ranked = rankedImplausibility(this.values.subarray(0, K), rank);
      if (ranked > worst) worst = ranked;
    }
    return worst;
  }
}

/** Options of {@link sampleRegion}. */
export interface RegionSamplerOptions {
  /** Share of each level's points kept as chain seeds; default 0.1. */
  levelShare?: number;
  /** Most levels before giving up; default 50. */
  maxLevels?: number;
}

/** What {@link sampleRegion} found. */
export interface RegionSample {
  /** Distinct points with measure ≤ cut-off (parameter values in order), in generation order; empty if none found. */
  points: number[][];
  /** Thresholds of the levels run (the last equals the cut-off when the region was reached). */
  thresholds: number[];
  /** Measure evaluations used. */
  evaluations: number;
  /** Metropolis acceptance rate at the last level (0 when no level ran). */
  acceptance: number;
  /** Smallest measure met (how close the emulators come to the targets when the region was not reached). */
  best: number;
}

/** Lower Cholesky factor (row-major d×d) of the seeds' covariance, each variance raised at least to `floor[j]`. */
function seedCholesky(seeds: readonly ArrayLike<number>[], floor: Float64Array): Float64Array {
  const d = floor.length;
  const n = seeds.length;
  const mean = new Float64Array(d);
  for (const s of seeds) for (let j = 0; j < d; j++) mean[j] += s[j] / n;
  const cov = new Float64Array(d * d);
  if (n > 1) {
    const dev = new Float64Array(d);
    for (const s of seeds) {
      for (let a = 0; a < d; a++) dev[a] = s[a] - mean[a];
      for (let a = 0; a < d; a++) {
        const da = dev[a] / (n - 1);
        if (da === 0) continue;
        for (let b = 0; b <= a; b++) cov[a * d + b] += da * dev[b];
      }
    }
  }
  for (let j = 0; j < d; j++) if (cov[j * d + j] < floor[j]) cov[j * d + j] = floor[j];
  const L = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      let v = cov[a * d + b];
      for (let k = 0; k < b; k++) v -= L[a * d + k] * L[b * d + k];
      if (a === b) L[a * d + a] = Math.sqrt(Math.max(v, floor[a] * 1e-6));
      else L[a * d + b] = v / L[b * d + b];
    }
  }
  return L;
}

/** Reflects v into [lo, hi] (mirrors at both ends). */
function reflect(v: number, lo: number, hi: number): number {
  let x = v;
  for (let i = 0; i < 64 && (x < lo || x > hi); i++) x = x < lo ? 2 * lo - x : 2 * hi - x;
  return Math.min(hi, Math.max(lo, x));
}

/**
 * Samples the region {x : measure(x) ≤ cutoff} by subset simulation (see the module comment): about
 * `size` distinct points at the final level. `measure(x, bound)` must be exact up to `bound` and may return
 * +Infinity above it (as {@link RegionMeasure.measure}). Level 0 is a Latin hypercube of `size` points over
 * the prior box, or `start` when given: uniform draws from a region known to contain this one (the previous
 * wave's sample, since every wave's measure includes all earlier waves' emulators), which saves the levels
 * that would only re-find it. Gives up (no points) when the threshold stops falling (less than 1% over 3
 * levels) or after `maxLevels`.
 */
export function sampleRegion(
  factors: readonly Factor[],
  measure: (x: ArrayLike<number>, bound: number) => number,
  cutoff: number,
  size: number,
  stream: Stream,
  options: RegionSamplerOptions = {},
  start: readonly ArrayLike<number>[] = [],
): RegionSample {
  const levelShare = options.levelShare ?? 0.1;
  const maxLevels = options.maxLevels ?? 50;
  const d = factors.length;
  const lo = Float64Array.from(factors, (f) => (f.integer ? f.min - 0.5 : f.min));
  const hi = Float64Array.from(factors, (f) => (f.integer ? f.max + 0.5 : f.max));
  const floor = Float64Array.from(factors, (f) => (f.integer ? 0.25 : (0.01 * (f.max - f.min)) ** 2));
  const integer = factors.map((f) => f.integer === true);
  let states: Float64Array[] = (start.length > 0 ? start : latinHypercube(factors, size, stream)).map((x) => Float64Array.from(x));
  let m = states.map((x) => measure(x, Infinity));
  let evaluations = states.length;
  const z = new Float64Array(d);
  let best = m.reduce((a, b) => Math.min(a, b), Infinity);
  const thresholds: number[] = [];
  let scale = 2.38 / Math.sqrt(d);
  let acceptance = 0;
  let stalled = 0;
  for (let level = 0; level < maxLevels; level++) {
    const order = m.map((_, i) => i).sort((a, b) => m[a] - m[b] || a - b);
    const k = Math.max(1, Math.ceil(levelShare * states.length));
    const c = Math.max(cutoff, m[order[Math.min(k, order.length) - 1]]);
    if (!Number.isFinite(c)) break;
    const previous = thresholds.at(-1);
    if (previous !== undefined && c > cutoff && c > previous * 0.99) {
      if (++stalled >= 3) break;
    } else stalled = 0;
    thresholds.push(c);
    const seeds = order.filter((i) => m[i] <= c);
    const L = seedCholesky(
      seeds.map((i) => states[i]),
      floor,
    );
    const final = c === cutoff;
    const cur = seeds.map((i) => states[i]);
    const curM = seeds.map((i) => m[i]);
    const next: Float64Array[] = [];
    const nextM: number[] = [];
    const fresh = new Set<Float64Array>(cur);
    let moves = 0;
    let accepted = 0;
    /** One Metropolis step of chain s under the threshold (its state moves only when the proposal stays under). */
    const step = (s: number): void => {
      for (let j = 0; j < d; j++) z[j] = normal(stream);
      const x = cur[s];
      const y = new Float64Array(d);
      for (let a = 0; a < d; a++) {
        let v = 0;
        const row = a * d;
        for (let b = 0; b <= a; b++) v += L[row + b] * z[b];
        const r = reflect(x[a] + scale * v, lo[a], hi[a]);
        y[a] = integer[a] ? Math.min(hi[a] - 0.5, Math.max(lo[a] + 0.5, Math.round(r))) : r;
      }
      const my = measure(y, c);
      moves++;
      if (my <= c) {
        cur[s] = y;
        curM[s] = my;
        accepted++;
        fresh.add(y);
        if (my < best) best = my;
      }
    };
    seeds.forEach((_, s) => {
      const length = Math.floor(size / seeds.length) + (s < size % seeds.length ? 1 : 0);
      next.push(cur[s]);
      nextM.push(curM[s]);
      for (let t = 1; t < length; t++) {
        step(s);
        next.push(cur[s]);
        nextM.push(curM[s]);
      }
    });
    // at the cut-off, run the chains on until they have visited `size` distinct points (or 20·size moves)
    if (final) for (let s = 0; fresh.size < size && moves < 20 * size; s = (s + 1) % seeds.length) step(s);
    evaluations += moves;
    acceptance = moves > 0 ? accepted / moves : 0;
    if (moves > 0) {
      if (acceptance < 0.15) scale *= 0.6;
      else if (acceptance > 0.5) scale *= 1.5;
    }
    if (final) return { points: [...fresh].map((x) => Array.from(x)), thresholds, evaluations, acceptance, best };
    states = next;
    m = nextM;
  }
  return { points: [], thresholds, evaluations, acceptance, best };
}

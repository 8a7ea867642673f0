/**
 * Toy simulators with known answers for the calibration tests: a deterministic one (outputs depend on
 * three of six parameters, three are inert) and a stochastic one (Gaussian noise of known variance,
 * R replicates per point), each with synthetic observations at known parameter values.
 */
import { normal, StreamFactory, type KeyPart } from '../../../src/core/random.js';
import type { Factor } from '../../../src/experiment/sensitivity/factor.js';
import {
  targetFromInterval,
  type CalibrationProblem,
  type EvaluatePoints,
  type ParameterPoint,
  type SimulatedPoint,
} from '../../../src/experiment/calibration/index.js';

/** Six parameters: a, b, c move the outputs; d, e and the integer flag f are inert. */
export const TOY_PARAMETERS: Factor[] = [
  { name: 'a', min: 0, max: 10 },
  { name: 'b', min: -1, max: 1 },
  { name: 'c', min: 0, max: 1 },
  { name: 'd', min: 0, max: 100 },
  { name: 'e', min: -5, max: 5 },
  { name: 'f', min: 0, max: 3, integer: true },
];

/** The identifiable parameters of the toys and the inert ones. */
export const IDENTIFIABLE = ['a', 'b', 'c'];
export const INERT = ['d', 'e', 'f'];

/** The known parameter values the synthetic observations come from. */
export const TRUTH: ParameterPoint = { a: 4, b: 0.3, c: 0.6, d: 50, e: 0, f: 1 };

/** The toys' expected outputs: linear, product, exponential and periodic in a, b, c. */
export function toyOutputs(p: ParameterPoint): Record<string, number> {
  const a = p.a / 10;
  return { y1: a + p.b, y2: a * (1 + p.c * p.c), y3: Math.exp(p.b) - p.c, y4: Math.sin(3 * p.c) + 0.2 * a };
}

/** Noise standard deviation of each output of the stochastic toy (heteroscedastic in y2). */
export function toyNoiseSd(p: ParameterPoint): Record<string, number> {
  return { y1: 0.05, y2: 0.03 + 0.04 * p.c, y3: 0.06, y4: 0.04 };
}

/**
 * The deterministic toy's problem: observations exactly at {@link TRUTH}, stated as intervals z ± 2·0.02
 * (σ_obs = 0.02) with a discrepancy SD of 0.01.
 */
export function deterministicProblem(): CalibrationProblem {
  const z = toyOutputs(TRUTH);
  return {
    parameters: TOY_PARAMETERS,
    targets: Object.entries(z).map(([name, v]) => targetFromInterval({ name, low: v - 0.04, high: v + 0.04, discrepancySd: 0.01 })),
  };
}

/** The deterministic toy as an evaluator (R = 1, variance 0), counting the points it ran. */
export function deterministicEvaluator(): EvaluatePoints & { runs: number } {
  const f = (async (points: readonly ParameterPoint[]) => {
    f.runs += points.length;
    return points.map((p): SimulatedPoint => {
      const mean = toyOutputs(p);
      return { replicates: 1, mean, variance: Object.fromEntries(Object.keys(mean).map((k) => [k, 0])) };
    });
  }) as EvaluatePoints & { runs: number };
  f.runs = 0;
  return f;
}

/** R replicates of the stochastic toy at p from the stream prefix (seed, key): ensemble mean and sample variance. */
export function stochasticSummary(p: ParameterPoint, replicates: number, seed: KeyPart, key: KeyPart): SimulatedPoint {
  const rng = new StreamFactory(['stochastic-toy', seed]);
  const g = toyOutputs(p);
  const sd = toyNoiseSd(p);
  const mean: Record<string, number> = {};
  const variance: Record<string, number> = {};
  for (const name of Object.keys(g)) {
    const s = rng.stream(key, name);
    const y = Array.from({ length: replicates }, () => g[name] + normal(s, 0, sd[name]));
    const m = y.reduce((x, v) => x + v, 0) / replicates;
    mean[name] = m;
    variance[name] = replicates > 1 ? y.reduce((x, v) => x + (v - m) ** 2, 0) / (replicates - 1) : 0;
  }
  return { replicates, mean, variance };
}

/** The stochastic toy as an evaluator with R replicates per point (noise keyed by the run id). */
export function stochasticEvaluator(replicates: number, seed: KeyPart): EvaluatePoints {
  return async (points, request) => points.map((p, i) => stochasticSummary(p, replicates, seed, request.firstRun + i));
}

/**
 * The stochastic toy's problem: observations of the expected outputs at {@link TRUTH} with observation
 * error N(0, 0.02²) drawn from the stream (seed), stated as z ± 2·0.02, no discrepancy.
 */
export function stochasticProblem(seed: KeyPart): CalibrationProblem {
  const s = new StreamFactory(['stochastic-toy-observation', seed]).stream('z');
  const g = toyOutputs(TRUTH);
  return {
    parameters: TOY_PARAMETERS,
    targets: Object.entries(g).map(([name, v]) => {
      const z = v + normal(s, 0, 0.02);
      return targetFromInterval({ name, low: z - 0.04, high: z + 0.04 });
    }),
  };
}

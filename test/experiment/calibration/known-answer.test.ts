// Known-answer tests of history matching on toy simulators: synthetic observations at known parameter
// values, then a full calibration; the known values must stay in the non-implausible region, the
// identifiable parameters must be pinned down around them and the inert ones reported as not identified.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normal, streamFor } from '../../../src/core/random.js';
import {
  historyMatch,
  implausibility,
  rankedImplausibility,
  regionMeasure,
  targetFromInterval,
  type CalibrationProblem,
  type CalibrationTarget,
  type HistoryMatchingResult,
  type ParameterPoint,
  type SimulatedPoint,
  type StochasticVariance,
} from '../../../src/experiment/calibration/index.js';
import {
  IDENTIFIABLE,
  INERT,
  TRUTH,
  deterministicEvaluator,
  deterministicProblem,
  stochasticEvaluator,
  stochasticProblem,
  stochasticSummary,
} from './toys.js';

/** Expects every identifiable parameter's accepted 90% interval to hold its true value, and names them. */
function expectIdentified(result: HistoryMatchingResult, rangeBelow: number) {
  for (const name of IDENTIFIABLE) {
    const id = result.identification.find((x) => x.name === name)!;
    expect(id.accepted, name).not.toBeNull();
    expect(TRUTH[name], `${name} inside the accepted 90% interval`).toBeGreaterThanOrEqual(id.accepted!.q05);
    expect(TRUTH[name], `${name} inside the accepted 90% interval`).toBeLessThanOrEqual(id.accepted!.q95);
    expect(id.identified, name).toBe(true);
    expect(id.rangeRatio!, name).toBeLessThan(rangeBelow);
  }
}

/** Expects the inert parameters to be reported as not identified (accepted 90% range > 0.8 of the prior's). */
function expectInert(result: HistoryMatchingResult) {
  for (const name of INERT) {
    const id = result.identification.find((x) => x.name === name)!;
    expect(id.identified, name).toBe(false);
    expect(id.rangeRatio!, name).toBeGreaterThan(0.8);
  }
}

describe('history matching, deterministic toy (a, b, c identifiable; d, e, f inert)', () => {
  it('keeps the true point, pins a, b, c around it and leaves d, e, f unidentified', async () => {
    const evaluate = deterministicEvaluator();
    const result = await historyMatch(deterministicProblem(), evaluate, { seed: 1, runsPerWave: 200, maxWaves: 5 });
    expect(result.totalRuns).toBe(evaluate.runs);
    // the true point is in the final region by every wave's emulators, and the simulator agrees exactly
    expect(regionMeasure(result, TRUTH).inside).toBe(true);
    const atTruth = await evaluate([TRUTH], { wave: 1, purpose: 'design', firstRun: 0 });
    for (const t of result.problem.targets) {
      expect(implausibility(t, { mean: atTruth[0]!.mean[t.name], variance: 0, replicates: 1 })).toBe(0);
    }
    expect(result.accepted.length).toBeGreaterThanOrEqual(100);
    // a, b, c: 90% intervals hold the truth and cover at most 35% of the prior's 90% range
    expectIdentified(result, 0.35);
    expectInert(result);
    // the waves narrowed the region: wave 1 accepted nothing of the prior box, the last wave nearly all
    expect(result.waves[0].share).toBeLessThan(0.05);
    expect(result.waves.at(-1)!.share).toBeGreaterThan(0.9);
    expect(result.stopReason).toBe('converged');
    // every accepted run really is non-implausible, and the representative point is one of them
    for (const r of result.accepted) expect(r.measure).toBeLessThanOrEqual(3);
    expect(result.representative?.choice).toBe('medoid');
    expect(result.representative?.nonImplausible).toBe(true);
  });

  it('never loses the true point from the emulated region (property over random toy problems)', async () => {
    // random problems: K outputs, each linear + quadratic in 4 parameters plus a sine wiggle; observations
    // exactly at a random true point; random observation SD and discrepancy SD ≥ 0
    const parameters = [0, 1, 2, 3].map((j) => ({ name: `x${j}`, min: -1 + j, max: 2 + j * 2 }));
    const coefficient = fc.double({ min: -2, max: 2, noNaN: true });
    const problemArb = fc.record({
      linear: fc.array(fc.array(coefficient, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 5 }),
      quadratic: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
      wiggle: fc.double({ min: 0, max: 1, noNaN: true }),
      truth: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
      sdObs: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
      sdDisc: fc.double({ min: 0, max: 0.05, noNaN: true }),
      seed: fc.integer({ min: 0, max: 1e6 }),
    });
    await fc.assert(
      fc.asyncProperty(problemArb, async (x) => {
        const u = (p: ParameterPoint, j: number) => (p[`x${j}`] - parameters[j].min) / (parameters[j].max - parameters[j].min);
        const g = (p: ParameterPoint, k: number) =>
          x.linear[k].reduce((s, c, j) => s + c * u(p, j) + x.quadratic[j] * (k === j ? u(p, j) ** 2 : 0), 0) + x.wiggle * Math.sin(4 * u(p, 0) + k);
        const truth: ParameterPoint = {};
        parameters.forEach((f, j) => (truth[f.name] = f.min + x.truth[j] * (f.max - f.min)));
        const problem: CalibrationProblem = {
          parameters,
          targets: x.linear.map((_, k) => targetFromInterval({ name: `y${k}`, low: g(truth, k) - 2 * x.sdObs, high: g(truth, k) + 2 * x.sdObs, discrepancySd: x.sdDisc })),
        };
        const evaluate = async (points: readonly ParameterPoint[]) =>
          points.map((p): SimulatedPoint => {
            const mean: Record<string, number> = {};
            const variance: Record<string, number> = {};
            x.linear.forEach((_, k) => {
              mean[`y${k}`] = g(p, k);
              variance[`y${k}`] = 0;
            });
            return { replicates: 1, mean, variance };
          });
        const result = await historyMatch(problem, evaluate, { seed: x.seed, runsPerWave: 80, maxWaves: 3, evaluateRepresentatives: false });
        expect(regionMeasure(result, truth).inside).toBe(true);
      }),
      { seed: 15, numRuns: Number(process.env.CALIBRATION_PROPERTY_RUNS ?? 30) },
    );
  });
});

describe('history matching, stochastic toy (noise of known variance, R replicates)', () => {
  // One true point, observation z = g(x*) + N(0, σ_obs²) with σ_obs = 0.02, and R = 10 replicates whose
  // noise SD (0.03-0.1) makes V_ens/R comparable to V_obs. Over many seeds, how often is the true point
  // itself ruled out? Nominal with known variances (Gaussian, 4 targets): 1 − (1 − 0.0027)⁴ = 1.08%; with
  // the ensemble variance estimated from R = 10 the tails are Student-t-like (up to 1.5% per target with
  // 9 degrees of freedom), so the nominal rate lies between 1.1% and 5.8%.
  const TRIALS = 4000;
  const R = 10;
  function rejectionRate(observe: 'mean' | 'one-run', convention: StochasticVariance, withEnsemble = true): number {
    let rejected = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const sim = stochasticSummary(TRUTH, R, trial, 'truth');
      let targets: CalibrationTarget[];
      if (observe === 'mean') targets = stochasticProblem(trial).targets.slice();
      else {
        // z = one more run of the simulator at the truth, plus observation error
        const one = stochasticSummary(TRUTH, 1, trial, 'observed');
        const s = streamFor(['observation-error', trial]);
        targets = Object.keys(one.mean).map((name) => {
          const z = one.mean[name] + normal(s, 0, 0.02);
          return targetFromInterval({ name, low: z - 0.04, high: z + 0.04 });
        });
      }
      const values = targets.map((t) =>
        implausibility(t, { mean: sim.mean[t.name], variance: withEnsemble ? sim.variance[t.name] : 0, replicates: R }, convention),
      );
      if (rankedImplausibility(values) > 3) rejected++;
    }
    return rejected / TRIALS;
  }

  it('rules out the true point at about the nominal rate only when the ensemble variance is counted', () => {
    const full = rejectionRate('mean', 'ensemble-mean');
    const without = rejectionRate('mean', 'ensemble-mean', false);
    // observed 1.7% (nominal 1.1-5.8%); without the V_ens/R term 8.6%, five times as often. Binomial SDs
    // over 4000 trials are 0.2 and 0.44 points, so both bounds sit about six SDs from the observed rates.
    expect(full).toBeLessThan(0.03);
    expect(without).toBeGreaterThan(0.06);
    expect(without).toBeGreaterThan(4 * full);
  });

  it("needs the 'single-realisation' convention when z is itself one run of the stochastic process", () => {
    const meanConvention = rejectionRate('one-run', 'ensemble-mean');
    const realisation = rejectionRate('one-run', 'single-realisation');
    // observed: 56% with V_ens/R (the realisation's own noise is missing), 3.9% with V_ens(1 + 1/R)
    // (nominal 1.1-5.8%); bounds about seven binomial SDs away
    expect(meanConvention).toBeGreaterThan(0.4);
    expect(realisation).toBeLessThan(0.06);
  });

  it('keeps the true point and pins a, b, c for each of three seeds (full calibration, R = 10)', async () => {
    for (const seed of [1, 2, 3]) {
      const result = await historyMatch(stochasticProblem(seed), stochasticEvaluator(R, seed), { seed, runsPerWave: 200, maxWaves: 4 });
      expect(regionMeasure(result, TRUTH).inside, `seed ${seed}`).toBe(true);
      // a fresh ensemble at the truth is non-implausible
      const fresh = stochasticSummary(TRUTH, R, seed, 'check');
      const measure = rankedImplausibility(result.problem.targets.map((t) => implausibility(t, { mean: fresh.mean[t.name], variance: fresh.variance[t.name], replicates: R })));
      expect(measure, `seed ${seed}`).toBeLessThanOrEqual(3);
      for (const name of IDENTIFIABLE) {
        const id = result.identification.find((x) => x.name === name)!;
        expect(TRUTH[name], `seed ${seed}: ${name} inside the accepted range`).toBeGreaterThanOrEqual(id.accepted!.min);
        expect(TRUTH[name], `seed ${seed}: ${name} inside the accepted range`).toBeLessThanOrEqual(id.accepted!.max);
        expect(id.identified, `seed ${seed}: ${name}`).toBe(true);
      }
      expectInert(result);
    }
  });
});

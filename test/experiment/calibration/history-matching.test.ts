import { describe, expect, it } from 'vitest';
import {
  historyMatch,
  historyMatchingSettings,
  type EvaluatePoints,
  type EvaluationRequest,
  type ParameterPoint,
  type SimulatedPoint,
} from '../../../src/experiment/calibration/index.js';
import { ExperimentInputError } from '../../../src/experiment/errors.js';
import { deterministicEvaluator, deterministicProblem, toyOutputs } from './toys.js';

describe('historyMatchingSettings', () => {
  it('fills every default', () => {
    const s = historyMatchingSettings({ seed: 1, runsPerWave: [400, 200] });
    expect(s).toMatchObject({
      runsPerWave: [400, 200],
      maxWaves: 4,
      budget: null,
      cutoff: 3,
      implausibilityRank: 1,
      stochasticVariance: 'ensemble-mean',
      minShrink: 0.1,
      sample: 'final-wave',
      representative: 'medoid',
      evaluateRepresentatives: true,
      training: 'region',
      emulator: { maxActive: 10, maxTerms: 40, interactions: true, cubic: true },
      poolFactor: 2,
      region: { levelShare: 0.1, maxLevels: 50 },
      lhsTries: 5,
    });
  });

  it('lists every bad option at once', () => {
    try {
      historyMatchingSettings({ seed: 1, runsPerWave: 2, implausibilityRank: 4, cutoff: 0, budget: 4 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExperimentInputError);
      const text = (e as ExperimentInputError).problems.join('\n');
      expect(text).toMatch(/runsPerWave\[0\] must be at least 3/);
      expect(text).toMatch(/implausibilityRank must be 1, 2 or 3/);
      expect(text).toMatch(/cutoff must be a positive number/);
      expect(text).toMatch(/budget of 4 runs is too small/);
    }
  });
});

describe('historyMatch', () => {
  it('is deterministic: the same seed asks for the same points and gives the same result', async () => {
    const asked: ParameterPoint[][] = [];
    const base = deterministicEvaluator();
    const recording: EvaluatePoints = async (points, request) => {
      asked.push(points.map((p) => ({ ...p })));
      return base(points, request);
    };
    const options = { seed: 'kat', runsPerWave: 60, maxWaves: 3 };
    const a = await historyMatch(deterministicProblem(), recording, options);
    const firstAsked = asked.splice(0);
    const b = await historyMatch(deterministicProblem(), recording, options);
    expect(asked).toEqual(firstAsked);
    expect(b).toEqual(a);
    const c = await historyMatch(deterministicProblem(), deterministicEvaluator(), { ...options, seed: 'other' });
    expect(c.runs[0].values).not.toEqual(a.runs[0].values);
  });

  it('numbers runs across waves and tells the evaluator which wave and run ids it serves', async () => {
    const requests: (EvaluationRequest & { n: number })[] = [];
    const base = deterministicEvaluator();
    const result = await historyMatch(
      deterministicProblem(),
      async (points, request) => {
        requests.push({ ...request, n: points.length });
        return base(points, request);
      },
      { seed: 2, runsPerWave: [50, 30], maxWaves: 3, minShrink: 0 },
    );
    expect(requests.map((r) => [r.wave, r.purpose, r.firstRun, r.n])).toEqual([
      [1, 'design', 0, 50],
      [2, 'design', 50, 30],
      [3, 'design', 80, 30],
      [3, 'representatives', 110, 2],
    ]);
    expect(result.runs.map((r) => r.id)).toEqual(Array.from({ length: 110 }, (_, i) => i));
    expect(result.checkRuns.map((r) => r.id)).toEqual([110, 111]);
    expect(result.stopReason).toBe('waves');
    expect(result.totalRuns).toBe(112);
  });

  it('stops at the budget, keeping two runs for the representative checks', async () => {
    const evaluate = deterministicEvaluator();
    const result = await historyMatch(deterministicProblem(), evaluate, { seed: 3, runsPerWave: 100, maxWaves: 9, budget: 250, minShrink: 0 });
    expect(result.runs.map((r) => r.wave)).toEqual([...Array(100).fill(1), ...Array(100).fill(2), ...Array(48).fill(3)]);
    expect(result.totalRuns).toBe(250);
    expect(evaluate.runs).toBe(250);
    expect(result.stopReason).toBe('budget');
  });

  it('reports an empty region when the targets are out of the model’s reach', async () => {
    const problem = deterministicProblem();
    // y1 = a/10 + b lies in [−1, 2]: ask for 5 with a tight interval
    const targets = problem.targets.map((t) => (t.name === 'y1' ? { ...t, observed: 5 } : t));
    const result = await historyMatch({ ...problem, targets }, deterministicEvaluator(), { seed: 4, runsPerWave: 80 });
    expect(result.stopReason).toBe('empty-region');
    expect(result.accepted).toEqual([]);
    expect(result.representative).toBeNull();
    expect(result.identification.every((i) => i.identified === null)).toBe(true);
    const last = result.waves.at(-1)!;
    expect(last.runs).toBe(0);
    expect(last.screen!.passed).toBe(0);
    expect(last.screen!.bestMeasure).toBeGreaterThan(3);
  });

  it('uses a refocused target only from its wave on, and for acceptance at the end', async () => {
    const problem = deterministicProblem();
    const targets = problem.targets.map((t) => (t.name === 'y4' ? { ...t, fromWave: 2 } : t));
    const result = await historyMatch({ ...problem, targets }, deterministicEvaluator(), { seed: 5, runsPerWave: 80, maxWaves: 2, minShrink: 0 });
    expect(result.waves[0].targets).toEqual(['y1', 'y2', 'y3']);
    expect(result.waves[1].targets).toEqual(['y1', 'y2', 'y3', 'y4']);
    expect(result.emulators[0].targets.map((t) => t.name)).toEqual(['y1', 'y2', 'y3', 'y4']);
    expect(result.finalTargets).toEqual(['y1', 'y2', 'y3', 'y4']);
    for (const r of result.accepted) expect(r.implausibility.y4).toBeLessThanOrEqual(3);
  });

  it('with the second-largest implausibility, accepts runs that miss one target', async () => {
    const result = await historyMatch(deterministicProblem(), deterministicEvaluator(), { seed: 6, runsPerWave: 100, maxWaves: 3, implausibilityRank: 2 });
    const missOne = result.runs.filter((r) => r.nonImplausible && r.maxImplausibility > 3);
    expect(missOne.length).toBeGreaterThan(0);
    for (const r of result.runs) {
      const sorted = Object.values(r.implausibility).sort((x, y) => y - x);
      expect(r.measure).toBe(sorted[1]);
    }
  });

  it('treats a failed evaluation as implausible and leaves it out of the emulators', async () => {
    const base = deterministicEvaluator();
    const flaky: EvaluatePoints = async (points, request) => (await base(points, request)).map((o, i) => ((request.firstRun + i) % 7 === 0 ? null : o));
    const result = await historyMatch(deterministicProblem(), flaky, { seed: 7, runsPerWave: 70, maxWaves: 2, minShrink: 0 });
    const failed = result.runs.filter((r) => r.output === null);
    expect(failed.length).toBe(20);
    for (const r of failed) {
      expect(r.nonImplausible).toBe(false);
      expect(r.maxImplausibility).toBe(Infinity);
    }
    expect(result.waves[0].failed).toBe(10);
    expect(result.waves[1].screen!.training).toBe(60);
  });

  it('takes the sample from every wave when asked', async () => {
    const options = { seed: 8, runsPerWave: 80, maxWaves: 3, minShrink: 0 };
    const all = await historyMatch(deterministicProblem(), deterministicEvaluator(), { ...options, sample: 'all-waves' });
    expect(all.sampleFrom).toBe('all-waves');
    expect(all.accepted).toEqual(all.runs.filter((r) => r.nonImplausible));
    const final = await historyMatch(deterministicProblem(), deterministicEvaluator(), options);
    expect(final.accepted).toEqual(final.runs.filter((r) => r.nonImplausible && r.wave === 3));
  });

  it('checks the median and mode points with their own runs, or leaves them unrun', async () => {
    const checked = await historyMatch(deterministicProblem(), deterministicEvaluator(), { seed: 9, runsPerWave: 100, maxWaves: 3 });
    for (const choice of ['median', 'mode'] as const) {
      const rep = checked.representatives[choice]!;
      expect(rep.runId).not.toBeNull();
      expect(rep.output!.mean).toEqual(toyOutputs(rep.point));
    }
    expect(checked.representatives.best!.measure).toBe(Math.min(...checked.accepted.map((r) => r.measure)));
    const unchecked = await historyMatch(deterministicProblem(), deterministicEvaluator(), { seed: 9, runsPerWave: 100, maxWaves: 3, evaluateRepresentatives: false, representative: 'median' });
    expect(unchecked.checkRuns).toEqual([]);
    expect(unchecked.representative).toMatchObject({ choice: 'median', runId: null, output: null, nonImplausible: null });
    expect(unchecked.representative!.point).toEqual(checked.representatives.median!.point);
  });

  it('rejects an evaluator answer of the wrong shape, naming the point', async () => {
    const problem = deterministicProblem();
    const short: EvaluatePoints = async (points) => points.slice(1).map(() => null);
    await expect(historyMatch(problem, short, { seed: 1, runsPerWave: 10 })).rejects.toThrow(/returned 9 results for 10 points/);
    const noVariance: EvaluatePoints = async (points) => points.map((p): SimulatedPoint => ({ replicates: 3, mean: toyOutputs(p), variance: {} }));
    await expect(historyMatch(problem, noVariance, { seed: 1, runsPerWave: 10 })).rejects.toThrow(/point 0 \(run 0\): the variance of target "y1"/);
    const missing: EvaluatePoints = async (points) => points.map(() => ({ replicates: 1, mean: {}, variance: {} }));
    await expect(historyMatch(problem, missing, { seed: 1, runsPerWave: 10 })).rejects.toThrow(/no mean for target "y1"/);
  });

  it('reports each wave to onWave as it ends', async () => {
    const seen: number[] = [];
    const result = await historyMatch(deterministicProblem(), deterministicEvaluator(), { seed: 10, runsPerWave: 60, maxWaves: 2, onWave: (w) => seen.push(w.wave) });
    expect(seen).toEqual(result.waves.map((w) => w.wave));
  });
});

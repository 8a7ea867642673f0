import { describe, expect, it } from 'vitest';
import {
  activeTargets,
  assertCalibrationProblem,
  checkCalibrationProblem,
  targetFromInterval,
  type CalibrationTarget,
} from '../../../src/experiment/calibration/index.js';
import { ExperimentInputError } from '../../../src/experiment/errors.js';

const target = (over: Partial<CalibrationTarget> = {}): CalibrationTarget => ({
  name: 'y',
  observed: 1,
  observationVariance: 0.01,
  discrepancyVariance: 0,
  ...over,
});

describe('targetFromInterval', () => {
  it('reads [low, high] as z ± 2σ_obs', () => {
    const t = targetFromInterval({ name: 'share_60_plus', low: 0.2, high: 0.28, source: 'census 2020' });
    expect(t.observed).toBeCloseTo(0.24, 15);
    expect(t.observationVariance).toBeCloseTo(0.02 ** 2, 15);
    expect(t.discrepancyVariance).toBe(0);
    expect(t).toMatchObject({ low: 0.2, high: 0.28, source: 'census 2020' });
  });

  it('takes the discrepancy as an SD or as a share of |z|', () => {
    expect(targetFromInterval({ name: 'a', low: 9, high: 11, discrepancySd: 0.5 }).discrepancyVariance).toBeCloseTo(0.25, 15);
    expect(targetFromInterval({ name: 'b', low: -11, high: -9, discrepancyShare: 0.1 }).discrepancyVariance).toBeCloseTo(1, 12);
  });

  it('rejects an inverted interval and a doubly stated discrepancy', () => {
    expect(() => targetFromInterval({ name: 'a', low: 2, high: 1 })).toThrow(ExperimentInputError);
    expect(() => targetFromInterval({ name: 'a', low: 1, high: 2, discrepancySd: 1, discrepancyShare: 0.1 })).toThrow(/not both/);
  });
});

describe('checkCalibrationProblem', () => {
  const parameters = [{ name: 'a', min: 0, max: 1 }];

  it('accepts a sound problem', () => {
    expect(checkCalibrationProblem({ parameters, targets: [target()] })).toEqual([]);
  });

  it('names every problem by its path', () => {
    const issues = checkCalibrationProblem({
      parameters: [{ name: 'a', min: 1, max: 0 }, { name: 'weight', min: 0, max: 1 }],
      targets: [
        target({ observed: NaN }),
        target({ observationVariance: -1 }),
        target({ name: 'z', observationVariance: 0, discrepancyVariance: 0, fromWave: 0 }),
      ],
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'parameters[0].max',
        'parameters[1].name',
        'targets[0].observed',
        'targets[1].name',
        'targets[1].observationVariance',
        'targets[2]',
        'targets[2].fromWave',
      ]),
    );
    expect(issues.find((i) => i.path === 'targets[2]')!.message).toMatch(/both 0/);
  });

  it('needs a target from wave 1', () => {
    const issues = checkCalibrationProblem({ parameters, targets: [target({ fromWave: 2 })] });
    expect(issues.map((i) => i.message).join()).toMatch(/wave 1/);
  });

  it('throws an input error listing the problems', () => {
    expect(() => assertCalibrationProblem({ parameters, targets: [] })).toThrow(/calibration problem: targets: at least one target/);
  });

  it('selects the targets in use at a wave (refocusing)', () => {
    const ts = [target({ name: 'a' }), target({ name: 'b', fromWave: 3 }), target({ name: 'c', fromWave: 2 })];
    expect(activeTargets(ts, 1).map((t) => t.name)).toEqual(['a']);
    expect(activeTargets(ts, 2).map((t) => t.name)).toEqual(['a', 'c']);
    expect(activeTargets(ts, 9).map((t) => t.name)).toEqual(['a', 'b', 'c']);
  });
});

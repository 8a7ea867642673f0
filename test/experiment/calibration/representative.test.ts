import { describe, expect, it } from 'vitest';
import { normal, streamFor } from '../../../src/core/random.js';
import { marginalMedian, marginalMode, medoidIndex } from '../../../src/experiment/calibration/index.js';

describe('representative points', () => {
  it('finds the medoid on inputs standardised by the sample', () => {
    // a constrained input (SD 0.01) and a free one (SD 300): standardised, both count, and the medoid is
    // central in both — on raw or prior-range scales the free input alone would decide
    const rows = [
      [0.5, 0],
      [0.52, 400],
      [0.48, 800],
      [0.5, 400],
      [0.51, 1000],
    ];
    expect(medoidIndex(rows)).toBe(3);
    // on a line, the middle point
    expect(medoidIndex([[0, 0], [0.5, 500], [1, 1000]])).toBe(1);
    expect(medoidIndex([])).toBe(-1);
    // a constant input is ignored
    expect(medoidIndex([[1, 0], [1, 5], [1, 9]])).toBe(1);
  });

  it('takes the median, rounded for an integer parameter', () => {
    expect(marginalMedian([1, 5, 2, 9], { name: 'x', min: 0, max: 10 })).toBe(3.5);
    expect(marginalMedian([1, 2, 2, 3], { name: 'k', min: 0, max: 10, integer: true })).toBe(2);
  });

  it('finds the mode of a skewed sample by kernel density (to the bandwidth)', () => {
    // a normal peak at 0.3 (SD 0.05) plus a flat tail towards 1: median and mean sit right of the mode
    const s = streamFor(['mode']);
    const v = [...Array.from({ length: 600 }, () => normal(s, 0.3, 0.05)), ...Array.from({ length: 400 }, () => 0.3 + 0.7 * s.next())];
    const mode = marginalMode(v, { name: 'x', min: 0, max: 1 });
    expect(Math.abs(mode - 0.3)).toBeLessThan(0.02);
    expect(marginalMedian(v, { name: 'x', min: 0, max: 1 })).toBeGreaterThan(0.33);
  });

  it('keeps mass at a prior bound by reflection', () => {
    // uniform on [0, 0.2] within a [0, 1] prior: the density is flat up to the bound, not halved there
    const s = streamFor(['edge']);
    const v = Array.from({ length: 2000 }, () => 0.2 * s.next());
    expect(marginalMode(v, { name: 'x', min: 0, max: 1 })).toBeLessThan(0.2);
  });

  it('gives the most frequent whole value for an integer parameter (ties: the smallest)', () => {
    expect(marginalMode([3, 1, 3, 2, 1], { name: 'k', min: 0, max: 5, integer: true })).toBe(1);
    expect(marginalMode([4, 4, 2], { name: 'k', min: 0, max: 5, integer: true })).toBe(4);
    expect(marginalMode([0.7, 0.7], { name: 'x', min: 0, max: 1 })).toBe(0.7);
  });
});

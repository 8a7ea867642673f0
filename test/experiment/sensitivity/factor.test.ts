import { describe, expect, it } from 'vitest';
import { checkFactors, fromUnit } from '../../../src/experiment/sensitivity/factor.js';
import { percentile } from '../../../src/experiment/sensitivity/percentile.js';

describe('checkFactors', () => {
  it('accepts a good list and names the path of each problem', () => {
    expect(checkFactors([{ name: 'a', min: 0, max: 1 }])).toEqual([]);
    expect(checkFactors([])).toEqual([{ path: 'factors', message: 'at least one factor is needed' }]);
    const issues = checkFactors([
      { name: 'a', min: 0, max: 1 },
      { name: 'a', min: 2, max: 1 },
      { name: 'b', min: 0.5, max: 3, integer: true },
    ]);
    expect(issues.map((i) => i.path)).toEqual(['factors[1].name', 'factors[1].max', 'factors[2]']);
  });
});

describe('fromUnit', () => {
  it('maps [0, 1] linearly onto a continuous range', () => {
    expect(fromUnit({ name: 'w', min: 10, max: 20 }, 0.25)).toBe(12.5);
  });

  it('gives each whole value of an integer factor an equal share of [0, 1]', () => {
    const f = { name: 'n', min: 1, max: 4, integer: true };
    expect([0, 0.2499, 0.25, 0.5, 0.75, 0.9999, 1].map((u) => fromUnit(f, u))).toEqual([1, 1, 2, 3, 4, 4, 4]);
  });
});

describe('percentile', () => {
  it('interpolates between order statistics like R type 7', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(0.1, 0.5, 0.975)) gives 1.4, 3, 9.4
    expect(percentile([10, 2, 3, 1, 4], 0.1)).toBeCloseTo(1.4, 12);
    expect(percentile([10, 2, 3, 1, 4], 0.5)).toBe(3);
    expect(percentile([10, 2, 3, 1, 4], 0.975)).toBeCloseTo(9.4, 12);
    expect(Number.isNaN(percentile([], 0.5))).toBe(true);
  });
});

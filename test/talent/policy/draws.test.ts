// Parameter draws of robust policy design (issue 16): a Latin hypercube over the free ('assumption') parameters
// within their declared ranges, reproducible by seed; or draws from a posterior sample by weight.
import { describe, expect, it } from 'vitest';
import { PARAMETER_INDEX } from '../../../src/model/parameters.js';
import { assumptionParameterNames, parameterDraws } from '../../../src/talent/policy/draws.js';

describe('parameterDraws', () => {
  it('draws only the assumption parameters, within their ranges, the same for the same seed', () => {
    const names = assumptionParameterNames();
    expect(names.length).toBeGreaterThan(10);
    for (const n of names) expect(PARAMETER_INDEX.get(n)!.basis).toBe('assumption');
    const a = parameterDraws({}, 5, 1);
    expect(a).toHaveLength(5);
    for (const d of a) {
      expect(Object.keys(d).sort()).toEqual([...names].sort());
      for (const [k, v] of Object.entries(d)) {
        const p = PARAMETER_INDEX.get(k)!;
        expect(v).toBeGreaterThanOrEqual(p.min);
        expect(v).toBeLessThanOrEqual(p.max);
        if (p.integer) expect(Number.isInteger(v)).toBe(true);
      }
    }
    expect(parameterDraws({}, 5, 1)).toEqual(a);
    expect(parameterDraws({}, 5, 2)).not.toEqual(a);
  });

  it('takes draws from a posterior sample in proportion to the weights', () => {
    const posterior = {
      parameters: ['outmigration_base'],
      rows: [{ values: { outmigration_base: 0.1 }, weight: 0 }, { values: { outmigration_base: 0.12 }, weight: 1 }],
    };
    const d = parameterDraws({ posterior }, 6, 3);
    expect(d.every((x) => x.outmigration_base === 0.12)).toBe(true);
  });
});

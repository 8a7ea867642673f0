// Lever mixes (issue 16): spend shares → lever values at measured spend rates, water-filling at the maxima.
import { describe, expect, it } from 'vitest';
import { LEVER_INDEX } from '../../../src/model/levers.js';
import { measuredRates, mixPolicies, mixValues } from '../../../src/talent/policy/mix.js';

describe('mixValues', () => {
  it('splits the budget by share at the unit costs of per-village levers', () => {
    const m = mixValues(['cultural_programmes', 'cultural_efficacy'], [3, 1], 40000, { cultural_programmes: 60000, cultural_efficacy: 15000 });
    expect(m.values).toEqual({ cultural_programmes: 0.5, cultural_efficacy: 0.666667 });
    expect(m.spend).toBeCloseTo(40000, 6);
    expect(m.saturated).toBe(false);
  });

  it('caps a lever at its maximum and gives its unspent share to the others', () => {
    // cultural_efficacy's half (50,000) is more than its maximum (15,000): the rest goes to the programmes.
    const m = mixValues(['cultural_programmes', 'cultural_efficacy'], [1, 1], 100000, { cultural_programmes: 60000, cultural_efficacy: 15000 });
    expect(m.values.cultural_efficacy).toBe(1);
    expect(m.values.cultural_programmes).toBe(1); // 85,000 > 60,000: capped too
    expect(m.saturated).toBe(true);
    expect(m.spend).toBe(75000);
  });

  it('uses measured rates for per-recipient levers and leaves zero shares out', () => {
    const m = mixValues(['returnee_support', 'care_relief'], [1, 0], 20000, { returnee_support: 25000 });
    expect(m.values).toEqual({ returnee_support: 0.8 });
  });

  it('measures rates from billed spend, keeping per-village levers at their unit cost', () => {
    const r = measuredRates({ returnee_support: 2, care_relief: 0.5 }, { returnee_support: 30000, care_relief: 19000 }, {});
    expect(r).toEqual({ returnee_support: 15000, care_relief: 40000 });
    expect(measuredRates({ care_relief: 0.5 }, { care_relief: 1 }, {}, 'high').care_relief).toBe(LEVER_INDEX.get('care_relief')!.unitCostHigh);
  });

  it('writes constant policies at the cost level, each with its own copy of the selector', () => {
    const where = { villageType: ['weak-low-han' as const] };
    const p = mixPolicies({ care_relief: 0.5, supervision_visits: 2 }, 'low', where);
    expect(p.map((x) => [x.lever, x.value, x.unitCost])).toEqual([['supervision_visits', 2, 1000], ['care_relief', 0.5, 20000]]);
    expect(p[0].where).toEqual(where);
    expect(p[0].where).not.toBe(p[1].where);
  });
});

// Policy cost (process 11): every lever billed once, from its declared cost basis.
import { describe, expect, it } from 'vitest';
import { LEVERS, LEVER_INDEX, type LeverSpec, type LeverValues } from '../../../src/model/levers.js';
import { billLevers, leverCost } from '../../../src/model/processes/policy-cost.js';
import { idlePolicy } from '../../../src/model/county.js';
import { handVillage, person, stepModel } from '../helpers.js';

const spec = (name: string) => LEVER_INDEX.get(name) as LeverSpec;

describe('policy cost', () => {
  it('bills each cost basis by its rule', () => {
    expect(leverCost(spec('study_programme'), 0.5, 20000, 0)).toBe(10000);
    expect(leverCost(spec('returnee_support'), 3, 1000, 7)).toBe(21000);
    expect(leverCost(spec('returnee_support'), 3, 1000, 0)).toBe(0);
    expect(leverCost(spec('first_secretary'), 0.25, 80000, 1)).toBe(80000); // per posted secretary-year, not × the probability
    expect(leverCost(spec('first_secretary'), 0.25, 80000, 0)).toBe(0);
    expect(leverCost(spec('first_secretary'), 0, 80000, 1)).toBe(0); // a lever at 0 costs nothing
  });

  it('adds each lever to the village spending and the cost flow, in declaration order', () => {
    const v = handVillage(0, (v) => person(v));
    const policy = idlePolicy();
    policy.levers.care_relief = 0.5;
    policy.levers.young_talent_stipend = 2;
    policy.levers.supervision_visits = 4;
    v.flows.leverRecipients.young_talent_stipend = 3;
    v.levers = policy.levers;
    v.unitCosts = policy.unitCosts;
    billLevers(v);
    expect(v.spending).toEqual({ supervision_visits: 12000, young_talent_stipend: 6000, care_relief: 20000 });
    expect(Object.keys(v.spending)).toEqual(['supervision_visits', 'young_talent_stipend', 'care_relief']);
    expect(v.flows.cost).toBe(38000);
  });

  it('bills every lever somewhere when all are at their maximum (no process forgets to record its recipients)', () => {
    const all = Object.fromEntries(LEVERS.map((l) => [l.name, l.max])) as LeverValues;
    const billed = new Set<string>();
    let years = 0;
    stepModel({ county: { villages: 6, population: 6000 }, levers: all }, 3, (c, _year, t) => {
      if (t === 0) return;
      years++;
      for (const v of c.villages) {
        for (const name of Object.keys(v.spending)) billed.add(name);
        expect(v.flows.cost).toBeCloseTo(Object.values(v.spending).reduce((a, b) => a + b, 0), 6);
      }
    });
    expect(years).toBe(3);
    expect([...billed].sort()).toEqual(LEVERS.map((l) => l.name).sort());
  });
});

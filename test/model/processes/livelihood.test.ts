// Livelihood (process 2): incomes, pooled household income and livelihood pressure.
import { describe, expect, it } from 'vitest';
import { policyCost } from '../../../src/model/processes/policy-cost.js';
import { livelihood } from '../../../src/model/processes/livelihood.js';
import { newHousehold } from '../../../src/model/village.js';
import { Occupation } from '../../../src/model/villager.js';
import { handCounty, handVillage, person, runOnce } from '../helpers.js';

describe('livelihood', () => {
  function carers() {
    let burdened = -1;
    let free = -1;
    const v = handVillage(0, (v) => {
      const h1 = newHousehold(v);
      burdened = person(v, { household: h1, age: 35, occupation: Occupation.farmer });
      for (let k = 0; k < 3; k++) person(v, { household: h1, age: 3 });
      const h2 = newHousehold(v);
      free = person(v, { household: h2, age: 35, occupation: Occupation.farmer });
      person(v, { household: h2, age: 37, occupation: Occupation.farmer });
    });
    return { v, burdened, free };
  }

  it('gives more pressure to a carer of young children than to a couple without dependants, and care relief lowers it', () => {
    const a = carers();
    runOnce(handCounty([a.v]), livelihood);
    const P = a.v.people.cols;
    expect(P.pressure[a.burdened]).toBeGreaterThan(P.pressure[a.free]);
    const b = carers();
    const c = handCounty([b.v], { levers: { care_relief: 1 } });
    runOnce(c, livelihood);
    expect(b.v.people.cols.pressure[b.burdened]).toBeLessThan(P.pressure[a.burdened]);
    runOnce(c, policyCost); // a village-basis lever: billed per village, whatever livelihood recorded
    expect(b.v.flows.cost).toBe(c.policy.unitCosts.care_relief);
  });

  it('pools a share of a migrant\'s wage into the household at home', () => {
    let h = -1;
    const v = handVillage(0, (v) => {
      h = newHousehold(v);
      person(v, { household: h, age: 30, away: 1 });
    });
    const c = handCounty([v]);
    runOnce(c, livelihood);
    expect(v.households.income[h]).toBeCloseTo(c.params.migrant_wage * c.params.remittance_share, 0);
  });

  it('raises the industry index with investment', () => {
    const v = handVillage(0, (v) => { person(v); });
    const before = v.industry;
    runOnce(handCounty([v], { levers: { industry_investment: 50 } }), livelihood);
    expect(v.industry).toBeGreaterThan(before);
  });
});

// The census of a village (stocks in one read-only pass, cached per model version in the county's
// scratch) and the branch early-warning rule.
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/core/random.js';
import { branchInWarning, census, isWarning, takeCensus } from '../../src/model/census.js';
import { defaultCounty } from '../../src/model/county-config.js';
import { generateVillage } from '../../src/model/county-generator.js';
import { defaultParams } from '../../src/model/parameters.js';
import { Status } from '../../src/model/villager.js';
import { generatedCounty, handCounty, handVillage, person } from './helpers.js';

const p = defaultParams();

describe('census', () => {
  it('counts members by the data\'s age categories (≤ youth_age_max, 61+)', () => {
    const v = handVillage(0, (v) => {
      for (const age of [p.youth_age_max, p.youth_age_max + 1, 60, 61]) person(v, { age, status: Status.full });
    });
    const c = takeCensus(v, p);
    expect(c.stage[Status.full]).toBe(4);
    expect(c.members35under).toBe(1);
    expect(c.members61plus).toBe(1);
  });

  it('is cached per model version in each county, and two counties never share an entry', () => {
    const a = generatedCounty(2, 200, {}, 1);
    const b = generatedCounty(2, 200, {}, 2);
    const ca = census(a, a.villages[0]);
    expect(census(a, a.villages[0])).toBe(ca); // cached
    const cb = census(b, b.villages[0]);
    expect(cb).not.toBe(ca);
    expect(census(a, a.villages[0])).toBe(ca);
    expect(cb).toEqual(takeCensus(b.villages[0], b.params));
    a.version++;
    expect(census(a, a.villages[0])).not.toBe(ca); // a new year: counted afresh
  });

  it('counts a village that is not the county\'s own afresh (no cache entry for it)', () => {
    const c = handCounty([handVillage(0, (v) => person(v))]);
    const stranger = handVillage(0, (v) => {
      person(v);
      person(v);
    });
    expect(census(c, stranger).residents).toBe(2);
    expect(census(c, c.villages[0]).residents).toBe(1);
  });
});

describe('the early-warning rule', () => {
  it('warns on mean member age 60+, 3+ years without a recruit, or no activist (§2)', () => {
    expect(isWarning(59.9, 2, 1)).toBe(false);
    expect(isWarning(60, 2, 1)).toBe(true);
    expect(isWarning(50, 3, 1)).toBe(true);
    expect(isWarning(50, 0, 0)).toBe(true);
  });

  it('agrees with the census warning flag on generated villages, warned or not', () => {
    let warned = 0;
    for (let g = 0; g < 30; g++) {
      const v = generateVillage(g, { ...defaultCounty(), villages: 30, population: 9000 }, p, streamFor(['warning-check', g]));
      expect(branchInWarning(v), `village ${g}`).toBe(takeCensus(v, p).warning === 1);
      if (branchInWarning(v)) warned++;
    }
    // the generator draws 0-5 years without a recruit, so both outcomes occur (the check can fail)
    expect(warned).toBeGreaterThan(0);
    expect(warned).toBeLessThan(30);
  });
});

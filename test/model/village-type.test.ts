// The village typology (src/model/village-type.ts): its two thresholds are the medians of the generator's
// initial draws, so about half of a generated county's villages fall on each side of each split; the type
// is fixed at generation and is what villages.csv reports.
import { describe, expect, it } from 'vitest';
import {
  FOUNDATION_THRESHOLD, INDUSTRY_THRESHOLD, VILLAGE_TYPES, branchFoundation, villageAttributes, villageTypeCode, villageTypeName,
} from '../../src/model/village-type.js';
import { generatedCounty } from './helpers.js';

describe('village typology', () => {
  it('splits a generated county at the medians: about half strong, half high-industry', () => {
    const county = generatedCounty(400, 60);
    const n = county.villages.length;
    const share = (f: (v: (typeof county.villages)[number]) => boolean) => county.villages.filter(f).length / n;
    // 400 villages: a share of 1/2 has binomial sd 0.025; the bounds are 4 sd wide.
    const strong = share((v) => branchFoundation(v.branch.authority, v.branch.meetingQuality) >= FOUNDATION_THRESHOLD);
    const high = share((v) => v.industryBase >= INDUSTRY_THRESHOLD);
    expect(strong).toBeGreaterThan(0.4);
    expect(strong).toBeLessThan(0.6);
    expect(high).toBeGreaterThan(0.4);
    expect(high).toBeLessThan(0.6);
    // Every village carries the type of its initial state.
    for (const v of county.villages) {
      expect(v.type).toBe(villageTypeCode({ authority: v.branch.authority, meetingQuality: v.branch.meetingQuality, industryBase: v.industryBase, majority: v.majority }));
    }
  });

  it('reports the type fixed at generation in the village attributes, whatever the state becomes', () => {
    const [v] = generatedCounty(1, 80).villages;
    const type = villageTypeName(v.type);
    expect(VILLAGE_TYPES).toContain(type);
    Object.assign(v.branch, { authority: 0, meetingQuality: 0 });
    expect(villageAttributes(v)).toMatchObject({ size: v.people.count, type });
    expect(villageTypeName(villageTypeCode({ authority: 0.6, meetingQuality: 0.6, industryBase: 0.05, majority: 1 }))).toBe('strong-low-minority');
    expect(villageTypeName(villageTypeCode({ authority: 0.35, meetingQuality: 0.3, industryBase: 0.3, majority: 5 }))).toBe('weak-high-han');
  });
});

// The village typology (src/model/village-type.ts): its thresholds are the medians of the generator's
// initial draws, so each of the four types holds about a quarter of a generated county; a village's
// attributes are read from its state.
import { describe, expect, it } from 'vitest';
import { VILLAGE_TYPE_THRESHOLDS, VILLAGE_TYPES, branchFoundation, villageAttributes, villageType } from '../../src/model/village-type.js';
import { generatedCounty } from './helpers.js';

describe('village typology', () => {
  it('splits a generated county at the medians: about half strong, half industrial, a quarter of each type', () => {
    const county = generatedCounty(400, 60);
    const n = county.villages.length;
    const share = (f: (v: (typeof county.villages)[number]) => boolean) => county.villages.filter(f).length / n;
    // 400 villages: a share of 1/2 has binomial sd 0.025, of 1/4 sd 0.022; the bounds are 4 sd wide.
    expect(share((v) => branchFoundation(v) >= VILLAGE_TYPE_THRESHOLDS.foundation)).toBeGreaterThan(0.4);
    expect(share((v) => branchFoundation(v) >= VILLAGE_TYPE_THRESHOLDS.foundation)).toBeLessThan(0.6);
    expect(share((v) => v.industryBase >= VILLAGE_TYPE_THRESHOLDS.industry)).toBeGreaterThan(0.4);
    expect(share((v) => v.industryBase >= VILLAGE_TYPE_THRESHOLDS.industry)).toBeLessThan(0.6);
    for (const type of VILLAGE_TYPES) {
      const s = share((v) => villageType(v) === type);
      expect(s, type).toBeGreaterThan(0.16);
      expect(s, type).toBeLessThan(0.34);
    }
  });

  it('reads the type and attributes from the state', () => {
    const [v] = generatedCounty(1, 80).villages;
    Object.assign(v.branch, { authority: 0.6, meetingQuality: 0.6, study: 0.5 });
    v.industryBase = 0.05;
    expect(villageType(v)).toBe('strong-farming');
    Object.assign(v.branch, { authority: 0.35, meetingQuality: 0.3, study: 0.3 });
    v.industryBase = 0.3;
    expect(villageType(v)).toBe('weak-industrial');
    v.majority = 1;
    expect(villageAttributes(v)).toEqual({ majority: 'yao', size: v.people.count, type: 'weak-industrial' });
  });
});

// Culture (process 4): identity pulled by ties and cultural life, eroded most in the young;
// cultural programmes renew cultural life.
import { describe, expect, it } from 'vitest';
import { culturalEfficacy, culture, erosionAgeFactor, nextCulturalLife } from '../../../src/model/processes/culture.js';
import { defaultParams } from '../../../src/model/parameters.js';
import { handCounty, handVillage, person, runOnce } from '../helpers.js';

const p = defaultParams();

describe('culture', () => {
  it('raises cultural life with cultural programmes', () => {
    expect(nextCulturalLife(0.5, 0.5, 1, p)).toBeGreaterThan(nextCulturalLife(0.5, 0.5, 0, p));
    expect(nextCulturalLife(0.5, 0.5, 0, p)).toBeLessThan(0.5); // decays without them at mean identity 0.5
    const build = () =>
      handVillage(0, (v) => {
        for (let k = 0; k < 50; k++) person(v, { age: 40, identity: 0.5 });
      });
    const a = build();
    const b = build();
    a.culturalLife = b.culturalLife = 0.4;
    const ca = handCounty([a]);
    const cb = handCounty([b], { levers: { cultural_programmes: 1 } });
    for (let y = 0; y < 5; y++) {
      runOnce(ca, culture, 1, 2026 + y, 1 + y);
      runOnce(cb, culture, 1, 2026 + y, 1 + y);
    }
    expect(b.culturalLife).toBeGreaterThan(a.culturalLife + 0.3);
  });

  it('erodes identity faster in the young (attention fragmentation) and not at all from 60', () => {
    const y = p.youth_age_max;
    const ages = [20, y, y + 1, 45, p.identity_erosion_end_age - 1, p.identity_erosion_end_age, 70];
    const mid = p.identity_erosion_midlife_factor;
    expect(ages.map((a) => erosionAgeFactor(a, p))).toEqual([1, 1, mid, mid, mid, 0, 0]);
    let young = -1;
    let middle = -1;
    let old = -1;
    const v = handVillage(0, (v) => {
      // No ties, and cultural life equal to identity, so erosion is the only change.
      young = person(v, { age: 20, identity: 0.8 });
      middle = person(v, { age: 45, identity: 0.8 });
      old = person(v, { age: 70, identity: 0.8 });
    });
    v.culturalLife = 0.8;
    runOnce(handCounty([v]), culture);
    const P = v.people.cols;
    expect(P.identity[young]).toBeCloseTo(0.8 * (1 - p.identity_erosion_youth), 6);
    expect(P.identity[middle]).toBeCloseTo(0.8 * (1 - p.identity_erosion_youth / 2), 6);
    expect(P.identity[old]).toBeCloseTo(0.8, 6);
  });

  it('pulls a resident\'s identity toward the mean of their ties, and fades it away from the village', () => {
    let a = -1;
    let migrant = -1;
    const v = handVillage(0, (v) => {
      a = person(v, { age: 70, identity: 0.2 });
      for (let k = 0; k < 6; k++) person(v, { age: 70, identity: 0.9 });
      migrant = person(v, { age: 70, identity: 0.5, away: 1 });
    });
    for (let k = 0; k < 6; k++) v.ties[a * 6 + k] = 1 + k;
    v.culturalLife = 0.2;
    runOnce(handCounty([v]), culture);
    const P = v.people.cols;
    // ties first (slot 0 is updated before its ties), then the pull of cultural life; no erosion at 70
    const social = 0.2 + p.identity_social_rate * (0.9 - 0.2);
    expect(P.identity[a]).toBeCloseTo(social + p.identity_cultural_life_rate * (0.2 - social), 5);
    expect(P.identity[migrant]).toBeCloseTo(0.5 * (1 - p.identity_away_erosion), 6);
  });

  it('defines cultural efficacy once: the share of cultural life channelled through the branch, 0 to cultural life', () => {
    const b = p.cultural_efficacy_base;
    expect(culturalEfficacy(0.6, 0, p)).toBeCloseTo(0.6 * b, 12);
    expect(culturalEfficacy(0.6, 1, p)).toBeCloseTo(0.6, 12); // the full lever channels all of it
    expect(culturalEfficacy(0.6, 0.5, p)).toBeGreaterThan(culturalEfficacy(0.6, 0.25, p));
    expect(culturalEfficacy(0, 1, p)).toBe(0);
    for (const cl of [0, 0.3, 1]) for (const lever of [0, 0.5, 1]) expect(culturalEfficacy(cl, lever, p)).toBeLessThanOrEqual(cl);
  });
});

// Census-year profiles: the derivation from a census's figures, the 2010 county the generator builds from
// them (within stated sampling tolerances), the scenario's county.profile (validation, round trip), and the
// present-day county unchanged without a profile.
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/core/random.js';
import { generateVillage, PRESENT_DAY_PROFILE, registeredBandWeights } from '../../src/model/county-generator.js';
import {
  AGE_BANDS, CENSUS_FIGURES, CENSUS_SOURCES, checkCensusFigures, GUIZHONG_2010, profileFromFigures, RURAL_PYRAMID_2020,
} from '../../src/model/county-profile.js';
import { defaultInputs } from '../../src/model/default-inputs.js';
import { ADULT_AGE } from '../../src/model/villager.js';
import { loadScenario, safeLoadScenario, scenarioToFile } from '../../src/scenario/index.js';
import { resolveScenario } from '../../src/scenario/resolve.js';

describe('profileFromFigures', () => {
  const p = profileFromFigures(GUIZHONG_2010);
  const sum = (from: number, to: number) => p.ageShares.slice(from, to).reduce((a, b) => a + b, 0);

  it('keeps every broad age group of the census exactly', () => {
    expect(sum(0, 3)).toBeCloseTo(16.7, 10);
    expect(sum(3, 12)).toBeCloseTo(69.18, 10);
    expect(sum(12, 13)).toBeCloseTo(4.01, 10);
    expect(sum(13, 18)).toBeCloseTo(10.11, 10);
    expect(p.ageShares.length).toBe(AGE_BANDS.length);
  });

  it('spreads each group with the 2020 rural shape', () => {
    // within 0-14 the bands keep the 2020 proportions 7 : 8 : 8.5
    expect(p.ageShares[1] / p.ageShares[0]).toBeCloseTo(RURAL_PYRAMID_2020[1] / RURAL_PYRAMID_2020[0], 12);
    expect(p.ageShares[2] / p.ageShares[0]).toBeCloseTo(RURAL_PYRAMID_2020[2] / RURAL_PYRAMID_2020[0], 12);
  });

  it('turns the sex ratio into a male share and scales education by the 2010/2020 figures', () => {
    expect(p.maleShare).toBeCloseTo(108.09 / 208.09, 12);
    expect(p.education[0][0]).toBeCloseTo(0.12 * (5977 / 10806), 12);
    expect(p.education[2][2]).toBeCloseTo(0.3 * (38764 / 36388), 12);
    expect(p.ageBasis).toBe('resident');
    expect(p.householdBasis).toBe('resident');
  });

  it('finds figures that do not add up', () => {
    expect(checkCensusFigures(GUIZHONG_2010)).toEqual([]);
    const bad = { ...GUIZHONG_2010, ageGroups: { ...GUIZHONG_2010.ageGroups, age0to14: 30 } };
    expect(checkCensusFigures(bad).map((x) => x.path)).toEqual(['age']);
  });

  it('gives every built-in profile a source for every figure', () => {
    for (const name of CENSUS_FIGURES.keys()) {
      const s = CENSUS_SOURCES.get(name)!;
      for (const k of ['ageGroups', 'sexRatio', 'householdSize', 'education'] as const) expect(s[k]).toMatch(/data\/guizhong\/counties\.csv/);
    }
  });
});

describe('the 2010 county', () => {
  const inputs = defaultInputs({ county: { villages: 8, population: 16000, profile: GUIZHONG_2010 } });
  let residents = 0;
  let res60 = 0;
  let res0to14 = 0;
  let males = 0;
  let all = 0;
  let resHouseholds = 0;
  for (let g = 0; g < 8; g++) {
    const v = generateVillage(g, inputs.county, inputs.params, streamFor([1, 'profile-test', g]));
    const P = v.people.cols;
    const hh = new Set<number>();
    v.people.forEach((i) => {
      all++;
      if (P.sex[i] === 1) males++;
      if (P.away[i]) return;
      residents++;
      hh.add(P.household[i]);
      if (P.age[i] >= 60) res60++;
      if (P.age[i] < 15) res0to14++;
    });
    resHouseholds += hh.size;
  }

  it('has the census 2010 share of residents aged 60+ (Liucheng 14.12%)', () => {
    // ≈12,000 residents: sd of a share ≈ 0.003; the disabled (never away) shift it by < 0.002; ±0.012
    expect(Math.abs(res60 / residents - 0.1412)).toBeLessThan(0.012);
    expect(Math.abs(res0to14 / residents - 0.167)).toBeLessThan(0.012);
  });

  it('has 3.34 residents per household, every household with a resident', () => {
    // households = round(residents / 3.34) per village, all used: the mean is 3.34 up to rounding
    expect(Math.abs(residents / resHouseholds - 3.34)).toBeLessThan(0.05);
  });

  it('has the 2010 sex ratio (108.09: 51.9% male)', () => {
    // sd ≈ 0.004 over ≈16,000 villagers; ±0.015
    expect(Math.abs(males / all - 108.09 / 208.09)).toBeLessThan(0.015);
  });

  it('scales the registered pyramid up where villagers are away', () => {
    const p = profileFromFigures(GUIZHONG_2010);
    const w = registeredBandWeights(p, inputs.params);
    // band 25-29 is all at the young away share; 0-4 has nobody away
    expect(w[5] / p.ageShares[5]).toBeCloseTo(1 / (1 - inputs.params.initial_away_share_young), 12);
    expect(w[0]).toBe(p.ageShares[0]);
    expect(registeredBandWeights(PRESENT_DAY_PROFILE, inputs.params)).toEqual(Float64Array.from(RURAL_PYRAMID_2020));
    expect(ADULT_AGE).toBe(18);
  });
});

describe('county.profile in scenario files', () => {
  it('names a built-in profile and resolves it to its figures', () => {
    const s = loadScenario('hindcast-2010');
    expect(s.startYear).toBe(2010);
    expect(s.county.profile).toEqual({ ...GUIZHONG_2010, ageGroups: { ...GUIZHONG_2010.ageGroups }, education: { ...GUIZHONG_2010.education } });
    expect(s.policies).toEqual([]);
  });

  it('overrides figures of a base and round-trips through the file form', () => {
    const value = {
      name: 'xiangzhou-2010', start_year: 2010, years: 10,
      county: { profile: { base: 'guizhong-2010', name: 'xiangzhou', household_size: 3.19, sex_ratio: 107.85 } },
    };
    const r = resolveScenario({ id: 'x', label: 'x.yaml', source: 'x.yaml', baseDir: '.', content: { value } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.scenario.county.profile!;
    expect([f.name, f.householdSize, f.sexRatio, f.ageGroups.age65plus]).toEqual(['xiangzhou', 3.19, 107.85, 10.11]);
    const back = resolveScenario({ id: 'y', label: 'y', source: 'y', baseDir: '.', content: { value: scenarioToFile(r.scenario) } });
    expect(back.ok && back.scenario.county.profile).toEqual(f);
  });

  it('reports bad figures with the path inside the file', () => {
    const value = { name: 'bad', county: { profile: { base: 'guizhong-2010', age_0_14: 40, househld_size: 3 } } };
    const r = resolveScenario({ id: 'b', label: 'bad.yaml', source: 'bad.yaml', baseDir: '.', content: { value } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(text).toContain('county.profile.househld_size: unknown key; did you mean `household_size`?');
    expect(safeLoadScenario('baseline').ok).toBe(true);
  });

  it('rejects age groups that do not sum to 100%', () => {
    const value = { name: 'bad', county: { profile: { base: 'guizhong-2010', age_0_14: 40 } } };
    const r = resolveScenario({ id: 'b', label: 'bad.yaml', source: 'bad.yaml', baseDir: '.', content: { value } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['county.profile: the age groups must sum to 100% (±0.5); they sum to 123.30%']);
  });
});

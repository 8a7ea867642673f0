// Every census figure the 2010 profile and the hindcast targets quote is checked against the data tables
// copied into the repository (data/guizhong/), so a figure cannot drift from its source.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUIZHONG_2010, GUIZHONG_2020 } from '../../src/model/county-profile.js';
import { HINDCAST_TARGETS } from '../../src/talent/calibration/hindcast-targets.js';

/** Minimal CSV reader for the two tables (quoted fields with commas). */
function table(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').replace(/\r/g, '').trim().split('\n');
  const split = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let q = false;
    for (const c of line) {
      if (c === '"') q = !q;
      else if (c === ',' && !q) {
        out.push(cur);
        cur = '';
      } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const head = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [head[i], v])));
}

const counties = table('data/guizhong/counties.csv');
const townships = table('data/guizhong/townships.csv');
const fig = (county: string, year: string, measure: string): number => {
  const row = counties.find((r) => r.county === county && r.year === year && r.measure === measure);
  if (!row) throw new Error(`no row ${county} ${year} ${measure}`);
  return Number(row.value);
};
const target = (name: string) => HINDCAST_TARGETS.find((t) => t.name === name)!;
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

describe('the 2010 profile against the tables', () => {
  it('derives Liucheng\'s 2010 age groups from its 2020 shares and the stated changes', () => {
    const L = '柳城县';
    const g = GUIZHONG_2010.ageGroups;
    expect(g.age0to14).toBeCloseTo(fig(L, '2020', 'age_0_14_share') - fig(L, '2010-2020', 'age_0_14_share_change'), 10);
    expect(g.age15to59).toBeCloseTo(fig(L, '2020', 'age_15_59_share') - fig(L, '2010-2020', 'age_15_59_share_change'), 10);
    expect(g.age65plus).toBeCloseTo(fig(L, '2020', 'age_65plus_share') - fig(L, '2010-2020', 'age_65plus_share_change'), 10);
    const sixty2010 = fig(L, '2020', 'age_60plus_share') - fig(L, '2010-2020', 'age_60plus_share_change');
    expect(g.age60to64 + g.age65plus).toBeCloseTo(sixty2010, 10);
    expect(GUIZHONG_2010.sexRatio).toBe(fig(L, '2010', 'sex_ratio'));
    expect(GUIZHONG_2020.sexRatio).toBe(fig(L, '2020', 'sex_ratio'));
  });

  it('uses the 2010 household size of Rong\'an and Du\'an and Guangxi\'s 2010 education', () => {
    expect(GUIZHONG_2010.householdSize).toBe(fig('融安县', '2010', 'mean_family_household_size'));
    expect(GUIZHONG_2010.householdSize).toBe(fig('都安瑶族自治县', '2010', 'mean_family_household_size'));
    expect(GUIZHONG_2010.education).toEqual({
      college: fig('广西 Guangxi', '2010', 'edu_college_per100k'),
      senior: fig('广西 Guangxi', '2010', 'edu_senior_secondary_per100k'),
      junior: fig('广西 Guangxi', '2010', 'edu_junior_secondary_per100k'),
    });
  });
});

describe('the hindcast targets against the tables', () => {
  it('rural residents: Rong\'an\'s 11 rural townships −27.0%, each between −17% and −42%', () => {
    const rural = townships.filter((r) => r.county === '融安县' && r.is_county_seat === 'no');
    expect(rural.length).toBe(11);
    const p2010 = rural.reduce((a, r) => a + Number(r.pop_2010_derived_from_share), 0);
    const p2020 = rural.reduce((a, r) => a + Number(r.pop_2020), 0);
    expect(round(p2020 / p2010 - 1, 3)).toBe(-0.27);
    const t = target('rural_residents_change_2010_2020');
    expect((t.low + t.high) / 2).toBeCloseTo(-0.27, 10);
    const each = rural.map((r) => Number(r.pop_2020) / Number(r.pop_2010_derived_from_share) - 1);
    expect(Math.min(...each)).toBeGreaterThan(-0.42);
    expect(Math.max(...each)).toBeLessThan(-0.16);
  });

  it('ageing: Liucheng +6.91 pp lies in the calibration interval; Xiangzhou 20.03% is the held-out floor', () => {
    const t = target('resident_share_60plus_change_2010_2020');
    const liucheng = fig('柳城县', '2010-2020', 'age_60plus_share_change') / 100;
    expect(liucheng).toBeGreaterThanOrEqual(t.low);
    expect(liucheng).toBeLessThanOrEqual(t.high);
    expect(target('xiangzhou_share_60plus_2020').low).toBe(fig('象州县', '2020', 'age_60plus_share') / 100);
  });

  it('household size: Rong\'an −0.73 and Guangxi −0.47 bound the calibration; Du\'an −0.39, Xiangzhou −0.37 are held out', () => {
    const change = (c: string) => round(fig(c, '2020', 'mean_family_household_size') - fig(c, '2010', 'mean_family_household_size'), 2);
    const t = target('household_size_change_2010_2020');
    expect([t.low, t.high]).toEqual([change('融安县'), round(2.87 - 3.34, 2)]);
    const g = counties.find((r) => r.county === '广西 Guangxi' && r.measure === 'mean_family_household_size')!;
    expect([Number(g.value), g.note]).toEqual([2.87, '2010: 3.34']);
    const v = target('duan_xiangzhou_household_change_2010_2020');
    for (const c of ['都安瑶族自治县', '象州县']) {
      expect(change(c)).toBeGreaterThanOrEqual(v.low);
      expect(change(c)).toBeLessThanOrEqual(v.high);
    }
  });

  it('registered villagers away: Guangxi 2016 13.3% (calibration floor), Dahua 2022 25.1% (held-out floor)', () => {
    const gx = 1 - fig('广西 Guangxi', '2016', 'resident_population_yearend') / fig('广西 Guangxi', '2016', 'registered_population_hukou');
    expect(round(gx, 3)).toBe(target('share_away_2016').low);
    const dahua = 1 - fig('大化瑶族自治县', '2022', 'resident_population_yearend') / fig('大化瑶族自治县', '2022', 'registered_population_hukou');
    expect(round(dahua, 3)).toBe(target('dahua_share_away_2022').low);
  });

  it('birth and death rates: the intervals span Guangxi\'s 2016, 2021 and 2022 rates', () => {
    const births2016 = (1000 * fig('广西 Guangxi', '2016', 'births')) / fig('广西 Guangxi', '2016', 'resident_population_yearend');
    const deaths2016 = (1000 * fig('广西 Guangxi', '2016', 'deaths')) / fig('广西 Guangxi', '2016', 'resident_population_yearend');
    const b = target('birth_rate_2016_2022');
    const d = target('death_rate_2016_2022');
    expect([b.low, b.high]).toEqual([fig('广西 Guangxi', '2022', 'birth_rate'), round(births2016, 1)]);
    expect([d.low, d.high]).toEqual([round(deaths2016, 1), round(fig('广西 Guangxi', '2022', 'death_rate'), 1)]);
    expect(fig('广西 Guangxi', '2021', 'birth_rate')).toBeGreaterThan(b.low);
  });

  it('Liucheng\'s rural population: −79,424 on 242,071 (−32.8%), the held-out interval\'s centre', () => {
    const r2020 = fig('柳城县', '2020', 'rural_population');
    const change = fig('柳城县', '2010-2020', 'rural_population_change');
    const t = target('liucheng_rural_change_2010_2020');
    expect(round(change / (r2020 - change), 3)).toBe(-0.328);
    expect((t.low + t.high) / 2).toBeCloseTo(-0.328, 10);
  });
});

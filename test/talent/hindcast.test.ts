// The hindcast targets (their statistics on known values, the burn-in rule), the hindcast run of the
// talent model on a tiny county, and the summary of a point's replicates.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { BURN_IN_YEARS, checkTargetYears, HINDCAST_TARGETS, hindcastMetrics, PARTY_WINDOW } from '../../src/talent/calibration/hindcast-targets.js';
import { hindcast, hindcastRows, pointSeed, summarizePoint } from '../../src/talent/calibration/hindcast.js';
import { assumptionParameters, defaultRunsPerWave } from '../../src/talent/calibration/calibrate.js';
import { PARAMETERS } from '../../src/model/parameters.js';

const target = (name: string) => HINDCAST_TARGETS.find((t) => t.name === name)!;

/** A replicate whose metrics are given by functions of the year. */
function values(f: Record<string, (year: number) => number>) {
  return (metric: string, year: number) => (f[metric] ? f[metric](year) : NaN);
}

describe('hindcast targets', () => {
  it('has at least 12 targets, 4 or more from the county and township data, and held-out ones', () => {
    expect(HINDCAST_TARGETS.length).toBeGreaterThanOrEqual(12);
    const county = HINDCAST_TARGETS.filter((t) => t.source.startsWith('data/guizhong/'));
    expect(county.filter((t) => t.use === 'calibration').length).toBeGreaterThanOrEqual(4);
    expect(HINDCAST_TARGETS.filter((t) => t.use === 'validation').length).toBeGreaterThanOrEqual(3);
    for (const t of HINDCAST_TARGETS) {
      expect(t.low).toBeLessThan(t.high);
      expect(t.discrepancySd).toBeGreaterThan(0);
      expect(t.discrepancy.length).toBeGreaterThan(10);
    }
  });

  it('computes the demographic statistics from a replicate\'s values', () => {
    const v = values({
      population_resident: (y) => (y === 2010 ? 1000 : 730),
      population_away: () => 270,
      resident_share_60plus: (y) => (y === 2010 ? 0.14 : 0.215),
      resident_household_size: (y) => (y === 2010 ? 3.34 : 2.7),
      births: () => 8,
      deaths: () => 7.3,
    });
    expect(target('rural_residents_change_2010_2020').statistic(v)).toBeCloseTo(-0.27, 12);
    expect(target('resident_share_60plus_change_2010_2020').statistic(v)).toBeCloseTo(0.075, 12);
    expect(target('household_size_change_2010_2020').statistic(v)).toBeCloseTo(-0.64, 12);
    expect(target('share_away_2016').statistic(v)).toBeCloseTo(270 / 1000, 12);
    // Per registered villager (730 resident + 270 away in 2016-2022): births and deaths count villagers wherever they live.
    expect(target('birth_rate_2016_2022').statistic(v)).toBeCloseTo((1000 * 8) / 1000, 12);
    expect(target('death_rate_2016_2022').statistic(v)).toBeCloseTo((1000 * 7.3) / 1000, 12);
  });

  it('reads the Party patterns over 2018-2024 only', () => {
    const v = values({
      recruits: (y) => (y >= PARTY_WINDOW[0] ? 3 : 100),
      members_full: (y) => (y >= PARTY_WINDOW[0] ? 200 : 1),
      member_mean_age: (y) => (y >= PARTY_WINDOW[0] ? 50 : 20),
    });
    expect(target('village_recruitment_rate').statistic(v)).toBeCloseTo(0.015, 12);
    expect(target('member_mean_age').statistic(v)).toBeCloseTo(50, 12);
    const growth = values({ members_full: (y) => 200 * 0.99 ** (y - 2018) });
    expect(target('membership_growth_2018_2024').statistic(growth)).toBeCloseTo(-0.01, 12);
  });

  it('never reads a target in the first five simulated years of the 2010 start', () => {
    const s = loadScenario('hindcast-2010');
    expect(checkTargetYears(HINDCAST_TARGETS, s.startYear, s.years)).toEqual([]);
    expect(BURN_IN_YEARS).toBe(5);
    const late = checkTargetYears(HINDCAST_TARGETS, 2014, 10);
    expect(late.some((p) => /share_away_2016.*first 5 simulated years/.test(p))).toBe(true);
    expect(checkTargetYears(HINDCAST_TARGETS, 2010, 12).some((p) => /outside the run's years/.test(p))).toBe(true);
  });

  it('lists each metric it reads once, all of them declared', () => {
    const m = hindcastMetrics();
    expect(new Set(m).size).toBe(m.length);
    expect(m).toContain('resident_household_size');
  });
});

describe('the hindcast run', () => {
  const base = loadScenario('hindcast-2010');
  const tiny = { ...base, county: { ...base.county, villages: 2, population: 600 } };

  it('gives one row per target with the simulated mean, its interval and a verdict by the tolerance', async () => {
    const rows = await hindcast({ scenario: tiny, replicates: 3, workers: 1 });
    expect(rows.map((r) => r.name)).toEqual(HINDCAST_TARGETS.map((t) => t.name));
    for (const r of rows) {
      expect(r.replicates).toBeGreaterThanOrEqual(1);
      expect(r.ok).toBe(r.simulated >= r.low && r.simulated <= r.high);
      if (Number.isFinite(r.simulated)) expect(r.ci_low).toBeLessThanOrEqual(r.ci_high);
      expect(r.low).toBeLessThan(r.obs_low);
      expect(r.high).toBeGreaterThan(r.obs_high);
    }
    // the villages are set up in 2010 with 3.34 residents per household (a statistic of the initial state
    // itself, so exact up to rounding of the household count)
    expect(Number.isFinite(rows.find((r) => r.name === 'household_size_change_2010_2020')!.simulated)).toBe(true);
  });

  it('summarises a point\'s replicates as mean and sample variance, skipping non-finite values', () => {
    const s = summarizePoint(Float64Array.from([1, 10, 3, NaN, 5, 30]), ['a', 'b']);
    expect(s!.mean).toEqual({ a: 3, b: 20 });
    expect(s!.variance.a).toBeCloseTo(4, 12);
    expect(s!.variance.b).toBeCloseTo(200, 12);
    expect(s!.replicates).toBe(2);
    expect(summarizePoint(Float64Array.from([NaN]), ['a'])).toBeNull();
    expect(hindcastRows(null).every((r) => !r.ok)).toBe(true);
  });

  it('gives calibration points their own, reproducible seeds', () => {
    expect(pointSeed(1, 0)).toBe(pointSeed(1, 0));
    expect(new Set([0, 1, 2, 3].map((i) => pointSeed(1, i))).size).toBe(4);
    expect(pointSeed(2, 0)).not.toBe(pointSeed(1, 0));
  });
});

describe('the calibration prior', () => {
  it('is every parameter tagged assumption with a range', () => {
    const names = assumptionParameters();
    expect(names.length).toBe(PARAMETERS.filter((p) => p.basis === 'assumption' && p.max > p.min).length);
    expect(names).not.toContain('return_family_need_odds'); // basis study
    expect(names).not.toContain('initial_member_share'); // basis data
  });

  it('splits a short budget into two waves', () => {
    expect(defaultRunsPerWave(400)).toBe(199);
    expect(defaultRunsPerWave(8000)).toBe(2000);
  });
});

/**
 * Census-year profiles: the figures of one census year that the county generator builds the initial
 * state from — age structure, sex ratio, household size and education — declared once, each with its
 * source (data/guizhong/counties.csv, data/calibration-targets.md). A profile is given as the census's own
 * figures ({@link CensusFigures}: broad age groups, persons per household, graduates per 100,000) and
 * turned into what the generator draws from by {@link profileFromFigures}, which is where every
 * derivation (5-year bands within the broad groups, education by cohort) is written down.
 *
 * Without a profile the generator keeps the present-day county it always built (see `LEGACY`
 * comments in county-generator.ts): a registered-villager pyramid, 2.9 registered villagers per household.
 */

/** Lower bounds of the 18 five-year age bands (0-4, …, 80-84, 85+). */
export const AGE_BANDS: readonly number[] = Object.freeze([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85]);

/**
 * The 5-year shape of the present-day rural pyramid (%, bands 0-4 … 85+): Guangxi 2020 census
 * (calibration-targets §4: 0-14 23.62%, 60+ 16.69%) shifted toward older ages for rural areas (§4 "rural
 * ageing runs several points above", U): 0-14 23.5%, 60+ 18.5%. The default county's pyramid, and the
 * within-group shape of every figure-based profile (the census bulletins give broad groups only).
 */
export const RURAL_PYRAMID_2020: readonly number[] = Object.freeze([7, 8, 8.5, 6.5, 5, 5.5, 7, 6.5, 6, 8.5, 7.5, 5.5, 5, 4.5, 3.5, 2.5, 1.7, 1.3]);

/**
 * Education shares (college, senior secondary, junior secondary; primary is the rest) of three age
 * cohorts — under 36, 36-55, 56 and over — of the present-day county (§4: Guangxi 2020 college 10.8%, high
 * school 13.0%, junior 36.4%, primary 27.9% of the population; rural and older cohorts lower). Also the
 * shares drawn by everyone who comes of age (18) during a run.
 */
export const EDUCATION_2020: readonly (readonly [number, number, number])[] = Object.freeze([
  Object.freeze([0.12, 0.2, 0.45] as const),
  Object.freeze([0.04, 0.12, 0.5] as const),
  Object.freeze([0.01, 0.05, 0.3] as const),
]);

/**
 * Guangxi 2020 graduates per 100,000 persons (college, senior secondary, junior secondary; data/guizhong/
 * counties.csv, Guangxi 2020 edu_*_per100k): the reference the cohort shares of {@link EDUCATION_2020}
 * stand for, so that another year's figures scale them.
 */
export const EDUCATION_PER_100K_2020: Readonly<EducationPer100k> = Object.freeze({ college: 10806, senior: 12962, junior: 36388 });

/** Persons per 100,000 with each level as their highest (the census bulletins' form). */
export interface EducationPer100k {
  college: number;
  senior: number;
  junior: number;
}

/** Broad age groups of the census bulletins, % of residents (they sum to 100). */
export interface AgeGroups {
  age0to14: number;
  age15to59: number;
  age60to64: number;
  age65plus: number;
}

/** A census year's figures for a county (or region), as its bulletin states them. */
export interface CensusFigures {
  /** Name of the profile (a built-in name or the scenario's own). */
  name: string;
  /** The census year the figures describe. */
  year: number;
  /** Resident age groups (%). */
  ageGroups: AgeGroups;
  /** Males per 100 females. */
  sexRatio: number;
  /** Mean family household size (residents per household, the census definition). */
  householdSize: number;
  /** Highest education per 100,000 persons. */
  education: EducationPer100k;
}

/** Where each figure of a built-in profile comes from. */
export type CensusSources = Readonly<Record<'ageGroups' | 'sexRatio' | 'householdSize' | 'education', string>>;

/** What the generator draws a census year's county from (derived from {@link CensusFigures}). */
export interface CountyProfile {
  /** Name of the profile. */
  name: string;
  /** The census year. */
  year: number;
  /** Shares (%) of villagers per band of {@link AGE_BANDS}, of the villagers `ageBasis` says. */
  ageShares: number[];
  /**
   * 'resident': the shares are the census's (residents); the generator scales each band up by its share
   * away at the start, so that the residents left after the away are drawn have these shares.
   * 'registered': the shares are of all registered villagers (the default county).
   */
  ageBasis: 'resident' | 'registered';
  /** Probability that a villager is male. */
  maleShare: number;
  /** Persons per household of `householdBasis`. */
  householdSize: number;
  /**
   * 'resident': residents per household (the census definition; heads are drawn among residents);
   * 'registered': registered villagers per household (the default county).
   */
  householdBasis: 'resident' | 'registered';
  /** Education shares (college, senior, junior) of the cohorts under 36, 36-55 and 56+. */
  education: [number, number, number][];
}

/**
 * The profile a generator draws from, from a census year's figures:
 * - age: each broad group's share spread over its 5-year bands with the within-group shape of
 *   {@link RURAL_PYRAMID_2020} (0-14, 15-59, 60-64 and 65+ each keep their stated share exactly); the
 *   shares are of residents (ageBasis 'resident');
 * - sex: male share = ratio / (100 + ratio);
 * - household size: residents per household (householdBasis 'resident');
 * - education: every cohort share of {@link EDUCATION_2020} times the year's graduates per 100,000 over
 *   Guangxi 2020's ({@link EDUCATION_PER_100K_2020}), level by level (a region-wide change applied to
 *   every cohort).
 */
export function profileFromFigures(f: CensusFigures): CountyProfile {
  const g = f.ageGroups;
  const groups: [number, number, number][] = [
    [0, 3, g.age0to14],
    [3, 12, g.age15to59],
    [12, 13, g.age60to64],
    [13, 18, g.age65plus],
  ];
  const ageShares = new Array<number>(AGE_BANDS.length).fill(0);
  for (const [from, to, share] of groups) {
    let shape = 0;
    for (let b = from; b < to; b++) shape += RURAL_PYRAMID_2020[b];
    for (let b = from; b < to; b++) ageShares[b] = (share * RURAL_PYRAMID_2020[b]) / shape;
  }
  const scale = [
    f.education.college / EDUCATION_PER_100K_2020.college,
    f.education.senior / EDUCATION_PER_100K_2020.senior,
    f.education.junior / EDUCATION_PER_100K_2020.junior,
  ];
  const education = EDUCATION_2020.map((c) => c.map((x, k) => x * scale[k]) as [number, number, number]);
  return {
    name: f.name,
    year: f.year,
    ageShares,
    ageBasis: 'resident',
    maleShare: f.sexRatio / (100 + f.sexRatio),
    householdSize: f.householdSize,
    householdBasis: 'resident',
    education,
  };
}

/** Problems of a set of census figures (empty when usable), each with its field. */
export function checkCensusFigures(f: CensusFigures): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const g = f.ageGroups;
  const total = g.age0to14 + g.age15to59 + g.age60to64 + g.age65plus;
  if (Math.abs(total - 100) > 0.5) out.push({ path: 'age', message: `the age groups must sum to 100% (±0.5); they sum to ${total.toFixed(2)}%` });
  const e = f.education;
  const rows = EDUCATION_2020.map((c) => c[0] * (e.college / EDUCATION_PER_100K_2020.college) + c[1] * (e.senior / EDUCATION_PER_100K_2020.senior) + c[2] * (e.junior / EDUCATION_PER_100K_2020.junior));
  if (rows.some((x) => x > 1)) {
    out.push({ path: 'education', message: 'these graduates per 100,000 would give a cohort more than 100% above primary; expected figures near Guangxi\'s (2020: college 10806, senior 12962, junior 36388)' });
  }
  return out;
}

/**
 * The 2010 figures of the hindcast's county: a rural Guizhong county in the 2010 census.
 * - Age groups: Liucheng 2010, the one county of the data with 2010 and 2020 age figures (2020 shares
 *   minus the stated 2010-2020 changes: 0-14 18.88 − 2.18 = 16.70%, 15-59 60.09 + 9.09 = 69.18%, 60+
 *   21.03 − 6.91 = 14.12% of which 65+ 15.11 − 5 = 10.11%, so 60-64 4.01%).
 * - Sex ratio: Liucheng 2010, 108.09 males per 100 females.
 * - Household size: 3.34, the 2010 mean family household size of Rong'an, Du'an and Guangxi alike.
 * - Education: Guangxi 2010 per 100,000 (college 5,977, senior 11,033, junior 38,764).
 * Ethnic mix is the county's own (`county.mix`); the share away at the start is the parameter
 * `initial_away_share_young` (the data have no 2010 figure of residents against registered villagers).
 */
export const GUIZHONG_2010: Readonly<CensusFigures> = Object.freeze({
  name: 'guizhong-2010',
  year: 2010,
  ageGroups: Object.freeze({ age0to14: 16.7, age15to59: 69.18, age60to64: 4.01, age65plus: 10.11 }),
  sexRatio: 108.09,
  householdSize: 3.34,
  education: Object.freeze({ college: 5977, senior: 11033, junior: 38764 }),
});

/**
 * The 2020 figures of the same county, for runs that start from the 2020 census: Liucheng 2020 age
 * groups (0-14 18.88%, 15-59 60.09%, 60-64 21.03 − 15.11 = 5.92%, 65+ 15.11%), sex ratio 109.14, household
 * size 2.87 (Guangxi 2020; Rong'an 2.61, Du'an 2.95, Xiangzhou 2.82), Guangxi 2020 education.
 */
export const GUIZHONG_2020: Readonly<CensusFigures> = Object.freeze({
  name: 'guizhong-2020',
  year: 2020,
  ageGroups: Object.freeze({ age0to14: 18.88, age15to59: 60.09, age60to64: 5.92, age65plus: 15.11 }),
  sexRatio: 109.14,
  householdSize: 2.87,
  education: EDUCATION_PER_100K_2020,
});

/** The built-in census-year figures by name (what a scenario's `county.profile` may name). */
export const CENSUS_FIGURES: ReadonlyMap<string, Readonly<CensusFigures>> = new Map([
  [GUIZHONG_2010.name, GUIZHONG_2010],
  [GUIZHONG_2020.name, GUIZHONG_2020],
]);

/** The source of every figure of the built-in profiles, by profile name. */
export const CENSUS_SOURCES: ReadonlyMap<string, CensusSources> = new Map<string, CensusSources>([
  [GUIZHONG_2010.name, Object.freeze({
    ageGroups: 'data/guizhong/counties.csv: 柳城县 2020 age_0_14_share 18.88, age_15_59_share 60.09, age_60plus_share 21.03, age_65plus_share 15.11 and the 2010-2020 changes +2.18, −9.09, +6.91, +5 pp (DERIVED)',
    sexRatio: 'data/guizhong/counties.csv: 柳城县 2010 sex_ratio 108.09',
    householdSize: 'data/guizhong/counties.csv: 融安县, 都安瑶族自治县 2010 mean_family_household_size 3.34; 广西 2010: 3.34',
    education: 'data/guizhong/counties.csv: 广西 2010 edu_college_per100k 5977, edu_senior_secondary_per100k 11033, edu_junior_secondary_per100k 38764',
  })],
  [GUIZHONG_2020.name, Object.freeze({
    ageGroups: 'data/guizhong/counties.csv: 柳城县 2020 age_0_14_share 18.88, age_15_59_share 60.09, age_60plus_share 21.03, age_65plus_share 15.11',
    sexRatio: 'data/guizhong/counties.csv: 柳城县 2020 sex_ratio 109.14',
    householdSize: 'data/guizhong/counties.csv: 广西 2020 mean_family_household_size 2.87',
    education: 'data/guizhong/counties.csv: 广西 2020 edu_college_per100k 10806, edu_senior_secondary_per100k 12962, edu_junior_secondary_per100k 36388',
  })],
]);

/**
 * The hindcast targets: what the talent model, started from the 2010 census (`hindcast-2010`), must
 * reproduce of what happened 2010-2024 — rural residents' change, ageing, household size, registered
 * villagers living elsewhere, birth and death rates (county and township figures, data/guizhong/), and the
 * Party-membership patterns (data/calibration-targets.md §1, §2, §9), read only from 2018 on, after the
 * model's own dynamics have produced them (never in the first five simulated years).
 *
 * Each target is a statistic of one replicate's yearly metrics, a stated interval [low, high] read as the
 * observation z ± 2σ_obs (the engine's `targetFromInterval`), and a model-discrepancy SD with its reason
 * (what a synthetic township cannot be expected to match even at its best parameters). Targets marked
 * `validation` are held out: computed for every run, never used to rule a run out.
 */
import { targetFromInterval, type CalibrationTarget } from '../../experiment/calibration/targets.js';
import { PATTERNS, type PatternSeries } from './patterns.js';

/** Values of one replicate: metric at a calendar year (NaN if not collected). */
export type ReplicateValue = (metric: string, year: number) => number;

/** What a target is used for: to calibrate (rule runs out) or to validate out of sample (held out). */
export type TargetUse = 'calibration' | 'validation';

/** One hindcast target. */
export interface HindcastTarget {
  /** Name (also the statistic's name in runs.csv and calibration.json). */
  name: string;
  /** What it measures, in a sentence. */
  description: string;
  /** Where the figure comes from (data file and row, or section of calibration-targets.md). */
  source: string;
  /** Calibration or held-out validation. */
  use: TargetUse;
  /** The stated interval of the observation (read as z ± 2σ_obs). */
  low: number;
  high: number;
  /** Model-discrepancy SD, in the target's unit. */
  discrepancySd: number;
  /** Why the discrepancy is what it is. */
  discrepancy: string;
  /** Calendar years it reads (first, last). */
  years: readonly [number, number];
  /** Metrics it reads. */
  metrics: readonly string[];
  /** The statistic of one replicate. */
  statistic(value: ReplicateValue): number;
}

/** Calendar years over which the Party patterns are read: from the ninth simulated year of a 2010 start. */
export const PARTY_WINDOW: readonly [number, number] = [2018, 2024];

/** Simulated years at the start of a run in which no target may be read (the generator's echo, spin-up). */
export const BURN_IN_YEARS = 5;

const DATA = 'data/guizhong/counties.csv';
const TOWNSHIPS = 'data/guizhong/townships.csv';

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}


/**
 * Events per `scale` registered villagers (resident + away) a year, mean over the years: births and deaths
 * count villagers wherever they live, so the denominator must too (per resident, every death of a migrant
 * would raise the village's rate while the migrant is not in its denominator).
 */
function meanRegisteredRate(value: ReplicateValue, num: string, from: number, to: number, scale: number): number {
  let s = 0;
  let n = 0;
  for (const y of range(from, to)) {
    const d = value('population_resident', y) + value('population_away', y);
    if (d > 0) {
      s += (scale * value(num, y)) / d;
      n++;
    }
  }
  return n ? s / n : NaN;
}

/** Registered villagers away over all registered villagers in `year`. */
function shareAway(value: ReplicateValue, year: number): number {
  const res = value('population_resident', year);
  const away = value('population_away', year);
  return res + away > 0 ? away / (res + away) : NaN;
}

/** Relative change of resident villagers from `from` to `to`. */
function residentChange(value: ReplicateValue, from: number, to: number): number {
  const a = value('population_resident', from);
  return a > 0 ? value('population_resident', to) / a - 1 : NaN;
}

const POP = ['population_resident', 'population_away'] as const;

/** The demographic targets (county and township figures) and the held-out ones. */
const DEMOGRAPHIC: readonly HindcastTarget[] = [
  {
    name: 'rural_residents_change_2010_2020', use: 'calibration',
    description: 'Change of resident villagers 2010 → 2020 (relative)',
    source: `${TOWNSHIPS}: 融安县, the 11 townships other than the county seat 长安镇: 177,383 residents in 2010 (DERIVED from the 2010 shares) → 129,402 in 2020, −27.0%; each −17.0% to −41.2%, most −22% to −32% (calibration-targets §8)`,
    low: -0.32, high: -0.22, discrepancySd: 0.03,
    discrepancy: 'the model township is a composite, not Rong\'an: the spread of Rong\'an\'s middle townships (±5 pp) is the observation interval; 3 pp more for a county that is not Rong\'an',
    years: [2010, 2020], metrics: ['population_resident'],
    statistic: (v) => residentChange(v, 2010, 2020),
  },
  {
    name: 'resident_share_60plus_change_2010_2020', use: 'calibration',
    description: 'Change of the share of residents aged 60+ from 2010 to 2020 (percentage points as a share)',
    source: `${DATA}: 柳城县 2010-2020 age_60plus_share_change +6.91 pp (the county); rural townships run above their county seat (calibration-targets §8); Guangxi +3.58 pp`,
    low: 0.06, high: 0.09, discrepancySd: 0.01,
    discrepancy: 'the county\'s figure includes its seat, which ages more slowly; the interval runs above +6.91 pp for rural townships and 1 pp is left for a county other than Liucheng',
    years: [2010, 2020], metrics: ['resident_share_60plus'],
    statistic: (v) => v('resident_share_60plus', 2020) - v('resident_share_60plus', 2010),
  },
  {
    name: 'household_size_change_2010_2020', use: 'calibration',
    description: 'Change of residents per household from 2010 to 2020 (persons)',
    source: `${DATA}: 融安县 mean_family_household_size 3.34 → 2.61 (−0.73); 广西 3.34 → 2.87 (−0.47)`,
    low: -0.73, high: -0.47, discrepancySd: 0.05,
    discrepancy: 'households are formed by splits and shrink by deaths and departures only (no marriage market, no in-migration); 0.05 persons',
    years: [2010, 2020], metrics: ['resident_household_size'],
    statistic: (v) => v('resident_household_size', 2020) - v('resident_household_size', 2010),
  },
  {
    name: 'share_away_2016', use: 'calibration',
    description: 'Registered villagers living elsewhere, share of all registered, 2016',
    source: `${DATA}: 广西 2016 registered_population_hukou 55,791,200 and resident_population_yearend 48,380,000: 13.3% (D); 2015: 14.9% of the registered away from their county for 6+ months (1% sample survey). Villages also lose residents to their own county seat (Rong'an's seat gained a third of what its townships lost, 2010-2020), so the village share lies above; upper end 30% (assumption: up to ≈15 pp of villagers living in their county's towns)`,
    low: 0.133, high: 0.3, discrepancySd: 0.03,
    discrepancy: 'the model\'s away are registered villagers living outside the village (anywhere), the data\'s outside the county or province; 3 pp',
    years: [2016, 2016], metrics: [...POP],
    statistic: (v) => shareAway(v, 2016),
  },
  {
    name: 'birth_rate_2016_2022', use: 'calibration',
    description: 'Births per 1,000 registered villagers a year (births to villagers wherever they live), mean of 2016-2022',
    source: `${DATA}: 广西 2016 births 770,000 over 48,380,000 residents (15.9‰, D); 2021 birth_rate 9.68‰; 2022 8.51‰`,
    low: 8.51, high: 15.9, discrepancySd: 1.5,
    discrepancy: 'the model\'s fertility is constant in time while the region\'s fell from the 2016 peak; rural rates differ from the region\'s; 1.5‰',
    years: [2016, 2022], metrics: ['births', ...POP],
    statistic: (v) => meanRegisteredRate(v, 'births', 2016, 2022, 1000),
  },
  {
    name: 'death_rate_2016_2022', use: 'calibration',
    description: 'Deaths per 1,000 registered villagers a year (resident and away, as the deaths counted), mean of 2016-2022',
    source: `${DATA}: 广西 2016 deaths 290,000 over 48,380,000 residents (6.0‰, D); 2021 death_rate 6.80‰; 2022 7.08‰`,
    low: 6.0, high: 7.1, discrepancySd: 1.5,
    discrepancy: 'villages are older than the region (60+ above 16.7%), so their crude death rate runs above the region\'s; the region\'s rate counts people where they live, the village\'s its registered villagers wherever they live; 1.5‰',
    years: [2016, 2022], metrics: ['deaths', ...POP],
    statistic: (v) => meanRegisteredRate(v, 'deaths', 2016, 2022, 1000),
  },
  // ---- held out (validation only) ----
  {
    name: 'liucheng_rural_change_2010_2020', use: 'validation',
    description: 'Change of resident villagers 2010 → 2020, against Liucheng\'s rural population (relative)',
    source: `${DATA}: 柳城县 rural_population 162,647 (2020), rural_population_change −79,424: −32.8% on 242,071 (D)`,
    low: -0.358, high: -0.298, discrepancySd: 0.05,
    discrepancy: 'the census\'s rural population also shrinks when places are reclassified urban (Liucheng\'s urban share +16.66 pp), so the figure overstates village emptying; 5 pp',
    years: [2010, 2020], metrics: ['population_resident'],
    statistic: (v) => residentChange(v, 2010, 2020),
  },
  {
    name: 'xiangzhou_share_60plus_2020', use: 'validation',
    description: 'Share of residents aged 60+ in 2020, against Xiangzhou (rural townships above the county)',
    source: `${DATA}: 象州县 2020 age_60plus_share 20.03% (the county; rural townships run above, calibration-targets §8); upper end 26% (assumption: ≈6 pp above the county)`,
    low: 0.2003, high: 0.26, discrepancySd: 0.01,
    discrepancy: 'the model starts from Liucheng\'s 2010 ages, not Xiangzhou\'s; 1 pp',
    years: [2020, 2020], metrics: ['resident_share_60plus'],
    statistic: (v) => v('resident_share_60plus', 2020),
  },
  {
    name: 'duan_xiangzhou_household_change_2010_2020', use: 'validation',
    description: 'Change of residents per household 2010 → 2020, against Du\'an and Xiangzhou (persons)',
    source: `${DATA}: 都安瑶族自治县 mean_family_household_size 3.34 → 2.95 (−0.39); 象州县 3.19 → 2.82 (−0.37)`,
    low: -0.4, high: -0.36, discrepancySd: 0.05,
    discrepancy: 'as for the calibration household target; the interval adds the rounding of the stated sizes (±0.01)',
    years: [2010, 2020], metrics: ['resident_household_size'],
    statistic: (v) => v('resident_household_size', 2020) - v('resident_household_size', 2010),
  },
  {
    name: 'dahua_share_away_2022', use: 'validation',
    description: 'Registered villagers living elsewhere, share of all registered, 2022, against Dahua',
    source: `${DATA}: 大化瑶族自治县 2022 registered_population_hukou 485,550 and resident_population_yearend 363,700: 25.1% (D; county level, the village share above); upper end 40% (assumption, as for share_away_2016)`,
    low: 0.251, high: 0.4, discrepancySd: 0.03,
    discrepancy: 'as for share_away_2016',
    years: [2022, 2022], metrics: [...POP],
    statistic: (v) => shareAway(v, 2022),
  },
];

/** The Party-pattern statistic named `name` of calibration/patterns.ts, read over {@link PARTY_WINDOW}. */
function patternOver(name: string): { pattern: (typeof PATTERNS)[number]; statistic: (v: ReplicateValue) => number } {
  const pattern = PATTERNS.find((p) => p.name === name);
  if (!pattern) throw new Error(`no calibration pattern "${name}"`);
  const years = range(PARTY_WINDOW[0], PARTY_WINDOW[1]);
  return {
    pattern,
    statistic: (v) => {
      const series: PatternSeries = { get: (metric) => years.map((y) => v(metric, y)) };
      return pattern.statistic(series);
    },
  };
}

/** Metrics each reused pattern reads (patterns.ts states them as one list; these are its per-pattern parts). */
const PATTERN_READS: Readonly<Record<string, readonly string[]>> = {
  member_share_of_population: ['member_share_of_population'],
  member_away_share: ['member_away_share'],
  member_mean_age: ['member_mean_age'],
  member_share_61plus: ['member_share_61plus'],
  funnel_applicants_per_recruit: ['applicants', 'recruits'],
  funnel_activists_per_recruit: ['activists', 'recruits'],
  member_exit_rate: ['member_exits', 'member_transfers', 'members_full'],
  exits_death_share: ['member_deaths', 'member_exits', 'member_transfers'],
  branches_warning_share: ['branches_warning_share'],
  secretary_mean_age: ['secretary_mean_age'],
};

/** The discrepancy SD of each reused pattern and its reason. */
const PATTERN_DISCREPANCY: Readonly<Record<string, [number, string]>> = {
  member_share_of_population: [0.003, 'national survey figures for a Guizhong township; 0.3 pp'],
  member_away_share: [0.03, 'a national survey share; the model\'s away are anywhere outside the village; 3 pp'],
  member_mean_age: [1, 'a national survey mean; one year'],
  member_share_61plus: [0.03, 'national and provincial figures; 3 pp'],
  funnel_applicants_per_recruit: [1, 'national stocks over national recruits; village pipelines keep fewer applicants waiting (one applicant per recruit)'],
  funnel_activists_per_recruit: [0.5, 'national stocks over national recruits; half an activist per recruit'],
  member_exit_rate: [0.002, 'national exits; villages are older (0.2 pp a year)'],
  exits_death_share: [0.03, 'national figure; 3 pp'],
  branches_warning_share: [0.05, 'one district\'s warning share (Guang\'an) stands for the region; 5 pp'],
  secretary_mean_age: [1.5, 'national means of 2019 and 2021; 1.5 years'],
};

/** The Party-membership targets, read over 2018-2024. */
const PARTY: readonly HindcastTarget[] = [
  ...Object.keys(PATTERN_READS).map((name): HindcastTarget => {
    const { pattern, statistic } = patternOver(name);
    const [discrepancySd, discrepancy] = PATTERN_DISCREPANCY[name];
    return {
      name, use: 'calibration', description: `${pattern.description}, ${PARTY_WINDOW[0]}-${PARTY_WINDOW[1]}`,
      source: `data/calibration-targets.md ${pattern.source}`, low: pattern.low, high: pattern.high, discrepancySd, discrepancy,
      years: PARTY_WINDOW, metrics: PATTERN_READS[name], statistic,
    };
  }),
  {
    name: 'village_recruitment_rate', use: 'calibration',
    description: `Yearly recruits over full members, ${PARTY_WINDOW[0]}-${PARTY_WINDOW[1]}`,
    source: 'data/calibration-targets.md §9: farmer recruits 37.5-37.6万 a year ≈ 1.44% of farmer members (2022-23), against 2.2-2.5% for the whole Party; interval ±10% of 1.44%',
    low: 0.013, high: 0.016, discrepancySd: 0.002,
    discrepancy: 'village members are not all farmers (village cadres, teachers), and two years of farmer recruits are known; 0.2 pp a year',
    years: PARTY_WINDOW, metrics: ['recruits', 'members_full'],
    statistic: (v) => {
      let r = 0;
      let m = 0;
      for (const y of range(PARTY_WINDOW[0], PARTY_WINDOW[1])) {
        r += v('recruits', y);
        m += v('members_full', y);
      }
      return m > 0 ? r / m : NaN;
    },
  },
  {
    name: 'membership_growth_2018_2024', use: 'calibration',
    description: 'Yearly growth of full members, 2018 → 2024 (annualised)',
    source: 'data/calibration-targets.md §9: farmer members flat, 2593.7万 (2014) → 2614.4万 (2024), +0.08% a year, while the rural population shrank; "a flat or slowly falling, ageing village membership is what the data show" (lower end −1% a year, assumption)',
    low: -0.01, high: 0.002, discrepancySd: 0.003,
    discrepancy: 'a national segment for one township; 0.3 pp a year',
    years: [PARTY_WINDOW[0], PARTY_WINDOW[1]], metrics: ['members_full'],
    statistic: (v) => {
      const a = v('members_full', PARTY_WINDOW[0]);
      const b = v('members_full', PARTY_WINDOW[1]);
      return a > 0 ? Math.pow(b / a, 1 / (PARTY_WINDOW[1] - PARTY_WINDOW[0])) - 1 : NaN;
    },
  },
];

/** Every hindcast target, in report order: demographic (calibration, then held out), then the Party's. */
export const HINDCAST_TARGETS: readonly HindcastTarget[] = Object.freeze([
  ...DEMOGRAPHIC.filter((t) => t.use === 'calibration'),
  ...PARTY,
  ...DEMOGRAPHIC.filter((t) => t.use === 'validation'),
]);

/** Every metric the hindcast targets read, in first-use order. */
export function hindcastMetrics(targets: readonly HindcastTarget[] = HINDCAST_TARGETS): string[] {
  return [...new Set(targets.flatMap((t) => t.metrics))];
}

/** A target as the calibration engine takes it (z ± 2σ_obs from the interval, the stated discrepancy). */
export function calibrationTarget(t: HindcastTarget): CalibrationTarget {
  return targetFromInterval({ name: t.name, low: t.low, high: t.high, discrepancySd: t.discrepancySd, source: t.source });
}

/**
 * Checks that a run starting in `startYear` and lasting `years` years covers every target's years and
 * reads none of them in its first {@link BURN_IN_YEARS} simulated years, except changes measured from the
 * initial state itself (a target whose first year is the start year reads the start as the data's own
 * base year). Returns the problems (empty when fine).
 */
export function checkTargetYears(targets: readonly HindcastTarget[], startYear: number, years: number): string[] {
  const out: string[] = [];
  const end = startYear + years;
  for (const t of targets) {
    const [from, to] = t.years;
    if (from < startYear || to > end) out.push(`target ${t.name} reads ${from}-${to}, outside the run's years ${startYear}-${end}`);
    const readsEarly = t.years[0] === startYear ? t.years[1] <= startYear + BURN_IN_YEARS : from <= startYear + BURN_IN_YEARS;
    if (readsEarly) out.push(`target ${t.name} reads ${from}-${to}, within the first ${BURN_IN_YEARS} simulated years of a run from ${startYear}`);
  }
  return out;
}

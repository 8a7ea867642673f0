/**
 * Calibration patterns (pattern-oriented modelling): real figures the baseline should reproduce, each
 * with its target range, its source (§n: the section of the compiled calibration targets the figure is
 * taken from, with the study named), and how it is computed from one replicate's tidy rows; and
 * `checkPatterns`, which runs a scenario over replicates and compares each simulated mean (with a 95% t
 * interval) with its range. All patterns are read over the same window (the first simulated years, when
 * the synthetic county stands for the present); no pattern has its own special case.
 */
import type { SeriesRow } from '../../core/rows.js';
import { summarize } from '../../experiment/statistics.js';
import type { Scenario } from '../../scenario/types.js';
import { runReplicate } from '../replicate.js';

/** One calibration pattern. */
export interface PatternSpec {
  name: string;
  description: string;
  source: string;
  low: number;
  high: number;
  /** The statistic of one replicate's rows over the window of years. */
  statistic(series: PatternSeries): number;
}

/** Values of one replicate by metric, over the window years in order. */
export interface PatternSeries {
  get(metric: string): number[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** The patterns, in report order. */
export const PATTERNS: readonly PatternSpec[] = [
  {
    name: 'member_share_of_population', description: 'Full members as a share of registered villagers',
    source: '§2: full members 2.99% of village population nationally, 3.97% in the West', low: 0.0299, high: 0.0397,
    statistic: (s) => mean(s.get('member_share_of_population')),
  },
  {
    name: 'member_away_share', description: 'Share of full members living away as migrants',
    source: '§2: 37% of village members live away as migrants (national village survey)', low: 0.28, high: 0.45,
    statistic: (s) => mean(s.get('member_away_share')),
  },
  {
    name: 'member_mean_age', description: 'Mean age of full members (years)',
    source: '§2: village members mean age 48.1 (national village survey)', low: 46, high: 52,
    statistic: (s) => mean(s.get('member_mean_age')),
  },
  {
    name: 'member_share_61plus', description: 'Share of full members aged 61+',
    source: '§2: 60+ 24.4% (village survey), 61+ 32.9% (a province, 2021); §1 national 28-29%', low: 0.22, high: 0.35,
    statistic: (s) => mean(s.get('member_share_61plus')),
  },
  {
    name: 'funnel_applicants_per_recruit', description: 'Applicant stock over yearly recruits',
    source: '§1: 8.7 (2023), 10 (2024); §2: 10.6 (a province), 5 (a county plan)', low: 5, high: 12,
    statistic: (s) => ratio(mean(s.get('applicants')), mean(s.get('recruits'))),
  },
  {
    name: 'funnel_activists_per_recruit', description: 'Activist stock over yearly recruits',
    source: '§1: 4.4 (2023), 5 (2024); §2: 4.8 (a province), 4 (a county plan)', low: 3, high: 6,
    statistic: (s) => ratio(mean(s.get('activists')), mean(s.get('recruits'))),
  },
  {
    name: 'recruitment_rate', description: 'Yearly recruits over full members',
    source: '§1 (D): recruits ≈2.2-2.5% of the stock a year since 2022; villages at or below the national rate', low: 0.015, high: 0.03,
    statistic: (s) => ratio(sum(s.get('recruits')), sum(s.get('members_full'))),
  },
  {
    name: 'member_exit_rate', description: 'Yearly members leaving the Party (exits other than transfers to another branch) over full members',
    source: '§1 (D): implied exits 1.0-1.3% a year (national: moves between branches cancel); rural membership older, so up to 2%', low: 0.008, high: 0.02,
    statistic: (s) => ratio(sum(s.get('member_exits')) - sum(s.get('member_transfers')), sum(s.get('members_full'))),
  },
  {
    name: 'exits_death_share', description: 'Share of members leaving the Party (exits other than transfers to another branch) who died',
    source: '§1 (D): exits almost all deaths (2010: only 3.2万 of the gap left the Party; national figures, so moves between branches are not exits)', low: 0.8, high: 1,
    statistic: (s) => ratio(sum(s.get('member_deaths')), sum(s.get('member_exits')) - sum(s.get('member_transfers'))),
  },
  {
    name: 'branches_warning_share', description: 'Share of branches in warning (mean age 60+, 3+ years without recruit, or no activists)',
    source: '§2: over one third of 114 villages/communities warned (Guang\'an)', low: 0.25, high: 0.6,
    statistic: (s) => mean(s.get('branches_warning_share')),
  },
  {
    name: 'resident_share_60plus', description: 'Share of residents aged 60+ (village ageing under out-migration)',
    source: '§4: Guangxi 60+ 16.69% (2020), 17.46% (2022), rural several points above; §7 Huang et al. 2025 up to ≈45% without industry', low: 0.19, high: 0.35,
    statistic: (s) => mean(s.get('resident_share_60plus')),
  },
  {
    name: 'secretary_mean_age', description: 'Mean age of branch secretaries (years)',
    source: '§2: 45.4 after the 2021 elections; 50.0 in a 2019 survey of 306 villages', low: 45, high: 52,
    statistic: (s) => mean(s.get('secretary_mean_age')),
  },
];

/** Metrics the patterns read. */
export const PATTERN_METRICS = [
  'member_share_of_population', 'member_away_share', 'member_mean_age', 'member_share_61plus', 'applicants', 'activists',
  'recruits', 'members_full', 'member_exits', 'member_deaths', 'member_transfers', 'branches_warning_share', 'resident_share_60plus', 'secretary_mean_age',
] as const;

/** Window of year offsets t over which patterns are read (the first five simulated years: the present). */
export const PATTERN_WINDOW: readonly [number, number] = [1, 5];

/** Evaluates every pattern on one replicate's rows (years outside the window ignored). */
export function patternStatistics(rows: readonly SeriesRow[], startYear: number, window = PATTERN_WINDOW): number[] {
  const by = new Map<string, number[]>();
  for (const r of rows) {
    const t = r.year - startYear;
    if (t < window[0] || t > window[1]) continue;
    let a = by.get(r.metric);
    if (!a) by.set(r.metric, (a = []));
    a.push(r.value);
  }
  const series: PatternSeries = { get: (m) => by.get(m) ?? [] };
  return PATTERNS.map((p) => p.statistic(series));
}

/** One pattern's result (the `--json` form of `talentsim patterns`). */
export interface PatternResult {
  name: string;
  description: string;
  source: string;
  low: number;
  high: number;
  simulated: number;
  ciLow: number;
  ciHigh: number;
  ok: boolean;
}

/** Options of {@link checkPatterns}. */
export interface PatternOptions {
  /** Replicates (default 10). */
  replicates?: number;
  /** Called after each replicate. */
  onProgress?: (done: number, total: number) => void;
}

/** Runs `scenario` (normally the baseline) for the pattern window and evaluates every pattern. */
export function checkPatterns(scenario: Scenario, options: PatternOptions = {}): PatternResult[] {
  const replicates = options.replicates ?? 10;
  const years = Math.max(PATTERN_WINDOW[1], 1);
  const s = { ...scenario, years };
  const stats: number[][] = PATTERNS.map(() => []);
  for (let r = 0; r < replicates; r++) {
    const rows = runReplicate(s, r, { metrics: PATTERN_METRICS });
    patternStatistics(rows, s.startYear).forEach((x, k) => stats[k].push(x));
    options.onProgress?.(r + 1, replicates);
  }
  return PATTERNS.map((p, k) => {
    const sm = summarize(stats[k]);
    return {
      name: p.name, description: p.description, source: p.source, low: p.low, high: p.high,
      simulated: sm.mean, ciLow: sm.ci_low, ciHigh: sm.ci_high, ok: sm.mean >= p.low && sm.mean <= p.high,
    };
  });
}

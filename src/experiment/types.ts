/** Row types of the experiment layer's outputs. */

/** One row of comparison.csv: one scenario, metric and year, against baseline. */
export interface ComparisonRow {
  scenario: string;
  metric: string;
  year: number;
  /** Replicates the row is based on. */
  n: number;
  mean: number;
  sd: number;
  /** 95% t interval of the mean. */
  ci_low: number;
  ci_high: number;
  /** Paired difference scenario − baseline (same replicate), its mean and 95% t interval; NaN (empty) for the baseline itself. */
  diff: number;
  diff_ci_low: number;
  diff_ci_high: number;
  /** Share of replicates in which the scenario is strictly better than baseline (by the metric's direction); NaN (empty) for the baseline and for a metric without a direction. */
  p_better: number;
}

/** Columns of comparison.csv, in order. */
export const COMPARISON_COLUMNS = [
  'scenario', 'metric', 'year', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'diff', 'diff_ci_low', 'diff_ci_high', 'p_better',
] as const;

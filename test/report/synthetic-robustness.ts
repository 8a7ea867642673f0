/** Synthetic robustness.csv rows for report tests. */
import type { RobustnessRow } from '../../src/experiment/robustness.js';

/** Synthetic robustness rows: 25 draws, two outcomes, baseline and two pathways. */
export const syntheticRobustnessRows: RobustnessRow[] = [
  { outcome: 'members_full', scenario: 'baseline', better: 'higher', draws: 25, beats_baseline: null, ranks_first: 0.04, mean_diff: null, rule: '', coverage: null, density: null, separation: null },
  { outcome: 'members_full', scenario: 'combined', better: 'higher', draws: 25, beats_baseline: 0.88, ranks_first: 0.72, mean_diff: 12.5, rule: 'farm_income <= 1.2', coverage: 0.8, density: 0.95, separation: 0.6 },
  { outcome: 'members_full', scenario: 'benefit-incentives', better: 'higher', draws: 25, beats_baseline: 0.6, ranks_first: 0.24, mean_diff: 3.1, rule: '', coverage: null, density: null, separation: null },
  { outcome: 'branches_warning_share', scenario: 'baseline', better: 'lower', draws: 25, beats_baseline: null, ranks_first: 0.56, mean_diff: null, rule: '', coverage: null, density: null, separation: null },
  { outcome: 'branches_warning_share', scenario: 'combined', better: 'lower', draws: 25, beats_baseline: 0.4, ranks_first: 0.28, mean_diff: 0.01, rule: 'outmigration_base > 0.05', coverage: 0.7, density: 0.64, separation: 0.42 },
  { outcome: 'branches_warning_share', scenario: 'benefit-incentives', better: 'lower', draws: 25, beats_baseline: 0.2, ranks_first: 0.16, mean_diff: 0.02, rule: '', coverage: null, density: null, separation: null },
];

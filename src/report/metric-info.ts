/** What the report knows about each metric: a label, its unit, how to format it and which way is better. */

/** Display facts about one metric. */
export interface MetricInfo {
  /** Short label, e.g. "Full members". */
  label: string;
  /** Unit text for axis titles, e.g. "persons". */
  unit: string;
  /** True when the metric is a share in [0, 1], shown as a percentage. */
  share: boolean;
  /** +1 when more is better, −1 when less is better, 0 when neither. */
  direction: 1 | -1 | 0;
  /** Phrase for running text, e.g. "the share of branches in warning" (default: the label in lower case). */
  phrase?: string;
}

/** Metric facts for the names the report uses. */
export const METRIC_INFO: Readonly<Record<string, MetricInfo>> = {
  members_full: { label: 'Full members', unit: 'persons', share: false, direction: 1 },
  members_probationary: { label: 'Probationary members', unit: 'persons', share: false, direction: 1 },
  applicants: { label: 'Applicants', unit: 'persons', share: false, direction: 1 },
  activists: { label: 'Activists', unit: 'persons', share: false, direction: 1 },
  development_targets: { label: 'Development targets', unit: 'persons', share: false, direction: 1 },
  member_share_35under: { label: 'Members aged 35 or under', unit: 'share of members', share: true, direction: 1, phrase: 'the share of members aged 35 or under' },
  member_share_61plus: { label: 'Members aged 61 or over', unit: 'share of members', share: true, direction: -1, phrase: 'the share of members aged 61 or over' },
  branches_warning_share: { label: 'Branches in warning', unit: 'share of branches', share: true, direction: -1, phrase: 'the share of branches in warning' },
  youth_outmigration_rate: { label: 'Youth out-migration', unit: 'share of youth per year', share: true, direction: -1, phrase: 'the youth out-migration rate' },
  return_rate: { label: 'Return migration', unit: 'share of migrants per year', share: true, direction: 1, phrase: 'the return migration rate' },
  succession_ready_share: { label: 'Branches with a ready successor', unit: 'share of branches', share: true, direction: 1, phrase: 'the share of branches with a ready successor' },
  policy_cost: { label: 'Policy cost', unit: 'yuan per year', share: false, direction: 0 },
  member_mean_age: { label: 'Mean member age', unit: 'years', share: false, direction: -1, phrase: 'the mean age of members' },
  recruits: { label: 'New recruits', unit: 'persons per year', share: false, direction: 1 },
};

/** Facts for a metric; unknown metrics get their name as label, no unit and no direction. */
export function metricInfo(metric: string): MetricInfo {
  return METRIC_INFO[metric] ?? { label: metric.replace(/_/g, ' '), unit: 'value', share: false, direction: 0 };
}

/** The metric's phrase for running text. */
export function metricPhrase(metric: string): string {
  const m = metricInfo(metric);
  return m.phrase ?? m.label.toLowerCase();
}

/** "Label (unit)" for an axis title; shares read "Label (% of members)". */
export function axisTitle(metric: string): string {
  const m = metricInfo(metric);
  return `${m.label} (${m.share ? `% ${m.unit.replace(/^share /, '')}` : m.unit})`;
}

/** The main outcomes shown in the table, the effects chart and the reading, in order. */
export const MAIN_OUTCOMES: readonly string[] = [
  'members_full', 'member_share_35under', 'member_mean_age', 'succession_ready_share',
  'branches_warning_share', 'youth_outmigration_rate', 'return_rate',
];

/** "benefit-incentives" → "Benefit incentives". */
export function scenarioLabel(name: string): string {
  const s = name.replace(/[-_]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

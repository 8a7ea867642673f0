/** The report's default chart set: every chart built from the same inputs with one shared scenario colour list. */
import type { TopLevelSpec } from 'vega-lite';
import { costEffectivenessSpec } from './charts/cost-effectiveness.js';
import { horizonYear } from './charts/horizon.js';
import { memberAgeStructureSpec } from './charts/member-age-structure.js';
import { membersOverTimeSpec } from './charts/members-over-time.js';
import { migrationSpec } from './charts/migration.js';
import { pathwayEffectsSpec } from './charts/pathway-effects.js';
import { pipelineFunnelSpec } from './charts/pipeline-funnel.js';
import { warningShareSpec } from './charts/warning-share.js';
import { orderScenarios } from './colors.js';
import { metricCatalog } from './metric-info.js';
import type { ReportInputs } from './report-inputs.js';

/** Heading and caption of a chart in the report. */
export interface ChartCaption {
  heading: string;
  caption: string;
}

/** Headings and captions of the default charts, by chart name, in report order. */
export const REPORT_CHARTS: Readonly<Record<string, ChartCaption>> = {
  'pathway-effects': {
    heading: 'Effects at the horizon',
    caption: 'Mean paired difference from baseline (same replicate, same random numbers) with its 95% confidence interval.',
  },
  'members-over-time': {
    heading: 'Full members over time',
    caption: 'County total of full Party members; line is the mean across replicates, band the 5th to 95th percentile.',
  },
  'member-age-structure': {
    heading: 'Age structure of members',
    caption: 'Mean share of members aged 35 or under, 36 to 60, and 61 or over.',
  },
  'warning-share': {
    heading: 'Branches in warning',
    caption: 'Share of village branches in warning status; mean and 5th to 95th percentile band.',
  },
  'pipeline-funnel': {
    heading: 'Membership pipeline',
    caption: 'Persons at each stage from applicant to full member at selected years, mean across replicates.',
  },
  'cost-effectiveness': {
    heading: 'Cost-effectiveness',
    caption: 'Outcome gained over baseline at the horizon per million yuan of extra cumulative policy spending. Scenarios that spend nothing extra are not shown.',
  },
  migration: {
    heading: 'Migration',
    caption: 'Yearly youth out-migration rate and return migration rate; mean and 5th to 95th percentile band.',
  },
};

/** Every scenario name in the inputs, in display order (scenario list first, then rows). */
export function reportScenarioNames(inputs: Pick<ReportInputs, 'series' | 'comparison' | 'scenarios'>): string[] {
  return orderScenarios([
    ...inputs.scenarios.map((s) => s.name),
    ...inputs.series.map((r) => r.scenario),
    ...inputs.comparison.map((r) => r.scenario),
  ]);
}

/** Default funnel years: first, middle and last year present in the series. */
export function defaultFunnelYears(inputs: Pick<ReportInputs, 'series'>): number[] {
  const years = [...new Set(inputs.series.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length === 0) return [];
  return [...new Set([years[0], years[Math.floor((years.length - 1) / 2)], years[years.length - 1]])];
}

/** The default chart set (name → vega-lite spec), or `inputs.specs` when given. */
export function reportSpecs(inputs: ReportInputs): Record<string, TopLevelSpec> {
  if (inputs.specs) return { ...inputs.specs };
  const scenarios = reportScenarioNames(inputs);
  const year = inputs.horizon ?? horizonYear(inputs.comparison);
  const catalog = metricCatalog(inputs.metrics);
  return {
    'pathway-effects': pathwayEffectsSpec(inputs.comparison, { scenarios, year, catalog }),
    'members-over-time': membersOverTimeSpec(inputs.series, { scenarios, catalog }),
    'member-age-structure': memberAgeStructureSpec(inputs.series, { scenarios, catalog }),
    'warning-share': warningShareSpec(inputs.series, { scenarios, catalog }),
    'pipeline-funnel': pipelineFunnelSpec(inputs.series, inputs.funnelYears ?? defaultFunnelYears(inputs), { scenarios, catalog }),
    'cost-effectiveness': costEffectivenessSpec(inputs.comparison, inputs.series, { scenarios, year, catalog }),
    migration: migrationSpec(inputs.series, { scenarios, catalog }),
  };
}

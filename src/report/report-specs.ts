/** The report's default chart set: every chart built from the same inputs with one shared scenario style list, labels and language. */
import type { TopLevelSpec } from 'vega-lite';
import { costEffectivenessSpec } from './charts/cost-effectiveness.js';
import { memberAgeStructureSpec } from './charts/member-age-structure.js';
import { membersOverTimeSpec } from './charts/members-over-time.js';
import { migrationSpec } from './charts/migration.js';
import { pathwayEffectsSpec } from './charts/pathway-effects.js';
import { pipelineFunnelSpec } from './charts/pipeline-funnel.js';
import { warningShareSpec } from './charts/warning-share.js';
import { reportContext, type ReportContext } from './context.js';
import { messagesFor, type Lang } from './i18n/index.js';
import type { ReportInputs } from './report-inputs.js';

export { reportScenarioNames } from './context.js';

/** Heading and caption of a chart in the report. */
export interface ChartCaption {
  heading: string;
  caption: string;
}

/** The default charts in report order, each with the catalogue entry of its heading and caption. */
const CHART_KEYS = {
  'pathway-effects': 'effects',
  'members-over-time': 'members',
  'member-age-structure': 'age',
  'warning-share': 'warning',
  'pipeline-funnel': 'funnel',
  'cost-effectiveness': 'costEffectiveness',
  migration: 'migration',
} as const;

/** Headings and captions of the default charts in `lang`, by chart name, in report order. */
export function reportCharts(lang: Lang = 'en'): Readonly<Record<string, ChartCaption>> {
  const c = messagesFor(lang).charts;
  return Object.fromEntries(Object.entries(CHART_KEYS).map(([name, key]) => [name, { heading: c[key].heading, caption: c[key].caption }]));
}

/** Headings and captions of the default charts in English, by chart name, in report order. */
export const REPORT_CHARTS: Readonly<Record<string, ChartCaption>> = reportCharts('en');

/** Default funnel years: first, middle and last year present in the series. */
export function defaultFunnelYears(inputs: Pick<ReportInputs, 'series'>): number[] {
  const years = [...new Set(inputs.series.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length === 0) return [];
  return [...new Set([years[0], years[Math.floor((years.length - 1) / 2)], years[years.length - 1]])];
}

/** The default chart set (name → vega-lite spec) of a resolved report, or `inputs.specs` when given. */
export function contextSpecs(ctx: ReportContext): Record<string, TopLevelSpec> {
  const inputs = ctx.inputs;
  if (inputs.specs) return { ...inputs.specs };
  const o = ctx.chartOptions;
  const year = ctx.year;
  return {
    'pathway-effects': pathwayEffectsSpec(inputs.comparison, { ...o, year }),
    'members-over-time': membersOverTimeSpec(inputs.series, o),
    'member-age-structure': memberAgeStructureSpec(inputs.series, o),
    'warning-share': warningShareSpec(inputs.series, o),
    'pipeline-funnel': pipelineFunnelSpec(inputs.series, inputs.funnelYears ?? defaultFunnelYears(inputs), o),
    'cost-effectiveness': costEffectivenessSpec(inputs.comparison, inputs.series, { ...o, year }),
    migration: migrationSpec(inputs.series, o),
  };
}

/** The default chart set (name → vega-lite spec), or `inputs.specs` when given. */
export function reportSpecs(inputs: ReportInputs): Record<string, TopLevelSpec> {
  return contextSpecs(reportContext(inputs));
}

/** Chart: the recruitment pipeline (applicants → activists → development targets → probationary → full) at chosen years. */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import { meanByScenarioYear } from '../aggregate.js';
import { TALENT_CATALOG, type MetricCatalog } from '../metric-info.js';
import { resolveChartOptions, scenarioColorChannel, SPEC_BASE, type ChartOptions } from './chart-options.js';

/** Pipeline stage metrics, from entry to full membership. */
export const PIPELINE_STAGES = ['applicants', 'activists', 'development_targets', 'members_probationary', 'members_full'] as const;

/** One bar of the funnel: mean persons at a stage, per scenario and year. */
export interface FunnelRow {
  scenario: string;
  year: number;
  stage: string;
  order: number;
  mean: number;
}

/** Mean persons at each pipeline stage per scenario at the given years (years absent from rows are skipped). */
export function funnelRows(rows: readonly SeriesRow[], years: readonly number[], catalog: MetricCatalog = TALENT_CATALOG): FunnelRow[] {
  const out: FunnelRow[] = [];
  PIPELINE_STAGES.forEach((metric, order) => {
    for (const [scenario, byYear] of meanByScenarioYear(rows, metric)) {
      for (const year of years) {
        const m = byYear.get(year);
        if (m !== undefined) out.push({ scenario, year, stage: catalog.info(metric).label, order, mean: m });
      }
    }
  });
  return out;
}

/** The membership pipeline at chosen years: mean persons per stage across replicates, bars grouped by scenario. */
export function pipelineFunnelSpec(rows: readonly SeriesRow[], years: readonly number[], options?: ChartOptions): TopLevelSpec {
  const values = funnelRows(rows, years, options?.catalog);
  const present = [...new Set(values.map((v) => v.scenario))];
  const opts = resolveChartOptions({ width: 260, ...options }, present);
  const shown = opts.scenarios.filter((s) => present.includes(s));
  return {
    ...SPEC_BASE,
    title: {
      text: opts.title ?? 'Membership pipeline',
      subtitle: 'Persons at each stage in the county, mean across replicates',
    },
    data: { values },
    facet: { field: 'year', type: 'ordinal', title: 'Year', sort: [...years] },
    columns: Math.max(1, Math.min(years.length, 3)),
    spec: {
      width: opts.width,
      height: { step: 7 }, // with yOffset, the step is per scenario bar
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'stage', type: 'nominal', title: 'Pipeline stage', sort: PIPELINE_STAGES.map((m) => opts.catalog.info(m).label) },
        yOffset: { field: 'scenario', type: 'nominal', sort: shown },
        x: { field: 'mean', type: 'quantitative', title: 'Mean across replicates (persons)' },
        color: scenarioColorChannel(opts.colors),
        tooltip: [
          { field: 'scenario', type: 'nominal', title: 'Scenario' },
          { field: 'stage', type: 'nominal', title: 'Stage' },
          { field: 'mean', type: 'quantitative', title: 'Persons', format: ',.1f' },
        ],
      },
    },
  } as TopLevelSpec;
}

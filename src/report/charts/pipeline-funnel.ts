/** Chart: the recruitment pipeline (applicants → activists → development targets → probationary → full) at chosen years. */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import { meanByScenarioYear } from '../aggregate.js';
import { TALENT_CATALOG, type MetricCatalog } from '../metric-info.js';
import { labelOrder, resolveChartOptions, scenarioColorChannel, specBase, withLabels, type ChartOptions } from './chart-options.js';

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
  const present = [...new Set(rows.map((r) => r.scenario))];
  const opts = resolveChartOptions({ width: 260, ...options }, present);
  const values = withLabels(funnelRows(rows, years, opts.catalog), opts);
  const shown = [...new Set(values.map((v) => v.scenario))];
  const m = opts.m.charts.funnel;
  return {
    ...specBase(opts.lang),
    title: { text: opts.title ?? m.title, subtitle: m.subtitle },
    data: { values },
    facet: { field: 'year', type: 'ordinal', title: opts.m.charts.year, sort: [...years] },
    columns: Math.max(1, Math.min(years.length, 3)),
    spec: {
      width: opts.width,
      height: { step: 7 }, // with yOffset, the step is per scenario bar
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'stage', type: 'nominal', title: m.stage, sort: PIPELINE_STAGES.map((s) => opts.catalog.info(s).label) },
        yOffset: { field: 'label', type: 'nominal', sort: labelOrder(opts, shown) },
        x: { field: 'mean', type: 'quantitative', title: m.axis },
        color: scenarioColorChannel(opts, shown),
        tooltip: [
          { field: 'label', type: 'nominal', title: opts.m.charts.scenario },
          { field: 'stage', type: 'nominal', title: m.stage },
          { field: 'mean', type: 'quantitative', title: m.persons, format: ',.1f' },
        ],
      },
    },
  } as TopLevelSpec;
}

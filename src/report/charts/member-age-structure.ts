/** Chart: age structure of Party members (≤35, 36-60, 61+) over time, one panel per scenario. */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import { meanByScenarioYear } from '../aggregate.js';
import { resolveChartOptions, SPEC_BASE, YEAR_X, type ChartOptions } from './chart-options.js';

/** Age bands in stacking order, with their colours (a blue ramp, kept apart from the scenario colours). */
export const AGE_BANDS = [
  { band: '35 or under', color: '#9ECAE1' },
  { band: '36-60', color: '#4292C6' },
  { band: '61 or over', color: '#08306B' },
] as const;

/** One row of the age-structure data: mean share of members in an age band. */
export interface AgeShareRow {
  scenario: string;
  year: number;
  band: string;
  order: number;
  share: number;
}

/** Mean shares per scenario, year and age band; 36-60 is 1 − (≤35) − (61+). */
export function ageStructureRows(rows: readonly SeriesRow[]): AgeShareRow[] {
  const young = meanByScenarioYear(rows, 'member_share_35under');
  const old = meanByScenarioYear(rows, 'member_share_61plus');
  const out: AgeShareRow[] = [];
  for (const [scenario, byYear] of young) {
    for (const [year, y] of byYear) {
      const o = old.get(scenario)?.get(year);
      if (o === undefined) continue;
      const shares = [y, Math.max(0, 1 - y - o), o];
      shares.forEach((share, order) => out.push({ scenario, year, band: AGE_BANDS[order].band, order, share }));
    }
  }
  return out;
}

/** Member age structure over time: stacked shares of ≤35, 36-60 and 61+, one small panel per scenario. */
export function memberAgeStructureSpec(rows: readonly SeriesRow[], options?: ChartOptions): TopLevelSpec {
  const values = ageStructureRows(rows);
  const opts = resolveChartOptions({ width: 240, height: 160, ...options }, [...new Set(values.map((v) => v.scenario))]);
  const present = new Set(values.map((v) => v.scenario));
  return {
    ...SPEC_BASE,
    title: {
      text: opts.title ?? 'Age structure of Party members',
      subtitle: 'Mean share of members in each age band across replicates',
    },
    data: { values },
    facet: {
      field: 'scenario',
      type: 'nominal',
      title: null,
      sort: opts.scenarios.filter((s) => present.has(s)),
    },
    columns: 3,
    spec: {
      width: opts.width,
      height: opts.height,
      mark: { type: 'area' },
      encoding: {
        x: YEAR_X,
        y: {
          field: 'share', type: 'quantitative', stack: 'normalize',
          title: 'Share of members (%)', axis: { format: '.0%' },
        },
        color: {
          field: 'band', type: 'nominal', title: 'Age band (years)',
          scale: { domain: AGE_BANDS.map((b) => b.band), range: AGE_BANDS.map((b) => b.color) },
        },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [
          { field: 'scenario', type: 'nominal', title: 'Scenario' },
          { field: 'year', type: 'quantitative', title: 'Year' },
          { field: 'band', type: 'nominal', title: 'Age band' },
          { field: 'share', type: 'quantitative', title: 'Share', format: '.1%' },
        ],
      },
    },
  } as TopLevelSpec;
}

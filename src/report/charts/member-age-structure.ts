/** Chart: age structure of Party members (≤35, 36-60, 61+) over time, one panel per scenario. */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import { meanByScenarioYear } from '../aggregate.js';
import { messagesFor } from '../i18n/index.js';
import { labelOrder, resolveChartOptions, specBase, withLabels, yearX, type ChartOptions } from './chart-options.js';
import { firstYear } from './time-band.js';

/** Age bands in stacking order (English names), with their colours (a blue ramp, kept apart from the scenario colours). */
export const AGE_BANDS = [
  { band: messagesFor('en').charts.age.bands[0], color: '#9ECAE1' },
  { band: messagesFor('en').charts.age.bands[1], color: '#4292C6' },
  { band: messagesFor('en').charts.age.bands[2], color: '#08306B' },
] as const;

/** One row of the age-structure data: mean share of members in an age band. */
export interface AgeShareRow {
  scenario: string;
  year: number;
  band: string;
  order: number;
  share: number;
}

/** Mean shares per scenario, year and age band; 36-60 is 1 − (≤35) − (61+). `bands` names the three bands (default English). */
export function ageStructureRows(rows: readonly SeriesRow[], bands: readonly string[] = AGE_BANDS.map((b) => b.band)): AgeShareRow[] {
  const young = meanByScenarioYear(rows, 'member_share_35under');
  const old = meanByScenarioYear(rows, 'member_share_61plus');
  const out: AgeShareRow[] = [];
  for (const [scenario, byYear] of young) {
    for (const [year, y] of byYear) {
      const o = old.get(scenario)?.get(year);
      if (o === undefined) continue;
      const shares = [y, Math.max(0, 1 - y - o), o];
      shares.forEach((share, order) => out.push({ scenario, year, band: bands[order], order, share }));
    }
  }
  return out;
}

/** Member age structure over time: stacked shares of ≤35, 36-60 and 61+, one small panel per scenario, start-up years shaded. */
export function memberAgeStructureSpec(rows: readonly SeriesRow[], options?: ChartOptions): TopLevelSpec {
  const present = [...new Set(rows.filter((r) => r.metric === 'member_share_35under').map((r) => r.scenario))];
  const opts = resolveChartOptions({ width: 240, height: 160, ...options }, present);
  const m = opts.m.charts.age;
  const values = withLabels(ageStructureRows(rows, m.bands), opts);
  const shown = [...new Set(values.map((v) => v.scenario))];
  const x = yearX(opts);
  const first = firstYear(values);
  let last = -Infinity;
  for (const v of values) if (v.year > last) last = v.year;
  const end = Math.min(first + opts.startupYears, last);
  // One start-up shade per panel: a single row of each panel's data carries it (facets cannot hold their own data).
  const shade = opts.startupYears > 0 && end > first
    ? [{
        transform: [{ filter: { and: [{ field: 'year', equal: first }, { field: 'order', equal: 0 }] } }, { calculate: String(end), as: 'startup_end' }],
        mark: { type: 'rect' as const, color: '#FFFFFF', opacity: 0.45 },
        encoding: { x: { ...x, field: 'year' }, x2: { field: 'startup_end' } },
      }]
    : [];
  return {
    ...specBase(opts.lang),
    title: { text: opts.title ?? m.title, subtitle: m.subtitle },
    data: { values },
    facet: { field: 'label', type: 'nominal', title: null, sort: labelOrder(opts, shown) },
    columns: 3,
    spec: {
      width: opts.width,
      height: opts.height,
      layer: [
        {
          mark: { type: 'area' },
          encoding: {
            x,
            y: { field: 'share', type: 'quantitative', stack: 'normalize', title: m.axis, axis: { format: '.0%' } },
            color: {
              field: 'band', type: 'nominal', title: m.legend,
              scale: { domain: [...m.bands], range: AGE_BANDS.map((b) => b.color) },
            },
            order: { field: 'order', type: 'quantitative' },
            tooltip: [
              { field: 'label', type: 'nominal', title: opts.m.charts.scenario },
              { field: 'year', type: 'quantitative', title: opts.m.charts.year },
              { field: 'band', type: 'nominal', title: m.band },
              { field: 'share', type: 'quantitative', title: m.share, format: '.1%' },
            ],
          },
        },
        ...shade,
      ],
    },
  } as TopLevelSpec;
}

/** Chart: youth out-migration and return migration rates over time per scenario, side by side. */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import { scenariosIn } from '../aggregate.js';
import { resolveChartOptions, specBase, type ChartOptions } from './chart-options.js';
import { timeBandPanel } from './time-band.js';

const METRICS = ['youth_outmigration_rate', 'return_rate'] as const;

/** Youth out-migration and return rates over time (mean and 5th-95th percentile band), one panel each. */
export function migrationSpec(rows: readonly SeriesRow[], options?: ChartOptions): TopLevelSpec {
  const present = scenariosIn(rows.filter((r) => (METRICS as readonly string[]).includes(r.metric)));
  const opts = resolveChartOptions({ width: 360, height: 260, ...options }, present);
  return {
    ...specBase(opts.lang),
    title: { text: opts.title ?? opts.m.charts.migration.title, subtitle: opts.m.charts.bandSubtitle, offset: 12 },
    hconcat: METRICS.map((m) => timeBandPanel(rows, m, opts, opts.catalog.info(m).label)),
    resolve: { scale: { color: 'shared', strokeDash: 'shared' } },
  } as TopLevelSpec;
}

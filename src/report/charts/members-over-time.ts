/** Chart: full Party members over time per scenario, mean and 90% band (5th-95th percentile) across replicates. */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import { scenariosIn } from '../aggregate.js';
import { resolveChartOptions, specBase, type ChartOptions } from './chart-options.js';
import { timeBandPanel } from './time-band.js';

/** Full members over time: mean line and 5th-95th percentile band across replicates, per scenario. */
export function membersOverTimeSpec(rows: readonly SeriesRow[], options?: ChartOptions): TopLevelSpec {
  const opts = resolveChartOptions(options, scenariosIn(rows.filter((r) => r.metric === 'members_full')));
  return {
    ...specBase(opts.lang),
    title: { text: opts.title ?? opts.m.charts.members.title, subtitle: opts.m.charts.bandSubtitle },
    ...timeBandPanel(rows, 'members_full', opts),
  } as TopLevelSpec;
}

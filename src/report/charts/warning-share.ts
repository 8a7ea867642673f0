/** Chart: share of branches in warning over time per scenario. */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import { scenariosIn } from '../aggregate.js';
import { resolveChartOptions, specBase, type ChartOptions } from './chart-options.js';
import { timeBandPanel } from './time-band.js';

/** Share of branches in warning over time: mean and 5th-95th percentile band across replicates, per scenario. */
export function warningShareSpec(rows: readonly SeriesRow[], options?: ChartOptions): TopLevelSpec {
  const opts = resolveChartOptions(options, scenariosIn(rows.filter((r) => r.metric === 'branches_warning_share')));
  return {
    ...specBase(opts.lang),
    title: { text: opts.title ?? opts.m.charts.warning.title, subtitle: opts.m.charts.bandSubtitle },
    ...timeBandPanel(rows, 'branches_warning_share', opts),
  } as TopLevelSpec;
}

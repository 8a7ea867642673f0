/** Chart: full Party members over time per scenario, mean and 90% band (5th-95th percentile) across replicates. */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import { scenariosIn } from '../aggregate.js';
import { resolveChartOptions, SPEC_BASE, type ChartOptions } from './chart-options.js';
import { timeBandPanel } from './time-band.js';

/** Full members over time: mean line and 5th-95th percentile band across replicates, per scenario. */
export function membersOverTimeSpec(rows: readonly SeriesRow[], options?: ChartOptions): TopLevelSpec {
  const opts = resolveChartOptions(options, scenariosIn(rows.filter((r) => r.metric === 'members_full')));
  return {
    ...SPEC_BASE,
    title: {
      text: opts.title ?? 'Full Party members in the county over time',
      subtitle: 'Line: mean across replicates; band: 5th-95th percentile',
    },
    ...timeBandPanel(rows, 'members_full', opts),
  } as TopLevelSpec;
}

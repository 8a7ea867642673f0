/** Chart: youth out-migration and return migration rates over time per scenario, side by side. */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import { scenariosIn } from '../aggregate.js';
import { resolveChartOptions, SPEC_BASE, type ChartOptions } from './chart-options.js';
import { timeBandPanel } from './time-band.js';

const METRICS = ['youth_outmigration_rate', 'return_rate'] as const;

/** Youth out-migration and return rates over time (mean and 5th-95th percentile band), one panel each. */
export function migrationSpec(rows: readonly SeriesRow[], options?: ChartOptions): TopLevelSpec {
  const present = scenariosIn(rows.filter((r) => (METRICS as readonly string[]).includes(r.metric)));
  const opts = resolveChartOptions({ width: 380, ...options }, present);
  return {
    ...SPEC_BASE,
    title: {
      text: opts.title ?? 'Youth out-migration and return migration',
      subtitle: 'Line: mean across replicates; band: 5th-95th percentile',
      offset: 12,
    },
    hconcat: METRICS.map((m) => timeBandPanel(rows, m, opts, opts.catalog.info(m).label)),
    resolve: { scale: { color: 'shared' } },
  } as TopLevelSpec;
}

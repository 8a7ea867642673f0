/** A reusable panel: mean line and 5th-95th percentile band of one metric over time, one colour per scenario. */
import type { SeriesRow } from '../../core/rows.js';
import { bandSeries } from '../aggregate.js';
import { axisTitle } from '../metric-info.js';
import { scenarioColorChannel, YEAR_X, type ResolvedChartOptions } from './chart-options.js';

/** A layered vega-lite unit (band + line) with its data embedded; not a top-level spec on its own. */
export function timeBandPanel(rows: readonly SeriesRow[], metric: string, opts: ResolvedChartOptions, title?: string) {
  const info = opts.catalog.info(metric);
  const values = bandSeries(rows, metric);
  const yAxis = info.share ? { format: '.0%' } : {};
  // one legend for both layers, drawn as solid lines (the band's faint fill would wash it out)
  const legendColor = { ...scenarioColorChannel(opts.colors), legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 } };
  return {
    ...(title ? { title } : {}),
    width: opts.width,
    height: opts.height,
    data: { values },
    layer: [
      {
        mark: { type: 'area' as const, fillOpacity: 0.15 },
        encoding: {
          x: YEAR_X,
          y: { field: 'low', type: 'quantitative' as const, title: axisTitle(metric, opts.catalog), axis: yAxis, scale: { zero: false } },
          y2: { field: 'high' },
          color: legendColor,
        },
      },
      {
        mark: { type: 'line' as const, strokeWidth: 2 },
        encoding: {
          x: YEAR_X,
          y: { field: 'mean', type: 'quantitative' as const, title: axisTitle(metric, opts.catalog), axis: yAxis, scale: { zero: false } },
          color: legendColor,
          tooltip: [
            { field: 'scenario', type: 'nominal' as const, title: 'Scenario' },
            { field: 'year', type: 'quantitative' as const, title: 'Year' },
            { field: 'mean', type: 'quantitative' as const, title: 'Mean', format: info.share ? '.1%' : ',.1f' },
            { field: 'low', type: 'quantitative' as const, title: '5th percentile', format: info.share ? '.1%' : ',.1f' },
            { field: 'high', type: 'quantitative' as const, title: '95th percentile', format: info.share ? '.1%' : ',.1f' },
          ],
        },
      },
    ],
  };
}

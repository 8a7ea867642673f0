/**
 * A reusable panel: mean line and 5th-95th percentile band of one metric over time, one colour and dash per
 * scenario, the start-up years shaded, invisible hover points that carry the tooltips. Yearly flows leave
 * out the first year (the initial state has none).
 */
import type { SeriesRow } from '../../core/rows.js';
import { bandSeries } from '../aggregate.js';
import { axisTitle } from '../metric-info.js';
import { scenarioColorChannel, scenarioDashChannel, withLabels, yearX, type ResolvedChartOptions } from './chart-options.js';

/** The first year of the series rows (NaN when there are none). */
export function firstYear(rows: readonly { year: number }[]): number {
  let y = Infinity;
  for (const r of rows) if (r.year < y) y = r.year;
  return Number.isFinite(y) ? y : NaN;
}

/**
 * Layers that shade the start-up years [first, first + startupYears] and label them (none when
 * startupYears is 0). Put them first so the data is drawn over them.
 */
export function startupLayers(opts: ResolvedChartOptions, first: number, last: number) {
  if (!(opts.startupYears > 0) || !Number.isFinite(first)) return [];
  const end = Math.min(first + opts.startupYears, last);
  if (!(end > first)) return [];
  const data = { values: [{ start: first, end, text: opts.m.charts.startup }] };
  const x = { ...yearX(opts), field: 'start' };
  return [
    { data, mark: { type: 'rect' as const, color: '#000000', opacity: 0.07 }, encoding: { x, x2: { field: 'end' } } },
    {
      data,
      mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 3, dy: 3, fontSize: 10, color: '#555555' },
      encoding: { x, y: { value: 0 }, text: { field: 'text' } },
    },
  ];
}

/** A layered vega-lite unit (start-up shade, band, line, hover points) with its data embedded; not a top-level spec on its own. */
export function timeBandPanel(rows: readonly SeriesRow[], metric: string, opts: ResolvedChartOptions, title?: string) {
  const info = opts.catalog.info(metric);
  const own = rows.filter((r) => r.metric === metric);
  const first = firstYear(own);
  let last = -Infinity;
  for (const r of own) if (r.year > last) last = r.year;
  // A yearly flow has no value in the initial year (nothing simulated yet): leave that year out.
  const values = withLabels(bandSeries(own, metric).filter((p) => !(info.flow && p.year === first)), opts);
  const present = [...new Set(values.map((v) => v.scenario))];
  const yAxis = info.share ? { format: '.0%' } : {};
  const color = scenarioColorChannel(opts, present);
  const dash = scenarioDashChannel(opts, present);
  const x = yearX(opts);
  const yTitle = axisTitle(metric, opts.catalog);
  const fmt = info.share ? '.1%' : ',.1f';
  return {
    ...(title ? { title } : {}),
    width: opts.width,
    height: opts.height,
    data: { values },
    layer: [
      ...startupLayers(opts, first, last),
      {
        mark: { type: 'area' as const, fillOpacity: 0.13 },
        encoding: {
          x,
          y: { field: 'low', type: 'quantitative' as const, title: yTitle, axis: yAxis, scale: { zero: false } },
          y2: { field: 'high' },
          color: { ...color, legend: { symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolSize: 300 } },
        },
      },
      {
        mark: { type: 'line' as const, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative' as const, title: yTitle, axis: yAxis, scale: { zero: false } },
          color: { ...color, legend: { symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolSize: 300 } },
          strokeDash: { ...dash, legend: { symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolSize: 300 } },
        },
      },
      {
        mark: { type: 'point' as const, filled: true, size: 90, opacity: 0 },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative' as const, title: yTitle },
          tooltip: [
            { field: 'label', type: 'nominal' as const, title: opts.m.charts.scenario },
            { field: 'year', type: 'quantitative' as const, title: opts.m.charts.year },
            { field: 'mean', type: 'quantitative' as const, title: opts.m.charts.mean, format: fmt },
            { field: 'low', type: 'quantitative' as const, title: opts.m.charts.p5, format: fmt },
            { field: 'high', type: 'quantitative' as const, title: opts.m.charts.p95, format: fmt },
          ],
        },
      },
    ],
  };
}

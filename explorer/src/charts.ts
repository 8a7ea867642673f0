/**
 * The explorer's charts: one vega-lite panel per outcome, baseline against policy, the mean across
 * finished replicates as a line and their 5th-95th percentile as a band (the report's band, from the same
 * aggregation, fed by the page). Data is a named dataset so a finished replicate updates the view without rebuilding it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { scenarioColors } from '../../src/report/colors.js';
import { isPercent, metricLabel, metricUnit, type Lang } from './labels.js';
import { message } from './messages.js';

/** The outcomes charted, in page order. */
export const CHART_METRICS = [
  'members_full',
  'branches_warning_share',
  'succession_ready_share',
  'member_mean_age',
  'youth_outmigration_rate',
  'return_rate',
] as const;

/** Name of the dataset every chart reads. */
export const BAND_DATA = 'band';

/** The vega-lite spec of one chart for scenarios [baseline, policy]. */
export function chartSpec(metric: string, lang: Lang, scenarios: readonly string[]): TopLevelSpec {
  const colors = scenarioColors(scenarios);
  const percent = isPercent(metric);
  const unit = metricUnit(metric, lang);
  // The title names the metric; the y axis only needs the unit (a long axis title would squeeze the plot).
  const yTitle = percent ? '%' : unit;
  const fmt = percent ? '.1%' : ',.1f';
  const y = (field: 'low' | 'mean') => ({
    field,
    type: 'quantitative' as const,
    title: yTitle,
    axis: percent ? { format: '.0%' } : {},
    scale: { zero: false },
  });
  const color = {
    field: 'scenario',
    type: 'nominal' as const,
    title: message(lang, 'scenario'),
    scale: { domain: colors.domain, range: colors.range },
    legend: { orient: 'bottom' as const, title: null, symbolType: 'stroke', symbolStrokeWidth: 3 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 180,
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    config: { view: { stroke: null }, font: 'system-ui, "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif' },
    title: { text: metricLabel(metric, lang), anchor: 'start' },
    data: { name: BAND_DATA },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: message(lang, 'year'), axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false, nice: false } },
      color,
    },
    layer: [
      { mark: { type: 'area', fillOpacity: 0.18 }, encoding: { y: y('low'), y2: { field: 'high' } } },
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          y: y('mean'),
          strokeDash: { field: 'scenario', type: 'nominal', title: message(lang, 'scenario'), legend: { orient: 'bottom', title: null }, scale: { domain: colors.domain, range: colors.domain.map((_, i) => (i === 0 ? [6, 3] : [1, 0])) } },
          tooltip: [
            { field: 'scenario', type: 'nominal', title: message(lang, 'scenario') },
            { field: 'year', type: 'quantitative', title: message(lang, 'year') },
            { field: 'mean', type: 'quantitative', title: message(lang, 'mean'), format: fmt },
            { field: 'low', type: 'quantitative', title: message(lang, 'low'), format: fmt },
            { field: 'high', type: 'quantitative', title: message(lang, 'high'), format: fmt },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}

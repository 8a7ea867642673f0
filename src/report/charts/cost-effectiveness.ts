/** Chart: outcome gained per million yuan spent, per pathway, one panel per outcome (stacked, so the chart stays narrow). */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import type { ComparisonRow } from '../../experiment/types.js';
import { costEffectiveness, type CostEffectivenessOptions } from '../cost-effectiveness.js';
import { labelOrder, resolveChartOptions, scenarioColorChannel, specBase, withLabels, type ChartOptions } from './chart-options.js';
import { horizonYear } from './horizon.js';

/** Options of the cost-effectiveness chart. */
export interface CostEffectivenessSpecOptions extends ChartOptions, CostEffectivenessOptions {}

/** Outcome gained at the horizon per million yuan of extra cumulative policy cost, with 95% intervals. */
export function costEffectivenessSpec(
  comparison: readonly ComparisonRow[],
  series: readonly SeriesRow[],
  options?: CostEffectivenessSpecOptions,
): TopLevelSpec {
  const year = options?.year ?? horizonYear(comparison);
  const outcomes = options?.outcomes ?? ['members_full', 'succession_ready_share'];
  const opts = resolveChartOptions({ width: 420, ...options }, [...new Set(comparison.map((r) => r.scenario))]);
  const rows = costEffectiveness(comparison, series, { ...options, year, outcomes, ...(opts.baseline !== undefined ? { baseline: opts.baseline } : {}) });
  const m = opts.m.charts.costEffectiveness;
  const baseLabel = opts.baseline !== undefined ? opts.label(opts.baseline) : opts.m.scenarioTable.baselineMark;
  const panels = outcomes.map((metric) => {
    const info = opts.catalog.info(metric);
    const k = info.share ? 100 : 1; // shares: gains in percentage points
    const values = withLabels(rows.filter((r) => r.metric === metric).map((r) => ({
      scenario: r.scenario, diff: k * r.diff, cost_million: r.cost_million,
      per_million: k * r.per_million, per_million_low: k * r.per_million_low, per_million_high: k * r.per_million_high,
    })), opts);
    const present = values.map((v) => v.scenario);
    const unit = info.share ? opts.m.ppAxis : info.unit;
    const fmt = ',.3~f';
    const y = { field: 'label', type: 'nominal' as const, title: null, sort: labelOrder(opts, present) };
    const x = { type: 'quantitative' as const, title: m.axis(unit) };
    return {
      title: { text: info.label, anchor: 'start' as const, fontSize: 13 },
      width: opts.width,
      height: { step: 24 },
      data: { values },
      layer: [
        {
          mark: { type: 'bar' as const, opacity: 0.85 },
          encoding: {
            x: { ...x, field: 'per_million' }, y, color: { ...scenarioColorChannel(opts, present), legend: null },
            tooltip: [
              { field: 'label', type: 'nominal' as const, title: opts.m.charts.scenario },
              { field: 'per_million', type: 'quantitative' as const, title: m.perMillion, format: fmt },
              { field: 'diff', type: 'quantitative' as const, title: m.gain(baseLabel), format: fmt },
              { field: 'cost_million', type: 'quantitative' as const, title: m.extraCost, format: ',.2f' },
            ],
          },
        },
        {
          mark: { type: 'rule' as const, color: '#333333' },
          encoding: { x: { ...x, field: 'per_million_low' }, x2: { field: 'per_million_high' }, y },
        },
      ],
    };
  });
  return {
    ...specBase(opts.lang),
    title: { text: opts.title ?? m.title(year), subtitle: m.subtitle(baseLabel), offset: 12 },
    vconcat: panels,
    resolve: { scale: { color: 'shared', x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}

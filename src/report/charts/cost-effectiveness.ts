/** Chart: outcome gained per million yuan spent, per pathway, one panel per outcome. */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesRow } from '../../core/rows.js';
import type { ComparisonRow } from '../../experiment/types.js';
import { costEffectiveness, type CostEffectivenessOptions } from '../cost-effectiveness.js';
import { resolveChartOptions, scenarioColorChannel, SPEC_BASE, type ChartOptions } from './chart-options.js';
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
  const rows = costEffectiveness(comparison, series, { ...options, year, outcomes });
  const opts = resolveChartOptions({ width: 300, ...options }, [...new Set(comparison.map((r) => r.scenario))]);
  const color = scenarioColorChannel(opts.colors);
  const panels = outcomes.map((metric) => {
    const info = opts.catalog.info(metric);
    const k = info.share ? 100 : 1; // shares: gains in percentage points
    const values = rows.filter((r) => r.metric === metric).map((r) => ({
      scenario: r.scenario, diff: k * r.diff, cost_million: r.cost_million,
      per_million: k * r.per_million, per_million_low: k * r.per_million_low, per_million_high: k * r.per_million_high,
    }));
    const present = opts.scenarios.filter((s) => values.some((v) => v.scenario === s));
    const unit = info.share ? 'percentage points' : info.unit;
    const fmt = ',.3~f';
    const y = { field: 'scenario', type: 'nominal' as const, title: null, sort: present };
    const x = { type: 'quantitative' as const, title: `${info.label} gained per million yuan (${unit} per ¥1M)` };
    return {
      title: { text: info.label, anchor: 'start' as const, fontSize: 13 },
      width: opts.width,
      height: { step: 24 },
      data: { values },
      layer: [
        {
          mark: { type: 'bar' as const, opacity: 0.85 },
          encoding: {
            x: { ...x, field: 'per_million' }, y, color,
            tooltip: [
              { field: 'scenario', type: 'nominal' as const, title: 'Scenario' },
              { field: 'per_million', type: 'quantitative' as const, title: 'Per ¥1M', format: fmt },
              { field: 'diff', type: 'quantitative' as const, title: 'Gain over baseline', format: fmt },
              { field: 'cost_million', type: 'quantitative' as const, title: 'Extra cost (¥M)', format: ',.2f' },
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
    ...SPEC_BASE,
    title: {
      text: opts.title ?? `Outcome gained per million yuan spent, ${year}`,
      subtitle: 'Difference from baseline at the horizon ÷ extra cumulative policy cost; line: 95% interval',
      offset: 12,
    },
    hconcat: panels,
    resolve: { scale: { color: 'shared', x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}

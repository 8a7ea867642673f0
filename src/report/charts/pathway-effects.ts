/** Chart: paired differences from the baseline with 95% intervals at the horizon, one panel per main outcome. */
import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonRow } from '../../experiment/types.js';
import { reportOutcomes } from '../metric-info.js';
import { labelOrder, resolveChartOptions, scenarioColorChannel, specBase, withLabels, type ChartOptions } from './chart-options.js';
import { horizonYear } from './horizon.js';

/** Which effects to show. */
export interface PathwayEffectsOptions extends ChartOptions {
  /** Year to read effects at (default: the latest year in the rows). */
  year?: number;
  /** Metrics, one panel each (default: the report's main outcomes present in the rows). */
  metrics?: readonly string[];
}

/** Paired difference scenario − baseline with its 95% interval at one year, one panel per metric; the baseline is not drawn. */
export function pathwayEffectsSpec(comparison: readonly ComparisonRow[], options?: PathwayEffectsOptions): TopLevelSpec {
  const year = options?.year ?? horizonYear(comparison);
  const opts = resolveChartOptions({ width: 420, ...options }, [...new Set(comparison.map((r) => r.scenario))]);
  const baseline = opts.baseline;
  const rows = comparison.filter((r) => r.year === year && r.scenario !== baseline && Number.isFinite(r.diff));
  const metrics = options?.metrics ?? reportOutcomes(opts.catalog).filter((m) => rows.some((r) => r.metric === m));
  const baseLabel = baseline !== undefined ? opts.label(baseline) : opts.m.scenarioTable.baselineMark;
  const m = opts.m.charts.effects;
  const panels = metrics.map((metric) => {
    const info = opts.catalog.info(metric);
    const k = info.share ? 100 : 1; // shares: differences in percentage points
    const values = withLabels(rows.filter((r) => r.metric === metric).map((r) => ({
      scenario: r.scenario, diff: k * r.diff, low: k * r.diff_ci_low, high: k * r.diff_ci_high,
      ...(Number.isFinite(r.p_better) ? { p_better: r.p_better } : {}),
    })), opts);
    const present = values.map((v) => v.scenario);
    const color = { ...scenarioColorChannel(opts, present), legend: null };
    const unit = info.share ? opts.m.ppAxis : info.unit;
    const x = { type: 'quantitative' as const, title: m.axis(baseLabel, unit) };
    const y = { field: 'label', type: 'nominal' as const, title: null, sort: labelOrder(opts, present) };
    return {
      title: { text: info.label, anchor: 'start' as const, fontSize: 13 },
      width: opts.width,
      height: { step: 24 },
      layer: [
        { data: { values: [{ zero: 0 }] }, mark: { type: 'rule' as const, color: '#888888', strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'zero' } } },
        {
          data: { values },
          mark: { type: 'rule' as const, strokeWidth: 2 },
          encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, y, color },
        },
        {
          data: { values },
          mark: { type: 'point' as const, filled: true, size: 70, opacity: 1 },
          encoding: {
            x: { ...x, field: 'diff' },
            y,
            color,
            tooltip: [
              { field: 'label', type: 'nominal' as const, title: opts.m.charts.scenario },
              { field: 'diff', type: 'quantitative' as const, title: m.diff, format: '+,.2f' },
              { field: 'low', type: 'quantitative' as const, title: m.low, format: '+,.2f' },
              { field: 'high', type: 'quantitative' as const, title: m.high, format: '+,.2f' },
              ...(info.direction !== 0 ? [{ field: 'p_better', type: 'quantitative' as const, title: m.betterIn, format: '.0%' }] : []),
            ],
          },
        },
      ],
    };
  });
  return {
    ...specBase(opts.lang),
    title: { text: opts.title ?? m.title(year, baseLabel), subtitle: m.subtitle, offset: 12 },
    vconcat: panels,
    resolve: { scale: { color: 'shared', x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}

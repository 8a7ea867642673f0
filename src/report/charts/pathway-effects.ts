/** Chart: paired differences from baseline with 95% intervals at the horizon, one panel per main outcome. */
import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonRow } from '../../experiment/types.js';
import { reportOutcomes } from '../metric-info.js';
import { resolveChartOptions, scenarioColorChannel, SPEC_BASE, type ChartOptions } from './chart-options.js';
import { horizonYear } from './horizon.js';

/** Which effects to show. */
export interface PathwayEffectsOptions extends ChartOptions {
  /** Year to read effects at (default: the latest year in the rows). */
  year?: number;
  /** Metrics, one panel each (default: the report's main outcomes present in the rows). */
  metrics?: readonly string[];
  /** The reference scenario, left out of the panels (default "baseline"). */
  baseline?: string;
}

/** Paired difference scenario − baseline with its 95% interval at one year, one panel per metric. */
export function pathwayEffectsSpec(comparison: readonly ComparisonRow[], options?: PathwayEffectsOptions): TopLevelSpec {
  const year = options?.year ?? horizonYear(comparison);
  const baseline = options?.baseline ?? 'baseline';
  const rows = comparison.filter((r) => r.year === year && r.scenario !== baseline);
  const opts = resolveChartOptions({ width: 420, ...options }, [...new Set(comparison.map((r) => r.scenario))]);
  const metrics = options?.metrics ?? reportOutcomes(opts.catalog).filter((m) => rows.some((r) => r.metric === m));
  const color = scenarioColorChannel(opts.colors);
  const panels = metrics.map((metric) => {
    const info = opts.catalog.info(metric);
    const k = info.share ? 100 : 1; // shares: differences in percentage points
    const values = rows.filter((r) => r.metric === metric).map((r) => ({
      scenario: r.scenario, diff: k * r.diff, low: k * r.diff_ci_low, high: k * r.diff_ci_high, p_better: r.p_better,
    }));
    const present = opts.scenarios.filter((s) => values.some((v) => v.scenario === s));
    const unit = info.share ? 'percentage points' : info.unit;
    const x = {
      type: 'quantitative' as const,
      title: `Difference from ${baseline} (${unit})`,
    };
    const y = { field: 'scenario', type: 'nominal' as const, title: null, sort: present };
    return {
      title: { text: info.label, anchor: 'start' as const, fontSize: 13 },
      width: opts.width,
      height: { step: 22 },
      layer: [
        { data: { values: [{ zero: 0 }] }, mark: { type: 'rule' as const, color: '#888888', strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'zero' } } },
        {
          data: { values },
          mark: { type: 'rule' as const, strokeWidth: 2 },
          encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, y, color },
        },
        {
          data: { values },
          mark: { type: 'point' as const, filled: true, size: 60 },
          encoding: {
            x: { ...x, field: 'diff' },
            y,
            color,
            tooltip: [
              { field: 'scenario', type: 'nominal' as const, title: 'Scenario' },
              { field: 'diff', type: 'quantitative' as const, title: 'Difference', format: '+,.2f' },
              { field: 'low', type: 'quantitative' as const, title: '95% CI low', format: '+,.2f' },
              { field: 'high', type: 'quantitative' as const, title: '95% CI high', format: '+,.2f' },
              { field: 'p_better', type: 'quantitative' as const, title: 'Better in', format: '.0%' },
            ],
          },
        },
      ],
    };
  });
  return {
    ...SPEC_BASE,
    title: {
      text: opts.title ?? `Effects of each pathway in ${year}, relative to ${baseline}`,
      subtitle: 'Point: mean paired difference across replicates; line: 95% confidence interval',
      offset: 12,
    },
    vconcat: panels,
    resolve: { scale: { color: 'shared', x: 'independent' } },
  } as TopLevelSpec;
}

/** Charts of a sensitivity analysis: Morris μ* per parameter, Sobol S1/ST per parameter, one panel per outcome. */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityRow } from '../../experiment/sensitivity-run.js';
import { TALENT_CATALOG } from '../metric-info.js';
import { SPEC_BASE, type ChartOptions } from './chart-options.js';

/** Options of the sensitivity charts. */
export interface SensitivityChartOptions extends Omit<ChartOptions, 'scenarios'> {
  /** Parameters shown per outcome, most influential first (default 15). */
  top?: number;
}

/** A panel's title: the outcome's label, or "… — effect of PATHWAY" when the rows analyse a pathway's paired effect. */
function effectTitle(label: string, rows: readonly SensitivityRow[], outcome: string): string {
  const of = rows.find((r) => r.outcome === outcome)?.effect_of;
  return of ? `${label} — effect of ${of} (pathway − baseline)` : label;
}

function outcomesIn(rows: readonly SensitivityRow[]): string[] {
  return [...new Set(rows.map((r) => r.outcome))];
}

/** The `top` parameters of one outcome by the value of `index`, largest first (ties by parameter order). */
function topParameters(rows: readonly SensitivityRow[], outcome: string, index: string, top: number): string[] {
  return rows
    .filter((r) => r.outcome === outcome && r.index === index)
    .map((r, i) => ({ p: r.parameter, v: Number.isFinite(r.value) ? r.value : -Infinity, i }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .slice(0, top)
    .map((x) => x.p);
}

/**
 * Morris screening: horizontal bars of μ* (mean absolute elementary effect, per whole parameter range) for
 * the most influential parameters of each outcome, with bootstrap 95% intervals as rules and σ in the tooltip.
 */
export function morrisChartSpec(rows: readonly SensitivityRow[], options?: SensitivityChartOptions): TopLevelSpec {
  const top = options?.top ?? 15;
  const morris = rows.filter((r) => r.method === 'morris');
  const panels = outcomesIn(morris).map((outcome) => {
    const info = (options?.catalog ?? TALENT_CATALOG).info(outcome);
    const k = info.share ? 100 : 1;
    const params = topParameters(morris, outcome, 'mu_star', top);
    const find = (p: string, index: string) => morris.find((r) => r.outcome === outcome && r.parameter === p && r.index === index);
    const values = params.map((p) => {
      const ms = find(p, 'mu_star')!;
      return {
        parameter: p,
        mu_star: k * ms.value,
        low: ms.ci_low === null ? null : k * ms.ci_low,
        high: ms.ci_high === null ? null : k * ms.ci_high,
        mu: k * (find(p, 'mu')?.value ?? NaN),
        sigma: k * (find(p, 'sigma')?.value ?? NaN),
      };
    });
    const unit = info.share ? 'percentage points' : info.unit;
    const y = { field: 'parameter', type: 'nominal' as const, title: null, sort: params };
    const x = { type: 'quantitative' as const, title: `μ* (${unit} per full parameter range)` };
    return {
      title: { text: effectTitle(info.label, rows, outcome), anchor: 'start' as const, fontSize: 13 },
      width: options?.width ?? 420,
      height: { step: 18 },
      data: { values },
      layer: [
        {
          mark: { type: 'bar' as const, color: '#0072B2' },
          encoding: {
            x: { ...x, field: 'mu_star' },
            y,
            tooltip: [
              { field: 'parameter', type: 'nominal' as const, title: 'Parameter' },
              { field: 'mu_star', type: 'quantitative' as const, title: 'μ*', format: ',.3g' },
              { field: 'mu', type: 'quantitative' as const, title: 'μ', format: ',.3g' },
              { field: 'sigma', type: 'quantitative' as const, title: 'σ', format: ',.3g' },
            ],
          },
        },
        {
          transform: [{ filter: 'datum.low != null' }],
          mark: { type: 'rule' as const, color: '#333333' },
          encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, y },
        },
      ],
    };
  });
  return {
    ...SPEC_BASE,
    title: {
      text: options?.title ?? 'Morris screening: which parameters move the outcomes at the horizon',
      subtitle: `Bar: μ* (mean absolute elementary effect); line: bootstrap 95% interval; top ${top} parameters per outcome`,
      offset: 12,
    },
    vconcat: panels,
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}

/** Sobol indices: first-order (S1) and total (ST) bars side by side per parameter, with bootstrap 95% intervals. */
export function sobolChartSpec(rows: readonly SensitivityRow[], options?: SensitivityChartOptions): TopLevelSpec {
  const top = options?.top ?? 15;
  const sobol = rows.filter((r) => r.method === 'sobol');
  const panels = outcomesIn(sobol).map((outcome) => {
    const params = topParameters(sobol, outcome, 'ST', top);
    const values = sobol
      .filter((r) => r.outcome === outcome && params.includes(r.parameter))
      .map((r) => ({ parameter: r.parameter, index: r.index, value: r.value, low: r.ci_low, high: r.ci_high }));
    const y = { field: 'parameter', type: 'nominal' as const, title: null, sort: params };
    const x = { type: 'quantitative' as const, title: 'Share of output variance' };
    const color = { field: 'index', type: 'nominal' as const, title: 'Index', scale: { domain: ['S1', 'ST'], range: ['#56B4E9', '#0072B2'] } };
    return {
      title: { text: effectTitle((options?.catalog ?? TALENT_CATALOG).info(outcome).label, rows, outcome), anchor: 'start' as const, fontSize: 13 },
      width: options?.width ?? 420,
      height: { step: 26 },
      data: { values },
      layer: [
        {
          mark: { type: 'bar' as const },
          encoding: {
            x: { ...x, field: 'value' }, y, color, yOffset: { field: 'index' },
            tooltip: [
              { field: 'parameter', type: 'nominal' as const },
              { field: 'index', type: 'nominal' as const },
              { field: 'value', type: 'quantitative' as const, format: '.3f' },
              { field: 'low', type: 'quantitative' as const, title: '95% low', format: '.3f' },
              { field: 'high', type: 'quantitative' as const, title: '95% high', format: '.3f' },
            ],
          },
        },
        {
          transform: [{ filter: 'datum.low != null' }],
          mark: { type: 'rule' as const, color: '#333333' },
          encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, y, yOffset: { field: 'index' } },
        },
      ],
    };
  });
  return {
    ...SPEC_BASE,
    title: {
      text: options?.title ?? 'Sobol indices: shares of outcome variance due to each parameter',
      subtitle: `S1: alone; ST: including interactions; line: bootstrap 95% interval; top ${top} parameters by ST`,
      offset: 12,
    },
    vconcat: panels,
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}

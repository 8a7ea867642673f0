/**
 * Charts of policy design: the dose-response of single levers (effect against spend, one panel per outcome,
 * one line per lever, 95% band) and the budget frontier (objective against budget, one line per pathway,
 * 95% band). Both read the rows the analyses write (dose-response.csv, frontier.csv), never model state.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { DoseResponseRow } from '../../talent/policy/dose-response.js';
import { LEVER_INDEX } from '../../model/levers.js';
import { scenarioColors } from '../colors.js';
import { TALENT_CATALOG } from '../metric-info.js';
import { SPEC_BASE, type ChartOptions } from './chart-options.js';

/** Effect against spend per village and year, one panel per outcome, one line per lever with its 95% band. */
export function doseResponseChartSpec(rows: readonly DoseResponseRow[], options?: ChartOptions): TopLevelSpec {
  const catalog = options?.catalog ?? TALENT_CATALOG;
  const outcomes = [...new Set(rows.map((r) => r.outcome))];
  const values = rows.map((r) => ({
    ...r,
    lever: LEVER_INDEX.get(r.lever)?.label.en ?? r.lever,
    outcomeLabel: `${catalog.info(r.outcome).label}${catalog.info(r.outcome).share ? ' (percentage points)' : ''}`,
    scale: catalog.info(r.outcome).share ? 100 : 1,
  }));
  const scaled = values.map((v) => ({ ...v, effect: v.effect * v.scale, ci_low: v.ci_low * v.scale, ci_high: v.ci_high * v.scale }));
  // Thirteen levers: a 20-colour scheme, so no two share a colour.
  const color = {
    field: 'lever', type: 'nominal' as const, title: 'Lever', scale: { scheme: 'tableau20' },
    legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
  };
  const bandColor = color;
  // Spends range from a few thousand yuan (per-village levers) to a million (per-recipient levers at their
  // maximum): a symmetric-log axis keeps both readable and 0 on the axis.
  const x = {
    field: 'spend', type: 'quantitative' as const, title: 'Spend, yuan per village per year (symmetric log scale)',
    scale: { type: 'symlog' as const, constant: 1000 },
    axis: {
      values: [0, 1000, 3000, 10000, 30000, 100000, 300000, 1000000],
      labelExpr: "datum.value >= 1e6 ? datum.value / 1e6 + 'M' : datum.value >= 1000 ? datum.value / 1000 + 'k' : datum.value",
    },
  };
  return {
    ...SPEC_BASE,
    title: {
      text: options?.title ?? 'Dose-response: effect of each lever against what it costs',
      subtitle: 'Paired difference to the baseline at the horizon (common random numbers), 95% interval; spend as billed by the model',
      offset: 12,
    },
    data: { values: scaled },
    facet: { field: 'outcomeLabel', type: 'nominal' as const, title: null, sort: outcomes.map((o) => `${catalog.info(o).label}${catalog.info(o).share ? ' (percentage points)' : ''}`) },
    columns: 2,
    resolve: { scale: { y: 'independent' as const } },
    spec: {
      width: options?.width ?? 300,
      height: options?.height ?? 200,
      layer: [
        { mark: { type: 'area' as const, opacity: 0.12 }, encoding: { x, y: { field: 'ci_low', type: 'quantitative' as const, title: 'Effect' }, y2: { field: 'ci_high' }, color: bandColor } },
        {
          mark: { type: 'line' as const, point: true, strokeWidth: 2 },
          encoding: {
            x, y: { field: 'effect', type: 'quantitative' as const, title: 'Effect' }, color,
            tooltip: [
              { field: 'lever', type: 'nominal' as const }, { field: 'value', type: 'quantitative' as const },
              { field: 'spend', type: 'quantitative' as const, format: ',.0f' }, { field: 'effect', type: 'quantitative' as const, format: '.3f' },
              { field: 'ci_low', type: 'quantitative' as const, format: '.3f' }, { field: 'ci_high', type: 'quantitative' as const, format: '.3f' },
            ],
          },
        },
        { mark: { type: 'rule' as const, strokeDash: [3, 3], color: '#888' }, encoding: { y: { datum: 0 } } },
      ],
    },
  };
}

/** A frontier point as the chart reads it (a row of frontier.csv). */
export interface FrontierChartRow {
  pathway: string;
  budget: number;
  spend: number;
  mean: number;
  ci_low: number;
  ci_high: number;
}

/** The objective against the budget per village and year, one line per pathway with its 95% band. */
export function frontierChartSpec(rows: readonly FrontierChartRow[], objective: string, options?: ChartOptions): TopLevelSpec {
  const catalog = options?.catalog ?? TALENT_CATALOG;
  const info = catalog.info(objective);
  const pathways = [...new Set(rows.map((r) => r.pathway))];
  const colors = scenarioColors(pathways);
  const color = {
    field: 'pathway', type: 'nominal' as const, title: 'Pathway (best mix)', scale: { domain: colors.domain, range: colors.range },
    legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
  };
  const bandColor = color;
  const x = { field: 'budget', type: 'quantitative' as const, title: 'Budget, yuan per village per year', axis: { format: ',.0f' } };
  const yAxis = info.share ? { format: '.0%' } : {};
  return {
    ...SPEC_BASE,
    title: {
      text: options?.title ?? `Budget frontier: ${info.label} at the horizon, best lever mix of each pathway`,
      subtitle: 'Each point re-evaluated on fresh replicates after the search (95% interval); spend measured in the model',
      offset: 12,
    },
    width: options?.width ?? 520,
    height: options?.height ?? 320,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      { mark: { type: 'area' as const, opacity: 0.12 }, encoding: { x, y: { field: 'ci_low', type: 'quantitative' as const, title: info.label, axis: yAxis, scale: { zero: false } }, y2: { field: 'ci_high' }, color: bandColor } },
      {
        mark: { type: 'line' as const, point: true, strokeWidth: 2 },
        encoding: {
          x, y: { field: 'mean', type: 'quantitative' as const, title: info.label, axis: yAxis, scale: { zero: false } }, color,
          tooltip: [
            { field: 'pathway', type: 'nominal' as const }, { field: 'budget', type: 'quantitative' as const, format: ',.0f' },
            { field: 'spend', type: 'quantitative' as const, format: ',.0f', title: 'measured spend' },
            { field: 'mean', type: 'quantitative' as const, format: info.share ? '.1%' : ',.2f' },
          ],
        },
      },
    ],
  };
}

/** Chart of a robustness analysis: per pathway and outcome, the share of parameter draws it wins. */
import type { TopLevelSpec } from 'vega-lite';
import type { RobustnessRow } from '../../experiment/robustness.js';
import { orderScenarios } from '../colors.js';
import { messagesFor } from '../i18n/index.js';
import { TALENT_CATALOG } from '../metric-info.js';
import { specBase, type ChartOptions } from './chart-options.js';

/**
 * Heat map of win shares: rows are scenarios, columns outcomes, one panel for "beats baseline" and one for
 * "ranks first"; each cell is labelled with its percentage.
 */
export function robustnessChartSpec(rows: readonly RobustnessRow[], options?: ChartOptions): TopLevelSpec {
  const base = rows.find((r) => r.beats_baseline === null)?.scenario;
  const scenarios = orderScenarios(options?.scenarios ?? [...new Set(rows.map((r) => r.scenario))], options?.baseline ?? base);
  const catalog = options?.catalog ?? TALENT_CATALOG;
  const lang = options?.lang ?? catalog.lang;
  const m = messagesFor(lang).robustness;
  const label = (s: string) => options?.labels?.[s] ?? s;
  const outcomes = [...new Set(rows.map((r) => r.outcome))].map((o) => catalog.info(o).label);
  const values: { scenario: string; outcome: string; measure: string; share: number; draws: number }[] = [];
  for (const r of rows) {
    const outcome = catalog.info(r.outcome).label;
    if (r.beats_baseline !== null) values.push({ scenario: label(r.scenario), outcome, measure: m.beats, share: r.beats_baseline, draws: r.draws });
    values.push({ scenario: label(r.scenario), outcome, measure: m.first, share: r.ranks_first, draws: r.draws });
  }
  const draws = rows.length ? rows[0].draws : 0;
  const encoding = {
    x: { field: 'outcome', type: 'nominal' as const, title: null, sort: outcomes, axis: { labelAngle: -30 } },
    y: { field: 'scenario', type: 'nominal' as const, title: null, sort: scenarios.map(label) },
  };
  return {
    ...specBase(lang),
    title: {
      text: options?.title ?? m.chartTitle,
      subtitle: m.chartSubtitle(draws),
      offset: 12,
    },
    data: { values },
    facet: { column: { field: 'measure', type: 'nominal' as const, title: null, sort: [m.beats, m.first] } },
    spec: {
      width: options?.width ?? 260,
      height: { step: 28 },
      layer: [
        {
          mark: { type: 'rect' as const },
          encoding: {
            ...encoding,
            color: { field: 'share', type: 'quantitative' as const, title: m.shareOfDraws, scale: { domain: [0, 1], scheme: 'blues' }, legend: { format: '.0%' } },
            tooltip: [
              { field: 'scenario', type: 'nominal' as const },
              { field: 'outcome', type: 'nominal' as const },
              { field: 'measure', type: 'nominal' as const },
              { field: 'share', type: 'quantitative' as const, format: '.0%' },
            ],
          },
        },
        {
          mark: { type: 'text' as const, fontSize: 11 },
          encoding: {
            ...encoding,
            text: { field: 'share', type: 'quantitative' as const, format: '.0%' },
            color: { condition: { test: 'datum.share > 0.6', value: 'white' }, value: 'black' },
          },
        },
      ],
    },
  } as TopLevelSpec;
}

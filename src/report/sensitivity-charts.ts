/** Writing the charts of a sensitivity or robustness analysis as SVG and PNG with the report's renderer. */
import type { TopLevelSpec } from 'vega-lite';
import type { RobustnessRow } from '../experiment/robustness.js';
import type { SensitivityRow } from '../experiment/sensitivity-run.js';
import { robustnessChartSpec } from './charts/robustness.js';
import { morrisChartSpec, sobolChartSpec, type SensitivityChartOptions } from './charts/sensitivity.js';
import { renderCharts, type RenderedChart } from './render.js';

export { morrisChartSpec, sobolChartSpec, type SensitivityChartOptions } from './charts/sensitivity.js';
export { robustnessChartSpec } from './charts/robustness.js';

/** The chart specs of sensitivity rows: `morris-mu-star` and/or `sobol-indices`, by the methods present. */
export function sensitivitySpecs(rows: readonly SensitivityRow[], options?: SensitivityChartOptions): Record<string, TopLevelSpec> {
  const specs: Record<string, TopLevelSpec> = {};
  if (rows.some((r) => r.method === 'morris')) specs['morris-mu-star'] = morrisChartSpec(rows, options);
  if (rows.some((r) => r.method === 'sobol')) specs['sobol-indices'] = sobolChartSpec(rows, options);
  return specs;
}

/** Renders the sensitivity charts to `dir/charts/*.svg|png` (atomically); returns the files. */
export async function writeSensitivityCharts(dir: string, rows: readonly SensitivityRow[], options?: SensitivityChartOptions): Promise<RenderedChart[]> {
  return renderCharts(sensitivitySpecs(rows, options), dir);
}

/** Renders the robustness win-share chart to `dir/charts/robustness-wins.svg|png`; returns the files. */
export async function writeRobustnessCharts(dir: string, rows: readonly RobustnessRow[]): Promise<RenderedChart[]> {
  return renderCharts({ 'robustness-wins': robustnessChartSpec(rows) }, dir);
}

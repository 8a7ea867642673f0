/** Writing the charts of policy design (dose-response, budget frontier) as SVG and PNG with the report's renderer. */
import type { DoseResponseRow } from '../talent/policy/dose-response.js';
import { doseResponseChartSpec, frontierChartSpec, type FrontierChartRow } from './charts/policy-design.js';
import { renderCharts, type RenderedChart } from './render.js';

export { doseResponseChartSpec, frontierChartSpec, type FrontierChartRow } from './charts/policy-design.js';

/** Renders `dir/charts/dose-response.svg|png`; returns the files. */
export async function writeDoseResponseChart(dir: string, rows: readonly DoseResponseRow[]): Promise<RenderedChart[]> {
  return renderCharts({ 'dose-response': doseResponseChartSpec(rows) }, dir);
}

/** Renders `dir/charts/frontier.svg|png`; returns the files. */
export async function writeFrontierChart(dir: string, rows: readonly FrontierChartRow[], objective: string): Promise<RenderedChart[]> {
  return renderCharts({ frontier: frontierChartSpec(rows, objective) }, dir);
}

/** Rebuilds charts and report of a finished run folder from its tidy files alone. */
import { writeReport } from './html.js';
import { readOutputs } from './read-outputs.js';
import { renderCharts, type RenderedChart } from './render.js';
import type { ReportInputs } from './report-inputs.js';
import { reportSpecs } from './report-specs.js';

/** What rebuildReport wrote. */
export interface RebuiltReport {
  report: string;
  charts: RenderedChart[];
}

/** Reads `dir`'s series.csv, comparison.csv, manifest.json and summary.json; rewrites `dir/charts/*` and `dir/report.html`. */
export async function rebuildReport(dir: string, options?: Partial<Pick<ReportInputs, 'title' | 'horizon' | 'funnelYears'>>): Promise<RebuiltReport> {
  const out = await readOutputs(dir);
  const inputs: ReportInputs = { ...options, series: out.series, comparison: out.comparison, scenarios: out.scenarios, manifest: out.manifest };
  const specs = reportSpecs(inputs);
  const charts = await renderCharts(specs, dir);
  const report = await writeReport(dir, { ...inputs, specs });
  return { report, charts };
}

/** Rebuilds charts and report of a finished run folder from its tidy files alone (metric facts from its manifest). */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { RobustnessRow } from '../experiment/robustness.js';
import { robustnessChartSpec } from './charts/robustness.js';
import { OUTPUT_FILES } from '../experiment/layout.js';
import { parseBestCsv } from './best-section.js';
import { writeReport, writeRobustnessReport } from './html.js';
import { metricCatalog } from './metric-info.js';
import { manifestMetrics, readOutputs, readRobustness } from './read-outputs.js';
import { renderCharts, type RenderedChart } from './render.js';
import type { ReportInputs, ReportManifest } from './report-inputs.js';
import { reportSpecs } from './report-specs.js';

/** What rebuildReport wrote. */
export interface RebuiltReport {
  report: string;
  charts: RenderedChart[];
}

/** Options of {@link rebuildReport}. */
export interface RebuildOptions extends Partial<Pick<ReportInputs, 'title' | 'horizon' | 'funnelYears'>> {
  /** A robustness output folder whose robustness.csv adds the "How robust is the ranking?" section (default: `dir/robustness` if it has one). */
  robustnessDir?: string;
}

/** The robustness rows for a report of `dir`: from `robustnessDir` (must exist) or, by convention, `dir/robustness`. */
async function robustnessRowsFor(dir: string, robustnessDir?: string): Promise<RobustnessRow[] | undefined> {
  if (robustnessDir !== undefined) return readRobustness(robustnessDir);
  const conventional = join(dir, 'robustness');
  return existsSync(join(conventional, 'robustness.csv')) ? readRobustness(conventional) : undefined;
}

/**
 * Reads `dir`'s series.csv, comparison.csv, manifest.json and summary.json (and robustness.csv, see
 * {@link RebuildOptions.robustnessDir}); rewrites `dir/charts/*` and `dir/report.html`.
 */
export async function rebuildReport(dir: string, options?: RebuildOptions): Promise<RebuiltReport> {
  const { robustnessDir, ...rest } = options ?? {};
  const [out, robustness] = await Promise.all([readOutputs(dir), robustnessRowsFor(dir, robustnessDir)]);
  const bestPath = join(dir, OUTPUT_FILES.best);
  const best = existsSync(bestPath) ? parseBestCsv(await readFile(bestPath, 'utf8')) : undefined;
  const inputs: ReportInputs = {
    ...rest, series: out.series, comparison: out.comparison, scenarios: out.scenarios, manifest: out.manifest,
    ...(out.metrics ? { metrics: out.metrics } : {}),
    ...(best ? { best, posterior: out.manifest.posterior !== undefined } : {}),
  };
  const specs = reportSpecs(inputs);
  const catalog = metricCatalog(inputs.metrics);
  const robustSpecs: Record<string, TopLevelSpec> = robustness?.length ? { 'robustness-wins': robustnessChartSpec(robustness, { catalog }) } : {};
  const charts = await renderCharts({ ...specs, ...robustSpecs }, dir);
  const report = await writeReport(dir, { ...inputs, specs, robustness });
  return { report, charts };
}

/** A scan manifest lists every scenario × draw in full; the report shows their names only. */
function compactManifest(manifest: ReportManifest): ReportManifest {
  const list = manifest.scenarios;
  if (!Array.isArray(list)) return manifest;
  return { ...manifest, scenarios: list.map((s: unknown) => (s && typeof s === 'object' && 'name' in s ? String((s as { name: unknown }).name) : s)) };
}

/** Reads `dir/robustness.csv` and `dir/manifest.json` (if present) and writes `dir/report.html` with the robustness section alone. */
export async function rebuildRobustnessReport(dir: string, options?: { title?: string }): Promise<string> {
  const rows = await readRobustness(dir);
  const manifestPath = join(dir, 'manifest.json');
  const full = existsSync(manifestPath) ? (JSON.parse(await readFile(manifestPath, 'utf8')) as ReportManifest) : {};
  const metrics = manifestMetrics(full, manifestPath);
  return writeRobustnessReport(dir, { rows, manifest: compactManifest(full), title: options?.title, ...(metrics ? { metrics } : {}) });
}

/** Rebuilds charts, report and summaries of a finished run folder from its tidy files alone (metric facts from its manifest). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { RobustnessRow } from '../experiment/robustness.js';
import { robustnessChartSpec } from './charts/robustness.js';
import { verifyOutputs } from '../experiment/integrity.js';
import { OUTPUT_FILES } from '../experiment/layout.js';
import { parseBestCsv } from './best-section.js';
import { reportContext } from './context.js';
import { writeReport, writeRobustnessReport, writeSummaries } from './html.js';
import type { Lang } from './i18n/index.js';
import { manifestMetrics, readOutputFile, readOutputs, readRobustness } from './read-outputs.js';
import { renderCharts, type RenderedChart } from './render.js';
import type { ReportInputs, ReportManifest } from './report-inputs.js';
import { contextSpecs } from './report-specs.js';

/** What rebuildReport wrote. */
export interface RebuiltReport {
  report: string;
  /** summary.en.html and summary.zh.html. */
  summaries: string[];
  charts: RenderedChart[];
}

/** Options of {@link rebuildReport}. */
export interface RebuildOptions extends Partial<Pick<ReportInputs, 'title' | 'horizon' | 'funnelYears' | 'lang' | 'baseline' | 'startupYears' | 'sections'>> {
  /** A robustness output folder whose robustness.csv adds the "How robust is the ranking?" section (default: `dir/robustness` if it has one). */
  robustnessDir?: string;
  /** Folders searched for the chart fonts (default /usr/share/fonts and /usr/local/share/fonts). */
  fontDirs?: readonly string[];
}

/** The robustness rows for a report of `dir`: from `robustnessDir` (must exist) or, by convention, `dir/robustness`. */
async function robustnessRowsFor(dir: string, robustnessDir?: string): Promise<RobustnessRow[] | undefined> {
  if (robustnessDir !== undefined) return readRobustness(robustnessDir);
  const conventional = join(dir, 'robustness');
  return existsSync(join(conventional, 'robustness.csv')) ? readRobustness(conventional) : undefined;
}

/**
 * Reads `dir`'s series.csv, comparison.csv, manifest.json and summary.json (and robustness.csv, see
 * {@link RebuildOptions.robustnessDir}); rewrites `dir/charts/*`, `dir/report.html` and the one-page
 * summaries `dir/summary.en.html` and `dir/summary.zh.html`. The report's language is `lang`, else the
 * baseline scenario's `lang`, else English.
 */
export async function rebuildReport(dir: string, options?: RebuildOptions): Promise<RebuiltReport> {
  const { robustnessDir, fontDirs, ...rest } = options ?? {};
  const [out, robustness] = await Promise.all([readOutputs(dir), robustnessRowsFor(dir, robustnessDir)]);
  const bestPath = join(dir, OUTPUT_FILES.best);
  if (existsSync(bestPath)) await verifyOutputs(dir, [OUTPUT_FILES.best]);
  const best = existsSync(bestPath) ? parseBestCsv(await readOutputFile(dir, OUTPUT_FILES.best)) : undefined;
  const inputs: ReportInputs = {
    ...(out.baseline !== undefined ? { baseline: out.baseline } : {}),
    ...rest, series: out.series, comparison: out.comparison, scenarios: out.scenarios, manifest: out.manifest,
    ...(out.metrics ? { metrics: out.metrics } : {}),
    ...(robustness ? { robustness } : {}),
    ...(best ? { best, posterior: out.manifest.posterior !== undefined } : {}),
  };
  const ctx = reportContext(inputs);
  const specs = contextSpecs(ctx);
  const robustSpecs: Record<string, TopLevelSpec> = robustness?.length
    ? { 'robustness-wins': robustnessChartSpec(robustness, { catalog: ctx.catalog, lang: ctx.lang, labels: ctx.chartOptions.labels }) }
    : {};
  const charts = await renderCharts({ ...specs, ...robustSpecs }, dir, fontDirs ? { fontDirs } : undefined);
  const report = await writeReport(dir, { ...inputs, lang: ctx.lang, specs });
  const summaries = await writeSummaries(dir, inputs);
  return { report, summaries, charts };
}

/** A scan manifest lists every scenario × draw in full; the report shows their names only. */
function compactManifest(manifest: ReportManifest): ReportManifest {
  const list = manifest.scenarios;
  if (!Array.isArray(list)) return manifest;
  return { ...manifest, scenarios: list.map((s: unknown) => (s && typeof s === 'object' && 'name' in s ? String((s as { name: unknown }).name) : s)) };
}

/** Reads `dir/robustness.csv` and `dir/manifest.json` (if present) and writes `dir/report.html` with the robustness section alone. */
export async function rebuildRobustnessReport(dir: string, options?: { title?: string; lang?: Lang }): Promise<string> {
  const rows = await readRobustness(dir);
  const manifestPath = join(dir, 'manifest.json');
  const full = existsSync(manifestPath) ? (JSON.parse(await readOutputFile(dir, 'manifest.json')) as ReportManifest) : {};
  const metrics = manifestMetrics(full, manifestPath);
  return writeRobustnessReport(dir, {
    rows, manifest: compactManifest(full), title: options?.title,
    ...(options?.lang ? { lang: options.lang } : {}), ...(metrics ? { metrics } : {}),
  });
}

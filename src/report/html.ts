/** The self-contained HTML report: inlined vega builds, every chart, outcome table, manifest and a plain reading. */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { MetricMeta } from '../core/metrics.js';
import type { RobustnessRow } from '../experiment/robustness.js';
import type { ComparisonRow } from '../experiment/types.js';
import { writeFileAtomic } from './atomic-write.js';
import { browserLibs } from './browser-libs.js';
import { horizonYear } from './charts/horizon.js';
import { robustnessChartSpec } from './charts/robustness.js';
import { scenarioColors } from './colors.js';
import { escapeHtml, formatDiff, formatLevel, formatInterval, formatPercent, jsonForScript } from './format.js';
import { metricCatalog, reportOutcomes, scenarioLabel, type MetricCatalog } from './metric-info.js';
import { readingOf } from './reading.js';
import type { ReportInputs, ReportManifest } from './report-inputs.js';
import { REPORT_CHARTS, reportScenarioNames, reportSpecs } from './report-specs.js';
import { robustnessSectionHtml } from './robustness-section.js';
import { bestSectionHtml } from './best-section.js';

const DEFAULT_TITLE = 'talentsim report: renewal of village Party branches';

/** No network at all: scripts and styles inline only, images from data: URLs. vega needs eval for its expressions. */
const CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:";

const STYLE = `
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1100px; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
table { border-collapse: collapse; margin: 1em 0; font-size: .92em; }
th, td { border: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th { background: #f4f4f4; }
td.scenario { white-space: nowrap; }
.chart { margin: 1em 0; min-height: 60px; }
.caption { color: #555; font-size: .92em; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .4em; vertical-align: -0.1em; border-radius: 2px; }
code { font-size: .9em; }
`;

/** Comparison rows of the main outcomes at the horizon, grouped by metric in display order. */
function outcomeRows(comparison: readonly ComparisonRow[], year: number, order: readonly string[], catalog: MetricCatalog): ComparisonRow[] {
  const rank = (s: string) => {
    const i = order.indexOf(s);
    return i < 0 ? order.length : i;
  };
  return reportOutcomes(catalog).flatMap((m) =>
    comparison.filter((r) => r.metric === m && r.year === year).sort((a, b) => rank(a.scenario) - rank(b.scenario)),
  );
}

/** The table of main outcomes at the horizon: mean [95% CI], difference from baseline [95% CI], share better. */
function outcomeTableHtml(comparison: readonly ComparisonRow[], year: number, order: readonly string[], catalog: MetricCatalog): string {
  const rows = outcomeRows(comparison, year, order, catalog);
  if (rows.length === 0) return '<p>No comparison rows at the horizon.</p>';
  const body = rows.map((r, i) => {
    const info = catalog.info(r.metric);
    const first = i === 0 || rows[i - 1].metric !== r.metric;
    const span = rows.filter((x) => x.metric === r.metric).length;
    const outcomeCell = first ? `<th scope="rowgroup" rowspan="${span}">${escapeHtml(info.label)}</th>` : '';
    const isBase = r.scenario === 'baseline';
    const diffUnit = info.share ? ' pp' : '';
    return `<tr>${outcomeCell}<td class="scenario">${escapeHtml(r.scenario)}</td>` +
      `<td class="num">${escapeHtml(formatLevel(r.metric, r.mean, catalog))} [${escapeHtml(`${formatLevel(r.metric, r.ci_low, catalog)}, ${formatLevel(r.metric, r.ci_high, catalog)}`)}]</td>` +
      `<td class="num">${isBase ? '—' : `${escapeHtml(formatDiff(r.metric, r.diff, false, catalog) + diffUnit)} [${escapeHtml(formatInterval(r.metric, r.diff_ci_low, r.diff_ci_high, catalog).replace(' to ', ', '))}]`}</td>` +
      `<td class="num">${isBase ? '—' : escapeHtml(formatPercent(r.p_better))}</td><td class="num">${escapeHtml(r.n)}</td></tr>`;
  });
  return `<table class="outcomes"><thead><tr><th>Outcome</th><th>Scenario</th><th>Mean [95% CI]</th>` +
    `<th>Difference from baseline [95% CI]</th><th>Better than baseline in</th><th>Replicates</th></tr></thead>` +
    `<tbody>\n${body.join('\n')}\n</tbody></table>` +
    '<p class="caption">Shares in percent; their differences in percentage points (pp). Differences are paired: same replicate and random numbers under both scenarios. "Better" follows the direction of each outcome (e.g. fewer branches in warning is better).</p>';
}

/** One manifest value as short text (long arrays are cut). */
function manifestValue(v: unknown): string {
  if (Array.isArray(v) && v.length > 20) return `${JSON.stringify(v.slice(0, 20)).slice(0, -1)}, …] (${v.length} in all)`;
  if (typeof v === 'string') return v;
  return JSON.stringify(v) ?? String(v);
}

/** Manifest keys that are inputs of the report rather than facts of the run, left out of its table. */
const NOT_SHOWN = new Set(['metricMetadata']);

/** The manifest as a key/value table, in its own key order. */
function manifestHtml(manifest: ReportManifest): string {
  const rows = Object.entries(manifest).filter(([k]) => !NOT_SHOWN.has(k)).map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td><code>${escapeHtml(manifestValue(v))}</code></td></tr>`);
  return rows.length ? `<table class="manifest">${rows.join('\n')}</table>` : '<p>No manifest.</p>';
}

/** The page shell shared by both reports: head with CSP and style, body text, inlined libraries, chart embedding. */
function pageHtml(title: string, body: string, specs: readonly TopLevelSpec[]): string {
  const libs = browserLibs()
    .map((l) => `<script data-lib="${escapeHtml(l.pkg)}">\n${l.code.replace(/<\/script/gi, '<\\/script')}\n</script>`)
    .join('\n');
  const embed = `
(function () {
  var specs = ${jsonForScript(specs)};
  var done = [];
  specs.forEach(function (spec, i) {
    var el = document.getElementById('chart-' + i);
    done.push(vegaEmbed(el, spec, { actions: false, renderer: 'svg' }).catch(function (err) {
      el.textContent = 'This chart failed to render: ' + err.message;
      console.error(err);
    }));
  });
  Promise.all(done).then(function () { document.body.setAttribute('data-charts-ready', 'true'); });
})();`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
${libs}
<script>${embed}</script>
</body>
</html>
`;
}

/** Builds the report as one self-contained HTML string (no network request when opened). */
export function buildReportHtml(inputs: ReportInputs): string {
  const title = inputs.title ?? DEFAULT_TITLE;
  const year = inputs.horizon ?? horizonYear(inputs.comparison);
  const catalog = metricCatalog(inputs.metrics);
  const specs = reportSpecs(inputs);
  const names = reportScenarioNames(inputs);
  const scale = scenarioColors(names); // the same colours the charts use
  const colorOf = new Map(scale.domain.map((d, i) => [d, scale.range[i]] as const));
  const scenarioRows = inputs.scenarios.map((s) => {
    const c = colorOf.get(s.name);
    const sw = c ? `<span class="swatch" style="background:${escapeHtml(c)}"></span>` : '';
    return `<tr><td>${sw}<strong>${escapeHtml(s.name)}</strong><br>${escapeHtml(scenarioLabel(s.name))}</td><td>${escapeHtml(s.description)}</td></tr>`;
  });
  const reading = readingOf(inputs.comparison, { year, series: inputs.series, catalog });
  const chartNames = Object.keys(specs);
  const chartsHtml = chartNames.map((name, i) => {
    const cap = REPORT_CHARTS[name];
    return `<section class="chart-section"><h3>${escapeHtml(cap?.heading ?? name)}</h3>` +
      (cap ? `<p class="caption">${escapeHtml(cap.caption)}</p>` : '') +
      `<div class="chart" id="chart-${i}" data-chart="${escapeHtml(name)}"></div></section>`;
  });
  const allSpecs = chartNames.map((n) => specs[n]);
  const robust = inputs.robustness?.length ? inputs.robustness : undefined;
  if (robust) allSpecs.push(robustnessChartSpec(robust, { catalog }));
  const body = `<p>Results read at <strong>${escapeHtml(year)}</strong>. ${escapeHtml(names.length)} scenarios; differences are relative to baseline.</p>
<h2>Reading</h2>
${reading.length ? `<ul class="reading">\n${reading.map((s) => `<li>${escapeHtml(s)}</li>`).join('\n')}\n</ul>` : '<p>No comparison rows to read.</p>'}
<h2>Scenarios</h2>
<table class="scenarios"><thead><tr><th>Scenario</th><th>Description</th></tr></thead><tbody>
${scenarioRows.join('\n')}
</tbody></table>
<h2>Main outcomes in ${escapeHtml(year)}</h2>
${outcomeTableHtml(inputs.comparison, year, names, catalog)}
${inputs.best?.length ? bestSectionHtml(inputs.best, { posterior: inputs.posterior, catalog }) : ''}
<h2>Charts</h2>
${chartsHtml.join('\n')}
${robust ? robustnessSectionHtml(robust, `chart-${chartNames.length}`, catalog) : ''}
<h2>Run</h2>
${manifestHtml(inputs.manifest)}`;
  return pageHtml(title, body, allSpecs);
}

/** What the report of a robustness run alone is built from. */
export interface RobustnessReportInputs {
  /** Rows of robustness.csv. */
  rows: readonly RobustnessRow[];
  /** The run manifest, shown as is. */
  manifest: ReportManifest;
  /** Report title (default "talentsim robustness: how robust is the ranking of the pathways?"). */
  title?: string;
  /** Metadata of the outcome metrics (default: the talent model's). */
  metrics?: readonly MetricMeta[];
}

/** Builds the self-contained report of a robustness run: the robustness section and the manifest. */
export function buildRobustnessReportHtml(inputs: RobustnessReportInputs): string {
  const title = inputs.title ?? 'talentsim robustness: how robust is the ranking of the pathways?';
  const catalog = metricCatalog(inputs.metrics);
  const body = `${inputs.rows.length ? robustnessSectionHtml(inputs.rows, 'chart-0', catalog) : '<p>No robustness rows.</p>'}
<h2>Run</h2>
${manifestHtml(inputs.manifest)}`;
  return pageHtml(title, body, inputs.rows.length ? [robustnessChartSpec(inputs.rows, { catalog })] : []);
}

/** Writes the robustness-only report to `dir/report.html` atomically; returns its path. */
export async function writeRobustnessReport(dir: string, inputs: RobustnessReportInputs): Promise<string> {
  const path = join(dir, 'report.html');
  await writeFileAtomic(path, buildRobustnessReportHtml(inputs));
  return path;
}

/** Writes `dir/report.html` atomically; returns its path. */
export async function writeReport(dir: string, inputs: ReportInputs): Promise<string> {
  const path = join(dir, 'report.html');
  await writeFileAtomic(path, buildReportHtml(inputs));
  return path;
}

/**
 * The self-contained HTML report: the summary for decision-makers, the reading, the scenarios, the main
 * outcomes with their cost, every chart (fitted to the width of the screen, with tooltips), the robustness
 * section when there is one, and the run — in English or Chinese. Inlined vega builds, no network request.
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { MetricMeta } from '../core/metrics.js';
import type { RobustnessRow } from '../experiment/robustness.js';
import type { ComparisonRow } from '../experiment/types.js';
import { textIn } from '../scenario/text.js';
import { writeFileAtomic } from './atomic-write.js';
import { browserLibs } from './browser-libs.js';
import { robustnessChartSpec } from './charts/robustness.js';
import { reportContext, type ReportContext } from './context.js';
import { escapeHtml, formatBracket, formatDiff, formatLevel, formatNumber, formatPercent, jsonForScript } from './format.js';
import { fontStack, messagesFor, REPORT_LANGS, type Lang, type Messages } from './i18n/index.js';
import { leverLabel } from './labels.js';
import { LEVER_INDEX } from '../model/levers.js';
import { metricCatalog, reportOutcomes } from './metric-info.js';
import { embedScript } from './page-script.js';
import { readingOf } from './reading.js';
import type { ReportInputs, ReportManifest } from './report-inputs.js';
import { contextSpecs, reportCharts } from './report-specs.js';
import { robustnessSectionHtml } from './robustness-section.js';
import { bestSectionHtml } from './best-section.js';
import { manifestHtml } from './run-section.js';
import { arrangeSections, type ChartSink, type ReportSection } from './sections.js';
import { summarySectionHtml, swatch } from './summary.js';

/** No network at all: scripts and styles inline only, images from data: URLs. vega needs eval for its expressions. */
const CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:";

/** The page style: narrow screens first (tables scroll inside their box, charts fit), print rules for one-page summaries. */
function style(lang: Lang): string {
  return `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: ${fontStack(lang)}; margin: 0 auto; max-width: 1100px; padding: 1em; color: #222; line-height: 1.5; }
h1 { font-size: 1.55em; line-height: 1.25; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; } h3 { margin: 1.2em 0 .4em; }
.table-wrap { max-width: 100%; overflow-x: auto; margin: .8em 0; }
table { border-collapse: collapse; font-size: .92em; }
th, td { border: 1px solid #ddd; padding: .3em .6em; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.distinct { font-weight: bold; }
th { background: #f4f4f4; }
td.scenario, th.scenario, td.outcome { white-space: nowrap; }
.chart { margin: .6em 0 1.2em; min-height: 60px; max-width: 100%; overflow-x: auto; }
.chart svg { max-width: none; }
.caption { color: #555; font-size: .92em; }
.note { background: #f6f6f6; border-left: 3px solid #bbb; padding: .5em .8em; font-size: .92em; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .4em; vertical-align: -0.1em; border-radius: 2px; }
code { font-size: .9em; overflow-wrap: anywhere; }
pre.yaml { background: #f8f8f8; padding: .6em; overflow-x: auto; font-size: .85em; max-height: 30em; }
details summary { cursor: pointer; color: #0b5394; }
dl.manifest { margin: 0; }
dl.manifest .kv { display: grid; grid-template-columns: minmax(8em, 14em) 1fr; gap: 0 1em; padding: .25em 0; border-bottom: 1px solid #eee; }
dl.manifest dt { font-weight: bold; } dl.manifest dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
ul.run-scenarios { margin: 0; padding-left: 1.2em; }
.summary { border: 1px solid #ccc; border-radius: 4px; padding: .2em 1em .8em; background: #fcfcfc; }
.summary h2 { margin-top: .6em; }
.summary .question { font-size: 1.05em; }
.summary .answer { font-size: 1.05em; }
@media (max-width: 600px) {
  body { padding: .6em; font-size: 15px; }
  dl.manifest .kv { grid-template-columns: 1fr; }
  th, td { padding: .25em .4em; }
}
@media print {
  @page { size: A4; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.35; }
  .summary { border: none; padding: 0; background: none; }
  .no-print { display: none; }
  .table-wrap { overflow: visible; }
  td.num { white-space: normal; }
}
`;
}

/** The page shell: head with CSP, style and language; the body; the inlined libraries and the chart embedding. */
export function pageHtml(title: string, body: string, specs: readonly TopLevelSpec[], m: Messages): string {
  const scripts = specs.length
    ? browserLibs().map((l) => `<script data-lib="${escapeHtml(l.pkg)}">\n${l.code.replace(/<\/script/gi, '<\\/script')}\n</script>`).join('\n') +
      `\n<script>${embedScript(jsonForScript(specs), m.chartFailed)}</script>`
    : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(m.htmlLang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${style(m.lang)}</style>
</head>
<body${specs.length ? '' : ' data-charts-ready="true"'}>
<h1>${escapeHtml(title)}</h1>
${body}
${scripts}
</body>
</html>
`;
}

/** A lever's value as text: a number, or the expression as written. */
function leverValue(v: unknown): string {
  return typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v);
}

/** The levers a recorded scenario sets, with their declared labels (and, in English, units). */
function leversHtml(ctx: ReportContext, scenario: Readonly<Record<string, unknown>> | undefined): string {
  const policies = Array.isArray(scenario?.policies) ? (scenario!.policies as Record<string, unknown>[]) : [];
  if (!policies.length) return escapeHtml(ctx.m.scenarioTable.none);
  return policies.map((p) => {
    const name = String(p.lever);
    const unit = ctx.lang === 'en' ? LEVER_INDEX.get(name)?.unit : undefined;
    const value = typeof p.value === 'string' ? `<code>${escapeHtml(p.value)}</code>` : escapeHtml(leverValue(p.value));
    const from = typeof p.from === 'number' ? p.from : 1;
    const until = typeof p.until === 'number' ? p.until : null;
    return `${escapeHtml(leverLabel(name, ctx.lang))}${ctx.lang === 'zh' ? '：' : ': '}${value}${unit ? ` <span class="caption">(${escapeHtml(unit)})</span>` : ''}${escapeHtml(ctx.m.scenarioTable.window(from, until))}`;
  }).join('<br>');
}

/** The shocks of a recorded scenario. */
function shocksHtml(ctx: ReportContext, scenario: Readonly<Record<string, unknown>> | undefined): string {
  const shocks = Array.isArray(scenario?.shocks) ? (scenario!.shocks as Record<string, unknown>[]) : [];
  if (!shocks.length) return escapeHtml(ctx.m.scenarioTable.none);
  return shocks.map((s) => escapeHtml(ctx.m.scenarioTable.shock(String(s.kind), Number(s.start), Number(s.duration ?? 1)))).join('<br>');
}

/** The scenario table: display name and style, description in the report's language, levers and shocks. */
function scenariosHtml(ctx: ReportContext): string {
  const t = ctx.m.scenarioTable;
  const rows = ctx.names.map((n) => {
    const info = ctx.info.get(n);
    const base = n === ctx.baseline ? `<br><span class="caption">${escapeHtml(t.baselineMark)}</span>` : '';
    const label = ctx.label(n);
    return `<tr><td class="scenario">${swatch(ctx, n)}<strong>${escapeHtml(label)}</strong>${label !== n ? `<br><code>${escapeHtml(n)}</code>` : ''}${base}</td>` +
      `<td>${escapeHtml(textIn(info?.description, ctx.lang) ?? '')}</td><td>${leversHtml(ctx, info?.scenario)}</td><td>${shocksHtml(ctx, info?.scenario)}</td></tr>`;
  });
  return `<div class="table-wrap"><table class="scenarios"><thead><tr><th>${escapeHtml(t.scenario)}</th><th>${escapeHtml(t.description)}</th>` +
    `<th>${escapeHtml(t.levers)}</th><th>${escapeHtml(t.shocks)}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

/** The main outcome table: per scenario (with its spending) the main outcomes at the horizon — mean, paired difference, share better. */
function outcomeTableHtml(ctx: ReportContext): string {
  const t = ctx.m.outcomeTable;
  const metrics = reportOutcomes(ctx.catalog);
  const at = new Map<string, ComparisonRow>();
  for (const r of ctx.inputs.comparison) if (r.year === ctx.year) at.set(`${r.scenario}\u0000${r.metric}`, r);
  const body: string[] = [];
  for (const s of ctx.names) {
    const rows = metrics.map((m) => at.get(`${s}\u0000${m}`)).filter((r): r is ComparisonRow => r !== undefined);
    rows.forEach((r, i) => {
      const info = ctx.catalog.info(r.metric);
      const isBase = r.scenario === ctx.baseline;
      const sp = ctx.spending.get(s)?.perVillage;
      const head = i === 0
        ? `<th scope="rowgroup" rowspan="${rows.length}" class="scenario">${swatch(ctx, s)}${escapeHtml(ctx.label(s))}</th>` +
          `<td rowspan="${rows.length}" class="num">${escapeHtml(sp !== undefined ? ctx.m.yuan(sp) : t.spendingUnknown)}</td>`
        : '';
      const unit = info.share ? ` ${ctx.m.pp}` : '';
      const diff = isBase || !Number.isFinite(r.diff) ? '—'
        : `${escapeHtml(formatDiff(r.metric, r.diff, false, ctx.catalog) + unit)} ${escapeHtml(formatBracket(r.metric, r.diff_ci_low, r.diff_ci_high, ctx.catalog))}`;
      const better = isBase || info.direction === 0 || !Number.isFinite(r.p_better) ? '—' : escapeHtml(formatPercent(r.p_better));
      body.push(`<tr>${head}<td class="outcome">${escapeHtml(info.label)}</td>` +
        `<td class="num">${escapeHtml(`${formatLevel(r.metric, r.mean, ctx.catalog)} [${formatLevel(r.metric, r.ci_low, ctx.catalog)}, ${formatLevel(r.metric, r.ci_high, ctx.catalog)}]`)}</td>` +
        `<td class="num">${diff}</td><td class="num">${better}</td><td class="num">${escapeHtml(formatNumber(r.n, 0))}</td></tr>`);
    });
  }
  if (!body.length) return `<p>${escapeHtml(ctx.m.noComparison)}</p>`;
  const head = [t.scenario, t.spending, t.outcome, t.mean, t.diff(ctx.baseLabel), t.better(ctx.baseLabel), t.replicates];
  return `<div class="table-wrap"><table class="outcomes"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>\n${body.join('\n')}\n</tbody></table></div><p class="caption">${escapeHtml(t.caption(ctx.baseLabel))}</p>`;
}

/** The note on the start-up years (empty when none are shaded). */
function startupNoteHtml(ctx: ReportContext): string {
  if (!(ctx.startupYears > 0)) return '';
  let first = Infinity;
  let last = -Infinity;
  for (const r of ctx.inputs.series) {
    if (r.year < first) first = r.year;
    if (r.year > last) last = r.year;
  }
  if (!Number.isFinite(first)) return '';
  return `<p class="note startup">${escapeHtml(ctx.m.startupNote(first, Math.min(first + ctx.startupYears, last), first + 1))}</p>`;
}

/** The default sections of the report, in order. */
export const DEFAULT_SECTIONS: readonly ReportSection[] = [
  { id: 'summary', render: (ctx) => summarySectionHtml(ctx) },
  {
    id: 'reading',
    render: (ctx) => {
      const reading = readingOf(ctx.inputs.comparison, { year: ctx.year, series: ctx.inputs.series, catalog: ctx.catalog, baseline: ctx.baseline, label: ctx.label });
      return `<section id="reading"><h2>${escapeHtml(ctx.m.sections.reading)}</h2>\n` +
        (reading.length ? `<ul class="reading">\n${reading.map((s) => `<li>${escapeHtml(s)}</li>`).join('\n')}\n</ul>` : `<p>${escapeHtml(ctx.m.noReading)}</p>`) + '</section>';
    },
  },
  { id: 'scenarios', render: (ctx) => `<section id="scenarios"><h2>${escapeHtml(ctx.m.sections.scenarios)}</h2>\n${scenariosHtml(ctx)}</section>` },
  { id: 'outcomes', render: (ctx) => `<section id="outcomes"><h2>${escapeHtml(ctx.m.sections.outcomes(ctx.year))}</h2>\n${outcomeTableHtml(ctx)}</section>` },
  {
    id: 'best',
    render: (ctx) => (ctx.inputs.best?.length ? bestSectionHtml(ctx.inputs.best, { posterior: ctx.inputs.posterior, catalog: ctx.catalog, m: ctx.m, label: ctx.label }) : undefined),
  },
  {
    id: 'charts',
    render: (ctx, chart) => {
      const specs = contextSpecs(ctx);
      const captions = reportCharts(ctx.lang);
      const parts = Object.entries(specs).map(([name, spec]) => {
        const cap = captions[name];
        return `<section class="chart-section"><h3>${escapeHtml(cap?.heading ?? name)}</h3>` +
          (cap ? `<p class="caption">${escapeHtml(cap.caption)}</p>` : '') + chart(name, spec) + '</section>';
      });
      return `<section id="charts"><h2>${escapeHtml(ctx.m.sections.charts)}</h2>\n${ctx.inputs.specs ? '' : startupNoteHtml(ctx)}\n${parts.join('\n')}</section>`;
    },
  },
  {
    id: 'robustness',
    render: (ctx, chart) => {
      const rows = ctx.inputs.robustness;
      if (!rows?.length) return undefined;
      const spec = robustnessChartSpec(rows, { catalog: ctx.catalog, lang: ctx.lang, labels: ctx.chartOptions.labels, ...(ctx.baseline ? { baseline: ctx.baseline } : {}) });
      return robustnessSectionHtml(rows, chart('robustness-wins', spec), ctx.catalog, ctx.label);
    },
  },
  { id: 'run', render: (ctx) => `<section id="run"><h2>${escapeHtml(ctx.m.sections.run)}</h2>\n${manifestHtml(ctx.inputs.manifest, ctx.m, ctx)}</section>` },
];

/** Renders sections in order, collecting the charts they embed. */
function renderSections(ctx: ReportContext, sections: readonly ReportSection[]): { body: string; specs: TopLevelSpec[] } {
  const specs: TopLevelSpec[] = [];
  const chart: ChartSink = (name, spec) => {
    const i = specs.push(spec) - 1;
    return `<div class="chart" id="chart-${i}" data-chart="${escapeHtml(name)}"></div>`;
  };
  const parts = sections.map((s) => s.render(ctx, chart)).filter((h): h is string => h !== undefined);
  return { body: parts.join('\n'), specs };
}

/** Builds the report as one self-contained HTML string (no network request when opened). */
export function buildReportHtml(inputs: ReportInputs): string {
  const ctx = reportContext(inputs);
  const title = inputs.title ?? ctx.m.defaultTitle;
  const { body, specs } = renderSections(ctx, arrangeSections(DEFAULT_SECTIONS, inputs.sections));
  const intro = `<p>${ctx.m.readAt(ctx.year, ctx.names.length, escapeHtml(ctx.baseLabel))}</p>`;
  return pageHtml(title, `${intro}\n${body}`, specs, ctx.m);
}

/**
 * The one-page summary for officials as a page of its own, in `lang` (default: the report's): no charts,
 * no script, printable on one A4 page.
 */
export function buildSummaryHtml(inputs: ReportInputs, lang?: Lang): string {
  const ctx = reportContext(lang ? { ...inputs, lang } : inputs);
  const title = inputs.title ?? ctx.m.defaultTitle;
  const body = `<p class="caption">${ctx.m.readAt(ctx.year, ctx.names.length, escapeHtml(ctx.baseLabel))}</p>
${summarySectionHtml(ctx)}
<p class="caption no-print">${escapeHtml(ctx.m.summary.printHint)} ${escapeHtml(ctx.m.summary.fullReport)}</p>`;
  return pageHtml(title, body, [], ctx.m);
}

/** Writes `dir/summary.en.html` and `dir/summary.zh.html` atomically; returns their paths. */
export async function writeSummaries(dir: string, inputs: ReportInputs): Promise<string[]> {
  const out: string[] = [];
  for (const lang of REPORT_LANGS) {
    const path = join(dir, `summary.${lang}.html`);
    await writeFileAtomic(path, buildSummaryHtml(inputs, lang));
    out.push(path);
  }
  return out;
}

/** What the report of a robustness run alone is built from. */
export interface RobustnessReportInputs {
  /** Rows of robustness.csv. */
  rows: readonly RobustnessRow[];
  /** The run manifest, shown as a key/value list. */
  manifest: ReportManifest;
  /** Report title (default: the catalogue's robustness title). */
  title?: string;
  /** Metadata of the outcome metrics (default: the talent model's). */
  metrics?: readonly MetricMeta[];
  /** Language (default English). */
  lang?: Lang;
}

/** Builds the self-contained report of a robustness run: the robustness section and the manifest. */
export function buildRobustnessReportHtml(inputs: RobustnessReportInputs): string {
  const m = messagesFor(inputs.lang);
  const title = inputs.title ?? m.robustnessTitle;
  const catalog = metricCatalog(inputs.metrics, m.lang);
  const specs: TopLevelSpec[] = inputs.rows.length ? [robustnessChartSpec(inputs.rows, { catalog })] : [];
  const body = `${inputs.rows.length ? robustnessSectionHtml(inputs.rows, '<div class="chart" id="chart-0" data-chart="robustness-wins"></div>', catalog) : `<p>${escapeHtml(m.robustness.noRows)}</p>`}
<section id="run"><h2>${escapeHtml(m.sections.run)}</h2>
${manifestHtml(inputs.manifest, m)}</section>`;
  return pageHtml(title, body, specs, m);
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

/**
 * The one-page summary for officials: the question, the answer in three sentences, a table of what each
 * scenario costs (per village and per county per year) and what it does to branches in warning and to
 * branches with a ready successor (paired differences with 95% intervals), what the model can and cannot
 * tell apart, and the main caveat. It heads the report and is written on its own as summary.en.html and
 * summary.zh.html, printable on one A4 page.
 */
import type { ReportContext } from './context.js';
import { escapeHtml, formatBracket, formatDiff, formatLevel } from './format.js';
import { reportOutcomes } from './metric-info.js';
import { excludesZero, rankOutcome } from './paired.js';
import { outcomeSentence } from './reading.js';

/** The outcomes the summary is about (when present): branches in warning and branches with a ready successor. */
export const SUMMARY_OUTCOMES: readonly string[] = ['branches_warning_share', 'succession_ready_share'];

/** The two outcomes of the summary: the preferred ones present in the rows, else the first report outcomes with a direction. */
export function summaryOutcomes(ctx: ReportContext): string[] {
  const present = new Set(ctx.inputs.comparison.filter((r) => r.year === ctx.year).map((r) => r.metric));
  const preferred = SUMMARY_OUTCOMES.filter((m) => present.has(m));
  if (preferred.length) return preferred;
  return reportOutcomes(ctx.catalog).filter((m) => present.has(m) && ctx.catalog.info(m).direction !== 0).slice(0, 2);
}

/** The scenarios that lead on `metric` distinguishably from the baseline (the leader and those tied with it). */
function leaders(ctx: ReportContext, metric: string): string[] {
  const dir = ctx.catalog.info(metric).direction;
  if (dir === 0) return [];
  const rank = rankOutcome(ctx.inputs.comparison, ctx.inputs.series, metric, ctx.year, ctx.baseline, dir);
  const top = rank.ranked[0];
  if (!top || !(dir * top.diff > 0 && excludesZero(top.diff_ci_low, top.diff_ci_high))) return [];
  return rank.tied;
}

/** The three sentences of the answer (fewer when an outcome is missing). */
export function summaryAnswer(ctx: ReportContext): string[] {
  const c = { year: ctx.year, baseline: ctx.baseline ?? '', catalog: ctx.catalog, m: ctx.m, label: ctx.label, series: ctx.inputs.series };
  const outcomes = summaryOutcomes(ctx);
  const sentences = outcomes.map((m) => outcomeSentence(ctx.inputs.comparison, m, c)).filter((s): s is string => s !== undefined);
  const lead = [...new Set(outcomes.flatMap((m) => leaders(ctx, m)))];
  const villages = ctx.spending.get(lead[0] ?? '')?.villages;
  if (lead.length) {
    const range = (xs: (number | undefined)[]) => {
      const v = xs.filter((x): x is number => x !== undefined && Number.isFinite(x));
      if (!v.length) return undefined;
      const lo = Math.min(...v), hi = Math.max(...v);
      return ctx.m.yuan(lo) === ctx.m.yuan(hi) ? ctx.m.yuan(lo) : ctx.m.interval(ctx.m.yuan(lo), ctx.m.yuan(hi));
    };
    const sp = lead.map((s) => ctx.spending.get(s));
    sentences.push(ctx.m.summary.costs(lead.map(ctx.label), range(sp.map((x) => x?.perVillage)), range(sp.map((x) => x?.perCounty)) ?? ctx.m.notAvailable, villages));
  } else {
    const costs = ctx.names.filter((n) => n !== ctx.baseline).map((n) => ctx.spending.get(n)?.perVillage).filter((x): x is number => x !== undefined);
    if (costs.length) sentences.push(ctx.m.summary.costRange(ctx.m.yuan(Math.min(...costs)), ctx.m.yuan(Math.max(...costs))));
  }
  return sentences;
}

/** The summary table: spending and the effect on each summary outcome, the baseline's own level in its row. */
function summaryTable(ctx: ReportContext, outcomes: readonly string[]): string {
  const t = ctx.m.summary.table;
  const at = (s: string, metric: string) => ctx.inputs.comparison.find((r) => r.scenario === s && r.metric === metric && r.year === ctx.year);
  const rows = ctx.names.filter((n) => outcomes.some((m) => at(n, m))).map((s) => {
    const sp = ctx.spending.get(s);
    const isBase = s === ctx.baseline;
    const cells = outcomes.map((metric) => {
      const r = at(s, metric);
      if (!r) return '<td class="num">—</td>';
      if (isBase) return `<td class="num">— <span class="caption">(${escapeHtml(formatLevel(metric, r.mean, ctx.catalog))}, ${escapeHtml(t.level(ctx.year))})</span></td>`;
      const strong = excludesZero(r.diff_ci_low, r.diff_ci_high);
      const text = `${formatDiff(metric, r.diff, false, ctx.catalog)} ${formatBracket(metric, r.diff_ci_low, r.diff_ci_high, ctx.catalog)}`;
      return `<td class="num${strong ? ' distinct' : ''}">${escapeHtml(text)}</td>`;
    });
    const money = (x: number | undefined) => (x === undefined ? ctx.m.notAvailable : ctx.m.yuan(x));
    return `<tr><td class="scenario">${swatch(ctx, s)}${escapeHtml(ctx.label(s))}</td>` +
      `<td class="num">${escapeHtml(money(sp?.perVillage))}</td><td class="num">${escapeHtml(money(sp?.perCounty))}</td>${cells.join('')}</tr>`;
  });
  const head = [t.scenario, t.perVillage, t.perCounty, ...outcomes.map((m) => t.effect(ctx.catalog.info(m).label, ctx.baseLabel))];
  return `<div class="table-wrap"><table class="summary-table"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

/** A small square in the scenario's colour (a dashed outline for the baseline). */
export function swatch(ctx: ReportContext, scenario: string): string {
  const i = ctx.colors.domain.indexOf(scenario);
  if (i < 0) return '';
  const base = scenario === ctx.baseline;
  const style = base ? `border:2px dashed ${ctx.colors.range[i]};background:#fff` : `background:${ctx.colors.range[i]}`;
  return `<span class="swatch" style="${escapeHtml(style)}"></span>`;
}

/** What the model can and cannot tell apart from the baseline, per summary outcome. */
function distinctions(ctx: ReportContext, outcomes: readonly string[]): string[] {
  return outcomes.map((metric) => {
    const rows = ctx.inputs.comparison.filter((r) => r.metric === metric && r.year === ctx.year && r.scenario !== ctx.baseline && Number.isFinite(r.diff));
    const order = (a: { scenario: string }, b: { scenario: string }) => ctx.names.indexOf(a.scenario) - ctx.names.indexOf(b.scenario);
    const yes = rows.filter((r) => excludesZero(r.diff_ci_low, r.diff_ci_high)).sort(order).map((r) => ctx.label(r.scenario));
    const no = rows.filter((r) => !excludesZero(r.diff_ci_low, r.diff_ci_high)).sort(order).map((r) => ctx.label(r.scenario));
    return ctx.m.summary.distinct(ctx.catalog.info(metric).label, ctx.baseLabel, yes, no);
  });
}

/** The summary as an HTML section (its heading included). */
export function summarySectionHtml(ctx: ReportContext): string {
  const s = ctx.m.summary;
  const outcomes = summaryOutcomes(ctx);
  const others = ctx.names.filter((n) => n !== ctx.baseline).length;
  if (outcomes.length === 0) return `<section class="summary" id="summary"><h2>${escapeHtml(ctx.m.sections.summary)}</h2><p>${escapeHtml(ctx.m.noComparison)}</p></section>`;
  return `<section class="summary" id="summary">
<h2>${escapeHtml(ctx.m.sections.summary)}</h2>
<p class="question">${s.question(others, ctx.year, escapeHtml(ctx.baseLabel), others === 1 ? escapeHtml(ctx.label(ctx.names.find((n) => n !== ctx.baseline)!)) : undefined)}</p>
<h3>${escapeHtml(s.answer)}</h3>
<p class="answer">${summaryAnswer(ctx).map(escapeHtml).join(ctx.lang === 'zh' ? '' : ' ')}</p>
${summaryTable(ctx, outcomes)}
<h3>${escapeHtml(s.distinguishable)}</h3>
<ul class="distinct">\n${distinctions(ctx, outcomes).map((t) => `<li>${escapeHtml(t)}</li>`).join('\n')}\n</ul>
<h3>${escapeHtml(s.caveatHeading)}</h3>
<p class="caveat">${escapeHtml(s.caveat(ctx.replicates, ctx.startupYears))}</p>
</section>`;
}

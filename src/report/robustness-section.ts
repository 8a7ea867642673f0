/** The report's "How robust is the ranking?" section: win-share chart, a table and a plain sentence per outcome. */
import type { RobustnessRow } from '../experiment/robustness.js';
import { orderScenarios } from './colors.js';
import { escapeHtml, formatDiff, formatPercent } from './format.js';
import { messagesFor } from './i18n/index.js';
import { TALENT_CATALOG, type MetricCatalog } from './metric-info.js';

/** Display name of a scenario (default: its name). */
type Label = (scenario: string) => string;
const asIs: Label = (s) => s;

/** Heading of the robustness section (English; the Chinese is in the catalogue). */
export const ROBUSTNESS_HEADING = messagesFor('en').robustness.heading;

/** Outcomes in the order their rows first appear. */
function outcomesOf(rows: readonly RobustnessRow[]): string[] {
  return [...new Set(rows.map((r) => r.outcome))];
}

/** The rows of one outcome, scenarios in display order (baseline and built-ins first). */
function rowsOf(rows: readonly RobustnessRow[], outcome: string): RobustnessRow[] {
  const list = rows.filter((r) => r.outcome === outcome);
  const order = orderScenarios(list.map((r) => r.scenario));
  return list.sort((a, b) => order.indexOf(a.scenario) - order.indexOf(b.scenario));
}

/** The draws behind the rows (the largest count, in case outcomes differ). */
export function robustnessDraws(rows: readonly RobustnessRow[]): number {
  return rows.reduce((m, r) => Math.max(m, Number.isFinite(r.draws) ? r.draws : 0), 0);
}

/** The precision of a share of `draws` draws, ±1/√draws (about the 95% margin of a share near 50%). */
export function sharePrecision(draws: number): number {
  return draws > 0 ? 1 / Math.sqrt(draws) : NaN;
}

/** A share or "—" for null. */
function share(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '—' : formatPercent(x);
}

/** The baseline of the rows: the scenario whose beats_baseline is null. */
function baselineOf(list: readonly RobustnessRow[]): string | undefined {
  return list.find((r) => r.beats_baseline === null)?.scenario;
}

/**
 * One plain-language sentence per outcome: which scenario most often ranks first, and for the leading pathway
 * (the first-ranked one, or the pathway beating baseline most often when baseline ranks first) how often it
 * beats baseline and under which parameter rule its wins concentrate.
 */
export function robustnessSentences(rows: readonly RobustnessRow[], catalog: MetricCatalog = TALENT_CATALOG, label: Label = asIs): string[] {
  const m = messagesFor(catalog.lang).robustness;
  return outcomesOf(rows).map((outcome) => {
    const list = rowsOf(rows, outcome);
    const info = catalog.info(outcome);
    const n = robustnessDraws(list);
    const best = Math.max(...list.map((r) => r.ranks_first));
    const leaders = list.filter((r) => r.ranks_first === best);
    const top = leaders[0];
    const base = baselineOf(list);
    const better = list[0].better === 'lower' ? m.lower : m.higher;
    let text = leaders.length > 1
      ? m.leadersEqual(info.label, m.better(better), leaders.map((r) => label(r.scenario)), formatPercent(best), n)
      : m.leader(info.label, m.better(better), label(top.scenario), formatPercent(best), n);
    const pathways = list.filter((r) => r.scenario !== base && r.beats_baseline !== null);
    const focus = top.scenario !== base ? top : pathways.reduce<RobustnessRow | undefined>((b, r) => (!b || r.beats_baseline! > b.beats_baseline! ? r : b), undefined);
    if (!focus || focus.beats_baseline === null) return text;
    const who = focus === top && leaders.length === 1 ? m.it : label(focus.scenario);
    const beats = focus.beats_baseline;
    if (beats >= 1) text += m.always(who);
    else if (beats <= 0) text += focus === top ? m.never(who) : m.noneBeats;
    else if (focus !== top) text = text.replace(/[.。]$/, '') + m.otherFocus(label(focus.scenario), formatPercent(beats), focus.rule || undefined, share(focus.coverage), share(focus.density));
    else if (focus.rule) text += m.withRule(who, formatPercent(beats), focus.rule, share(focus.coverage), share(focus.density));
    else text += m.withoutRule(who, formatPercent(beats));
    return text;
  });
}

/** The table of one outcome: scenario, share beating baseline, share ranking first, mean difference and the rule. */
function outcomeTable(list: readonly RobustnessRow[], catalog: MetricCatalog, label: Label): string {
  const m = messagesFor(catalog.lang);
  const t = m.robustness.table;
  const body = list.map((r) =>
    `<tr><td class="scenario">${escapeHtml(label(r.scenario))}</td><td class="num">${escapeHtml(share(r.beats_baseline))}</td>` +
    `<td class="num">${escapeHtml(share(r.ranks_first))}</td>` +
    `<td class="num">${r.mean_diff === null || !Number.isFinite(r.mean_diff) ? '—' : escapeHtml(formatDiff(r.outcome, r.mean_diff, false, catalog) + (catalog.info(r.outcome).share ? ` ${m.pp}` : ''))}</td>` +
    `<td>${r.rule ? `<code>${escapeHtml(r.rule)}</code>` : r.beats_baseline === null ? '—' : escapeHtml(t.noRule)}</td>` +
    `<td class="num">${escapeHtml(share(r.coverage))}</td><td class="num">${escapeHtml(share(r.density))}</td></tr>`);
  const head = [t.scenario, t.beats, t.first, t.meanDiff, t.rule, t.coverage, t.density].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<div class="table-wrap"><table class="robustness"><thead><tr>${head}</tr></thead>` +
    `<tbody>\n${body.join('\n')}\n</tbody></table></div>`;
}

/**
 * The section's HTML: heading, explanation, the chart (`chartHtml`: its container, embedded by the caller),
 * the precision note, then per outcome its sentence and table — in the catalog's language.
 */
export function robustnessSectionHtml(rows: readonly RobustnessRow[], chartHtml: string, catalog: MetricCatalog = TALENT_CATALOG, label: Label = asIs): string {
  const m = messagesFor(catalog.lang).robustness;
  const n = robustnessDraws(rows);
  const pp = Math.round(100 * sharePrecision(n));
  const sentences = robustnessSentences(rows, catalog, label);
  const parts = outcomesOf(rows).map((outcome, i) => {
    const list = rowsOf(rows, outcome);
    const better = list[0].better === 'lower' ? m.lower : m.higher;
    return `<h3>${m.outcomeHeading(escapeHtml(catalog.info(outcome).label), escapeHtml(m.better(better)), robustnessDraws(list))}</h3>\n` +
      `<p class="robustness-reading">${escapeHtml(sentences[i])}</p>\n${outcomeTable(list, catalog, label)}`;
  });
  return `<section class="robustness-section" id="robustness">
<h2>${escapeHtml(m.heading)}</h2>
<p>${escapeHtml(m.intro(n))}</p>
${chartHtml}
<p class="caption precision">${escapeHtml(m.precision(n, Number.isFinite(pp) ? String(pp) : 'n/a'))}</p>
${parts.join('\n')}
</section>`;
}

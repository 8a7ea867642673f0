/** The report's "How robust is the ranking?" section: win-share chart, a table and a plain sentence per outcome. */
import type { RobustnessRow } from '../experiment/robustness.js';
import { orderScenarios } from './colors.js';
import { escapeHtml, formatDiff, formatPercent } from './format.js';
import { TALENT_CATALOG, type MetricCatalog } from './metric-info.js';

/** Heading of the robustness section. */
export const ROBUSTNESS_HEADING = 'How robust is the ranking?';

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
export function robustnessSentences(rows: readonly RobustnessRow[], catalog: MetricCatalog = TALENT_CATALOG): string[] {
  return outcomesOf(rows).map((outcome) => {
    const list = rowsOf(rows, outcome);
    const info = catalog.info(outcome);
    const n = robustnessDraws(list);
    const best = Math.max(...list.map((r) => r.ranks_first));
    const leaders = list.filter((r) => r.ranks_first === best);
    const top = leaders[0];
    const base = baselineOf(list);
    let text = `${info.label} (${list[0].better} is better): ` + (leaders.length > 1
      ? `${leaders.map((r) => r.scenario).join(' and ')} rank first equally often (${formatPercent(best)} each of ${n} draws).`
      : `${top.scenario} most often ranks first (${formatPercent(best)} of ${n} draws).`);
    const pathways = list.filter((r) => r.scenario !== base && r.beats_baseline !== null);
    const focus = top.scenario !== base ? top : pathways.reduce<RobustnessRow | undefined>((b, r) => (!b || r.beats_baseline! > b.beats_baseline! ? r : b), undefined);
    if (!focus || focus.beats_baseline === null) return text;
    const who = focus === top && leaders.length === 1 ? 'It' : focus.scenario;
    const beats = focus.beats_baseline;
    if (beats >= 1) text += ` ${who} beats baseline in every draw, whatever the parameters.`;
    else if (beats <= 0) text += focus === top ? ` ${who} never beats baseline, whatever the parameters.` : ' No pathway beats baseline in any draw.';
    else if (focus !== top) text = text.replace(/\.$/, '') + `; the pathway that most often beats it, ${focus.scenario}, does so in ${formatPercent(beats)} of draws` +
      (focus.rule ? `, mostly where ${focus.rule} (${share(focus.coverage)} of its wins lie there and it wins in ${share(focus.density)} of the draws there).` : '; no single parameter range separates its wins from its losses.');
    else if (focus.rule) {
      text += ` ${who} beats baseline in ${formatPercent(beats)} of draws; its wins concentrate where ${focus.rule}` +
        ` (${share(focus.coverage)} of its wins lie there and it wins in ${share(focus.density)} of the draws there); elsewhere it more often loses.`;
    } else text += ` ${who} beats baseline in ${formatPercent(beats)} of draws; no single parameter range separates the draws it wins from those it loses.`;
    return text;
  });
}

/** The table of one outcome: scenario, share beating baseline, share ranking first, mean difference and the rule. */
function outcomeTable(list: readonly RobustnessRow[], catalog: MetricCatalog): string {
  const body = list.map((r) =>
    `<tr><td class="scenario">${escapeHtml(r.scenario)}</td><td class="num">${escapeHtml(share(r.beats_baseline))}</td>` +
    `<td class="num">${escapeHtml(share(r.ranks_first))}</td>` +
    `<td class="num">${r.mean_diff === null || !Number.isFinite(r.mean_diff) ? '—' : escapeHtml(formatDiff(r.outcome, r.mean_diff, false, catalog) + (catalog.info(r.outcome).share ? ' pp' : ''))}</td>` +
    `<td>${r.rule ? `<code>${escapeHtml(r.rule)}</code>` : r.beats_baseline === null ? '—' : 'no separating range'}</td>` +
    `<td class="num">${escapeHtml(share(r.coverage))}</td><td class="num">${escapeHtml(share(r.density))}</td></tr>`);
  return `<table class="robustness"><thead><tr><th>Scenario</th><th>Beats baseline in</th><th>Ranks first in</th>` +
    `<th>Mean difference from baseline</th><th>Where it beats baseline (rule)</th><th>Coverage</th><th>Density</th></tr></thead>` +
    `<tbody>\n${body.join('\n')}\n</tbody></table>`;
}

/**
 * The section's HTML: heading, explanation, the chart container `chartId` (the caller embeds the spec),
 * the precision note, then per outcome its sentence and table.
 */
export function robustnessSectionHtml(rows: readonly RobustnessRow[], chartId: string, catalog: MetricCatalog = TALENT_CATALOG): string {
  const n = robustnessDraws(rows);
  const pp = Math.round(100 * sharePrecision(n));
  const sentences = robustnessSentences(rows, catalog);
  const parts = outcomesOf(rows).map((outcome, i) => {
    const list = rowsOf(rows, outcome);
    return `<h3>${escapeHtml(catalog.info(outcome).label)} <span class="caption">(${escapeHtml(list[0].better)} is better; ${escapeHtml(robustnessDraws(list))} draws)</span></h3>\n` +
      `<p class="robustness-reading">${escapeHtml(sentences[i])}</p>\n${outcomeTable(list, catalog)}`;
  });
  return `<section class="robustness-section">
<h2>${escapeHtml(ROBUSTNESS_HEADING)}</h2>
<p>Every scenario was run on ${escapeHtml(n)} parameter sets drawn from the declared parameter ranges (Latin hypercube), with common random numbers, and compared at the horizon. For each outcome: the share of draws in which a scenario is strictly better than baseline, the share in which it ranks first among all scenarios (ties share a draw), and the parameter rule found by scenario discovery that best separates the draws it wins from those it loses. Coverage is the share of its winning draws inside the rule; density the share of draws inside the rule that it wins.</p>
<div class="chart" id="${escapeHtml(chartId)}" data-chart="robustness-wins"></div>
<p class="caption precision">Precision: each share comes from ${escapeHtml(n)} draws, so read it as about ±${escapeHtml(Number.isFinite(pp) ? pp : 'n/a')} percentage points (±1/√draws, roughly the 95% margin of a share near 50%). Differences smaller than that are not evidence of a different ranking.</p>
${parts.join('\n')}
</section>`;
}

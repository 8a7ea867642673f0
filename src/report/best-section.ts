/**
 * The report's "Which pathway is best, and does it survive?" section, from best.csv: for every main
 * outcome, the probability that each scenario has the best horizon value (share of paired replicates;
 * with a posterior, each replicate runs its own parameter draw, so the share includes parameter
 * uncertainty), and a plain verdict on the leading scenario. `bestConclusions` is the data the sentences
 * are made of, for any other rendering.
 */
import type { BestRow } from '../experiment/best.js';
import { orderScenarios } from './colors.js';
import { escapeHtml, formatPercent } from './format.js';
import { parseCsv } from './read-outputs.js';
import { messagesFor, type Messages } from './i18n/index.js';
import { TALENT_CATALOG, type MetricCatalog } from './metric-info.js';

/** P(best) from which a leading scenario's lead is called robust, and from which it is called a lean. */
export const SURVIVES_AT = 0.9;
export const LEANS_AT = 0.6;

/** What the data say about one outcome. */
export interface BestConclusion {
  outcome: string;
  better: 'higher' | 'lower';
  /** The scenario with the largest P(best). */
  leader: string;
  p_best: number;
  /** Paired replicates behind the shares. */
  replicates: number;
  /** survives: P(best) ≥ 0.9; leans: ≥ 0.6; open: no scenario is best in 60% of the replicates. */
  verdict: 'survives' | 'leans' | 'open';
  /** Every scenario's P(best), in display order. */
  shares: { scenario: string; p_best: number }[];
}

/** best.csv rows from its text. */
export function parseBestCsv(text: string): BestRow[] {
  return parseCsv(text).map((r) => ({
    outcome: r.outcome, scenario: r.scenario, better: r.better === 'lower' ? 'lower' : 'higher', year: Number(r.year),
    replicates: Number(r.replicates), p_best: Number(r.p_best), mean: Number(r.mean),
  }));
}

/** One conclusion per outcome, in the order the rows give the outcomes. */
export function bestConclusions(rows: readonly BestRow[]): BestConclusion[] {
  const outcomes = [...new Set(rows.map((r) => r.outcome))];
  return outcomes.map((outcome) => {
    const list = rows.filter((r) => r.outcome === outcome);
    const order = orderScenarios(list.map((r) => r.scenario));
    const shares = [...list].sort((a, b) => order.indexOf(a.scenario) - order.indexOf(b.scenario)).map((r) => ({ scenario: r.scenario, p_best: r.p_best }));
    const lead = list.reduce((b, r) => (r.p_best > b.p_best ? r : b));
    const verdict = lead.p_best >= SURVIVES_AT ? 'survives' : lead.p_best >= LEANS_AT ? 'leans' : 'open';
    return { outcome, better: lead.better, leader: lead.scenario, p_best: lead.p_best, replicates: lead.replicates, verdict, shares };
  });
}

/** The plain sentence of one conclusion, in the language of `m` (scenario names through `label`). */
export function conclusionSentence(c: BestConclusion, catalog: MetricCatalog = TALENT_CATALOG, m: Messages = messagesFor('en'), label: (s: string) => string = (s) => s): string {
  const name = catalog.info(c.outcome).label;
  const share = m.best.share(formatPercent(c.p_best), c.replicates);
  if (c.verdict === 'survives') return m.best.survives(name, label(c.leader), share);
  if (c.verdict === 'leans') return m.best.leans(name, label(c.leader), share);
  return m.best.open(name, formatPercent(LEANS_AT), label(c.leader), share);
}

/** Options of {@link bestSectionHtml}. */
export interface BestSectionOptions {
  /** True when the replicates drew their parameters from a posterior (the shares then include parameter uncertainty). */
  posterior?: boolean;
  catalog?: MetricCatalog;
  /** The report's messages (default English) and scenario display names. */
  m?: Messages;
  label?: (scenario: string) => string;
}

/** The section: a sentence per outcome and a table of P(best), in the report's language. */
export function bestSectionHtml(rows: readonly BestRow[], options: BestSectionOptions = {}): string {
  if (rows.length === 0) return '';
  const catalog = options.catalog ?? TALENT_CATALOG;
  const m = options.m ?? messagesFor('en');
  const label = options.label ?? ((s: string) => s);
  const conclusions = bestConclusions(rows);
  const scenarios = conclusions[0].shares.map((s) => s.scenario);
  const what = options.posterior ? m.best.withPosterior : m.best.withoutPosterior;
  const direction = (b: 'higher' | 'lower') => (b === 'higher' ? m.robustness.higher : m.robustness.lower);
  const head = `<tr><th>${escapeHtml(m.best.outcome)}</th>${scenarios.map((s) => `<th>${escapeHtml(label(s))}</th>`).join('')}</tr>`;
  const body = conclusions.map((c) => `<tr><td>${escapeHtml(m.best.outcomeCell(catalog.info(c.outcome).label, direction(c.better)))}</td>${c.shares.map((s) => `<td${s.scenario === c.leader ? ' class="lead"' : ''}>${escapeHtml(formatPercent(s.p_best))}</td>`).join('')}</tr>`);
  return `<section class="best" id="best">
<h2>${escapeHtml(m.best.heading)}</h2>
<p>${escapeHtml(m.best.intro)} ${escapeHtml(what)}</p>
<ul class="reading">
${conclusions.map((c) => `<li>${escapeHtml(conclusionSentence(c, catalog, m, label))}</li>`).join('\n')}
</ul>
<table class="best"><thead>${head}</thead><tbody>
${body.join('\n')}
</tbody></table>
</section>`;
}

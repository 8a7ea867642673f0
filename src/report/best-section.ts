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
import { TALENT_CATALOG, type MetricCatalog } from './metric-info.js';

/** Heading of the section. */
export const BEST_HEADING = 'Which pathway is best, and does the conclusion survive?';

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

/** The plain sentence of one conclusion. */
export function conclusionSentence(c: BestConclusion, catalog: MetricCatalog = TALENT_CATALOG): string {
  const label = catalog.info(c.outcome).label;
  const share = `${formatPercent(c.p_best)} of ${c.replicates} paired replicates`;
  if (c.verdict === 'survives') return `${label}: ${c.leader} is best in ${share} — this conclusion survives the uncertainty.`;
  if (c.verdict === 'leans') return `${label}: ${c.leader} is best in ${share} — a lean, not a firm conclusion.`;
  return `${label}: no scenario is best in ${formatPercent(LEANS_AT)} of the replicates (${c.leader} leads with ${share}) — the ranking does not survive.`;
}

/**
 * The section: a sentence per outcome and a table of P(best). `posterior` says whether the replicates drew
 * their parameters from a posterior (the shares then include parameter uncertainty).
 */
export function bestSectionHtml(rows: readonly BestRow[], options: { posterior?: boolean; catalog?: MetricCatalog } = {}): string {
  if (rows.length === 0) return '';
  const catalog = options.catalog ?? TALENT_CATALOG;
  const conclusions = bestConclusions(rows);
  const scenarios = conclusions[0].shares.map((s) => s.scenario);
  const what = options.posterior
    ? 'Each replicate ran with its own parameter set drawn from the calibration\'s posterior (the same draw for the same replicate in every scenario), so these shares include parameter uncertainty as well as chance.'
    : 'All replicates ran with the same parameters: these shares include the model\'s chance variation only, not parameter uncertainty (run with --posterior to include it).';
  const head = `<tr><th>Outcome</th>${scenarios.map((s) => `<th>${escapeHtml(s)}</th>`).join('')}</tr>`;
  const body = conclusions.map((c) => `<tr><td>${escapeHtml(catalog.info(c.outcome).label)} (${c.better} is better)</td>${c.shares.map((s) => `<td${s.scenario === c.leader ? ' class="lead"' : ''}>${escapeHtml(formatPercent(s.p_best))}</td>`).join('')}</tr>`);
  return `<section class="best">
<h2>${escapeHtml(BEST_HEADING)}</h2>
<p>Probability that each scenario has the best value of each main outcome at the horizon: the share of paired replicates in which it does (ties shared). ${escapeHtml(what)}</p>
<ul class="reading">
${conclusions.map((c) => `<li>${escapeHtml(conclusionSentence(c, catalog))}</li>`).join('\n')}
</ul>
<table class="best"><thead>${head}</thead><tbody>
${body.join('\n')}
</tbody></table>
</section>`;
}

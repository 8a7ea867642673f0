/** The compare command's table: main outcomes at the horizon, each scenario against baseline. */
import type { ExperimentSummary } from '../experiment/index.js';

/** A number in 4 significant digits (integers as integers), optionally signed. */
export function formatNumber(x: number | null | undefined, signed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  const text = Number.isInteger(x) || Math.abs(x) >= 1000 ? String(Math.round(x)) : String(Number(x.toPrecision(4)));
  return signed && x > 0 ? `+${text}` : text;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - s.length));
}

/** Table text: one block per main metric, one line per scenario with mean, paired Δ vs baseline [95% CI], P(better). */
export function outcomeTable(summary: ExperimentSummary): string {
  const scenarios = summary.scenarios;
  if (scenarios.length === 0) return '';
  const horizons = [...new Set(scenarios.map((s) => s.horizon))];
  const metrics = Object.keys(scenarios[0].outcomes);
  const width = Math.max(8, ...scenarios.map((s) => s.name.length)) + 2;
  const lines: string[] = [];
  lines.push(
    `Outcomes in ${horizons.join('/')} (mean over replicates; Δ = paired difference vs ${summary.baseline ?? 'baseline'} with 95% CI; ` +
      'P(better) = share of replicates better than baseline)',
  );
  for (const metric of metrics) {
    const unit = scenarios[0].outcomes[metric]?.unit ?? '';
    lines.push('');
    lines.push(`${metric}${unit ? ` (${unit})` : ''}`);
    lines.push(`  ${pad('scenario', width)}${pad('mean', 12)}${pad('Δ vs baseline [95% CI]', 36)}P(better)`);
    for (const s of scenarios) {
      const o = s.outcomes[metric];
      if (!o) continue;
      const isBase = s.name === summary.baseline;
      const diff = isBase || o.diff === undefined ? '' : `${formatNumber(o.diff, true)} [${formatNumber(o.diff_ci_low, true)}, ${formatNumber(o.diff_ci_high, true)}]`;
      const pb = isBase || o.p_better === undefined || o.p_better === null ? '' : o.p_better.toFixed(2);
      lines.push(`  ${pad(s.name, width)}${pad(formatNumber(o.mean), 12)}${pad(diff, 36)}${pb}`.trimEnd());
    }
  }
  return lines.join('\n') + '\n';
}

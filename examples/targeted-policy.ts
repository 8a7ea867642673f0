/**
 * Targeting and dose-response from code (docs/policy-design.md): supervision visits for every branch versus
 * only for the branches in warning at the start of each year (`where:`), with what each costs as billed by the
 * model, then the dose-response of the first-secretary lever. A small county, so it runs in seconds.
 * Run: `npx tsx examples/targeted-policy.ts`.
 */
import { compare, doseResponse, metricDirection, runReplicate, scenarioFromObject, type SeriesRow } from 'talentsim';

const county = { villages: 8, population: 4000 };
const base = { extends: 'baseline', years: 6, replicates: 3, county };
const scenarios = [
  scenarioFromObject({ ...base, name: 'baseline' }),
  scenarioFromObject({ ...base, name: 'everywhere', policies: [{ lever: 'supervision_visits', value: 12 }] }),
  scenarioFromObject({ ...base, name: 'warned-only', policies: [{ lever: 'supervision_visits', value: 12, where: { branch_in_warning: true } }] }),
];
const metrics = ['branches_warning_share', 'branches_renewed_share', 'policy_cost'];
const rows: SeriesRow[] = [];
for (const s of scenarios) for (let r = 0; r < s.replicates; r++) rows.push(...runReplicate(s, r, { metrics }));
const horizon = Math.max(...rows.map((r) => r.year));
for (const name of ['everywhere', 'warned-only']) {
  const spend = rows.filter((r) => r.scenario === name && r.metric === 'policy_cost' && r.year > 2025);
  const perVillage = spend.reduce((a, r) => a + r.value, 0) / spend.length / county.villages;
  const warning = compare(rows, { baseline: 'baseline', better: metricDirection }).find((c) => c.scenario === name && c.metric === 'branches_warning_share' && c.year === horizon)!;
  console.log(`${name.padEnd(12)} spend ${perVillage.toFixed(0)} yuan/village/year; branches in warning ${warning.diff >= 0 ? '+' : ''}${(100 * warning.diff).toFixed(1)} pp`);
}
const dose = await doseResponse(scenarios[0], { levers: ['first_secretary'], points: 3, outcomes: ['branches_warning_share'], workers: 1 });
for (const r of dose.rows) console.log(`first_secretary ${r.value}: spend ${r.spend.toFixed(0)}, effect ${r.effect.toFixed(3)} [${r.ci_low.toFixed(3)}, ${r.ci_high.toFixed(3)}]`);

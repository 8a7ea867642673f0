/**
 * Comparing the paper's four pathways from code: replicate r of every scenario shares its random
 * streams with replicate r of the baseline (common random numbers), so differences are paired.
 * Prints, at the horizon, each pathway's paired difference from baseline with a 95% interval.
 * Run: `npx tsx examples/compare-pathways.ts [replicates] [years]`.
 */
import { compare, loadScenario, metricDirection, runReplicate, withOverrides, type SeriesRow } from 'talentsim';

const replicates = Number(process.argv[2] ?? 6);
const years = Number(process.argv[3] ?? 15);
const names = ['baseline', 'organizational-fortification', 'industrial-focal-points', 'cultural-identity', 'benefit-incentives'];
const metrics = ['members_full', 'member_share_61plus', 'succession_ready_share', 'policy_cost'];

const rows: SeriesRow[] = [];
for (const name of names) {
  const scenario = withOverrides(loadScenario(name), { years });
  for (let r = 0; r < replicates; r++) rows.push(...runReplicate(scenario, r, { metrics }));
}
const table = compare(rows, { baseline: 'baseline', better: metricDirection });
const horizon = Math.max(...rows.map((r) => r.year));
for (const c of table) {
  if (c.year !== horizon || c.scenario === 'baseline') continue;
  console.log(`${c.scenario.padEnd(30)} ${c.metric.padEnd(24)} diff ${c.diff.toFixed(3)} [${c.diff_ci_low.toFixed(3)}, ${c.diff_ci_high.toFixed(3)}] better in ${(100 * c.p_better).toFixed(0)}%`);
}

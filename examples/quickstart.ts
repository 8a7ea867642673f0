/**
 * Quick start: run the baseline scenario for 10 years and print full members and the share of
 * branches in warning. Run: `npx tsx examples/quickstart.ts`.
 */
import { loadScenario, runReplicate, withOverrides } from 'talentsim';

const scenario = withOverrides(loadScenario('baseline'), { years: 10, seed: 3 });
const rows = runReplicate(scenario, 0, { metrics: ['members_full', 'member_mean_age', 'branches_warning_share'] });
for (const r of rows) {
  if (r.year % 5 === 0) console.log(`${r.year} ${r.metric.padEnd(24)} ${r.value.toFixed(3)}`);
}

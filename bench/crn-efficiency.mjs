// Efficiency of common random numbers (CRN): for each outcome and year, the standard deviation of the
// paired difference (policy − baseline, same replicate) divided by the standard deviation of the baseline
// level across replicates. Near 0: the pairing cancels almost all replicate noise; near √2 ≈ 1.41: the two
// runs of a replicate are as good as independent (no pairing benefit).
//
// The small county of the CRN measurement: 5 villages, 4,000 registered villagers, village_size_cv 0.3,
// 30 years, baseline vs a policy scenario (default organizational-fortification), paired by replicate.
//
//   node bench/crn-efficiency.mjs [--replicates 250] [--policy organizational-fortification] [--json]
//
// Needs a current build (`npm run build`): imports the compiled package (dist/). Single thread; about
// 1.5 s per replicate pair on one core.
import { loadScenario, withOverrides, runReplicate } from '../dist/index.js';
import { argOption } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => argOption(args, name, fallback);
const R = Number(opt('replicates', 250));
const policy = opt('policy', 'organizational-fortification');
const json = args.includes('--json');
if (!(Number.isInteger(R) && R >= 3)) throw new Error(`--replicates must be an integer ≥ 3, found ${opt('replicates')}`);

/** The outcomes of the CRN table. */
const OUTCOMES = ['population_resident', 'population_away', 'return_rate', 'youth_outmigration_rate', 'members_full'];
const county = { villages: 5, population: 4000, villageSizeCv: 0.3 };
const YEARS = 30;
// withOverrides sets the horizon; the county is set on the scenario object (withOverrides has no county).
const mk = (name) => {
  const s = withOverrides(loadScenario(name), { years: YEARS });
  return { ...s, county: { ...s.county, ...county } };
};
const base = mk('baseline');
const pol = mk(policy);
{
  // Check the county really is the small one (registered villagers at the start of replicate 0; a run has at least one year).
  const rows = runReplicate({ ...base, years: 1 }, 0).filter((r) => r.year === base.startYear);
  const n = rows.find((r) => r.metric === 'population_resident').value + rows.find((r) => r.metric === 'population_away').value;
  if (Math.abs(n - county.population) > 0.6 * county.population) throw new Error(`the county has ${n} villagers, not about ${county.population}`);
}
const years = [base.startYear + 5, base.startYear + YEARS];

/** The outcome values of one run at the table's years, by `metric@year`. */
const pick = (rows) => {
  const m = new Map();
  for (const r of rows) if (years.includes(r.year) && OUTCOMES.includes(r.metric)) m.set(`${r.metric}@${r.year}`, r.value);
  return m;
};
const b = [];
const p = [];
const t0 = Date.now();
for (let r = 0; r < R; r++) {
  b.push(pick(runReplicate(base, r)));
  p.push(pick(runReplicate(pol, r)));
}
const seconds = (Date.now() - t0) / 1000;
const mean = (xs) => xs.reduce((a, x) => a + x, 0) / xs.length;
const sd = (xs) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};
const table = OUTCOMES.map((o) => ({
  outcome: o,
  years: years.map((y) => {
    const k = `${o}@${y}`;
    const level = b.map((m) => m.get(k));
    const diff = b.map((m, i) => p[i].get(k) - m.get(k));
    const s = sd(level);
    return { year: y, sdBaseline: s, sdDifference: sd(diff), meanDifference: mean(diff), ratio: s > 0 ? sd(diff) / s : null };
  }),
}));

if (json) console.log(JSON.stringify({ replicates: R, policy, county, years: YEARS, seconds, table }, null, 2));
else {
  console.log(`replicates ${R}, ${policy} vs baseline, ${seconds.toFixed(1)} s`);
  console.log(`| outcome | ${years.join(' | ')} |\n|---|---|---|`);
  for (const row of table) console.log(`| ${row.outcome} | ${row.years.map((c) => (c.ratio === null ? 'n/a' : c.ratio.toFixed(3))).join(' | ')} |`);
}

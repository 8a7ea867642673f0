// Compares a build's outputs in distribution with another build's (e.g. after a change of stream derivation):
// mean and standard deviation over seeds of the final-year value of key metrics.
//   DIST=/tmp/talentsim-base/dist node bench/distribution-check.mjs ; node bench/distribution-check.mjs
import { pathToFileURL } from 'node:url';
import path from 'node:path';
const dist = path.resolve(process.env.DIST ?? new URL('../dist', import.meta.url).pathname);
const imp = (p) => import(pathToFileURL(path.join(dist, p)).href);
const { run } = await imp('core/run.js');
const { talentModel } = await imp('model/model.js');
const { defaultInputs } = await imp('model/default-inputs.js');
const SEEDS = Number(process.argv[2] ?? 12);
const names = ['population_resident', 'members_full', 'member_mean_age', 'recruits', 'applicants', 'activists', 'branches_warning_share', 'cultural_identity_mean', 'youth_outmigration_rate', 'succession_gap_share'];
const acc = new Map(names.map((n) => [n, []]));
const FIRST = Number(process.argv[3] ?? 1);
for (let seed = FIRST; seed < FIRST + SEEDS; seed++) {
  const res = run(talentModel(defaultInputs({ county: { villages: 12, population: 18000 } })), { startYear: 2025, years: 20, seed });
  const last = res.rows.filter((r) => r.year === 2045);
  for (const n of names) acc.get(n).push(last.find((r) => r.metric === n).value);
}
for (const [n, xs] of acc) {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  console.log(`${n.padEnd(26)} mean ${m.toFixed(4).padStart(10)}  sd ${sd.toFixed(4).padStart(9)}  se ${(sd / Math.sqrt(xs.length)).toFixed(4)}`);
}

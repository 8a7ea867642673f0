/**
 * A custom process added by a user: a county "returnee cadre" programme that, each year, invites
 * resident returnees with strong economic competence to apply (declared in examples/returnee-cadres.mjs:
 * a plain function over the model state with its own named random stream, inserted after the built-in
 * migration process, and a custom metric counting the people it reached). This script runs the model with
 * and without it through the core `run`. Run: `npx tsx examples/custom-process.ts`. It imports the core and
 * the model from their subpaths (`talentsim/core`, `talentsim/model`).
 */
import { run } from 'talentsim/core';
import { defaultInputs, talentModel } from 'talentsim/model';
// The process and its metric are declared in a JavaScript module so that worker threads and the CLI can
// load the same model: `talentsim compare --model examples/returnee-cadres.mjs`.
import { invited, processes } from './returnee-cadres.mjs';

const inputs = defaultInputs({ county: { villages: 8, population: 12000 } });
const base = talentModel(inputs);
const model = { ...talentModel(inputs, { processes }), metrics: [...base.metrics, invited] };

const withProgramme = run(model, { startYear: 2025, years: 10, seed: 1, metrics: ['applicants', 'members_full', 'returnees_invited'] });
const without = run(base, { startYear: 2025, years: 10, seed: 1, metrics: ['applicants', 'members_full'] });
const at = (rows: typeof without.rows, m: string, y: number) => rows.find((r) => r.metric === m && r.year === y)?.value ?? 0;
console.log('year  applicants(base)  applicants(programme)  invited');
for (const y of [2026, 2030, 2035]) {
  console.log(`${y}  ${at(without.rows, 'applicants', y)}  ${at(withProgramme.rows, 'applicants', y)}  ${at(withProgramme.rows, 'returnees_invited', y)}`);
}

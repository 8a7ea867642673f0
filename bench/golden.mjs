// Prints a hash of the rows of a short run (checks that an optimisation kept outputs identical).
// Modes: (none), levers, shock, lockdown. DIST=/path/to/dist compares another build (e.g. of HEAD, see bench/base-build.sh).
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
const dist = path.resolve(process.env.DIST ?? new URL('../dist', import.meta.url).pathname);
const imp = (p) => import(pathToFileURL(path.join(dist, p)).href);
const { run } = await imp('core/run.js');
const { toCsv } = await imp('core/rows.js');
const { talentModel } = await imp('model/model.js');
const { defaultInputs } = await imp('model/default-inputs.js');
const levers = process.argv[2] === 'levers' ? { first_secretary: 0.5, young_talent_stipend: 2, returnee_support: 3, cultural_programmes: 0.5, secretary_training: 0.5, entrepreneurship_support: 0.5, selection_standard_raise: 0.1 } : {};
const shock = process.argv[2] === 'shock' ? { mobility: 0.3, conflict: 0.1, migrantWage: 0.8 } : process.argv[2] === 'lockdown' ? { mobility: 0 } : undefined;
const res = run(talentModel(defaultInputs({ county: { villages: 12, population: 18000 }, levers, shock })), { startYear: 2025, years: 15, seed: 7 });
console.log(createHash('sha256').update(toCsv(res.rows)).digest('hex').slice(0, 16), res.draws);

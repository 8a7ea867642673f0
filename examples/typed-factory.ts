/**
 * A model factory in TypeScript without a cast: `talentModel` returns `ModelDefinition<County>`, which the
 * engine's `ModelFactory` accepts as it is (its metric and process functions are methods, so a definition
 * for a concrete state is one for `unknown`). The factory drops the culture process — a what-if about a
 * mechanism — and runs one replicate of each way through `runReplicate`. Run: `npx tsx examples/typed-factory.ts`.
 * The tests also type-check every TypeScript example against the package's exported types.
 */
import { compileScenario, loadScenario, PROCESSES, runReplicate, talentModel, withOverrides, type ModelFactory } from 'talentsim';

const withoutCulture: ModelFactory = (scenario) => talentModel(compileScenario(scenario), { processes: PROCESSES.filter((p) => p.name !== 'culture') });
const scenario = withOverrides(loadScenario('cultural-identity'), { years: 5 });
const small = { ...scenario, county: { ...scenario.county, villages: 4, population: 3000 } };
const at = (rows: ReturnType<typeof runReplicate>, metric: string) => rows.find((r) => r.metric === metric && r.year === 2030)?.value;
const full = runReplicate(small, 0, { metrics: ['cultural_life_mean'] });
const without = runReplicate(small, 0, { metrics: ['cultural_life_mean'], model: withoutCulture });
console.log(`cultural_life_mean in 2030: with the culture process ${at(full, 'cultural_life_mean')}, without ${at(without, 'cultural_life_mean')}`);

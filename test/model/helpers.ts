/** Shared helpers for per-process model tests: small counties, hand-built villages, step contexts. */
import { drawsFrom, streamFor, type Draws, type Stream } from '../../src/core/random.js';
import { run } from '../../src/core/run.js';
import type { Process, StepContext } from '../../src/core/schedule.js';
import { createCountyState, type County } from '../../src/model/county.js';
import { generateVillage } from '../../src/model/county-generator.js';
import { defaultInputs, type DefaultInputsOptions } from '../../src/model/default-inputs.js';
import { talentModel } from '../../src/model/model.js';
import { applyVillagePolicy } from '../../src/model/targeting.js';
import { addVillager, createVillage, newHousehold, type Village } from '../../src/model/village.js';
import { NEVER, type VillagerColumns } from '../../src/model/villager.js';
import { recountHouseholds } from '../../src/model/processes/livelihood.js';
import { defaultParams } from '../../src/model/parameters.js';

/** A step context for one process in one year, with streams and keyed draws keyed by (seed, "test", village, process, year). */
export function ctxFor(process: string, year = 2026, t = 1, seed = 1): StepContext {
  return {
    year,
    t,
    stream: (g: number): Stream => streamFor([seed, 'test', g, process, year]),
    draws: (g: number): Draws => drawsFrom(streamFor([seed, 'test-draws', g, process, year])),
    eventDraws: (g: number): Draws => drawsFrom(streamFor([seed, 'test-events', g, process])),
  };
}

/** Runs one process once over a county (sets the county's year and policy, and each village's levers, first, as the model's beginYear does). */
export function runOnce(county: County, process: Process<County>, seed = 1, year = 2026, t = 1): void {
  county.year = year;
  county.t = t;
  county.version++;
  county.policy = county.inputs.policy(t, year);
  county.shock = county.inputs.shock(t, year);
  for (const v of county.villages) applyVillagePolicy(v, county.policy);
  process.run(county, ctxFor(process.name, year, t, seed));
}

/** A county of `n` generated villages of about `size` registered villagers each. */
export function generatedCounty(n: number, size: number, options: DefaultInputsOptions = {}, seed = 1): County {
  const inputs = defaultInputs({ ...options, county: { villages: n, population: n * size, ...options.county } });
  const villages: Village[] = [];
  for (let g = 0; g < n; g++) villages.push(generateVillage(g, inputs.county, inputs.params, streamFor([seed, 'gen', g])));
  return createCountyState(inputs, villages, 2025);
}

/** A county around hand-built villages. */
export function handCounty(villages: Village[], options: DefaultInputsOptions = {}): County {
  return createCountyState(defaultInputs(options), villages, 2025);
}

/** Villager attributes for {@link person}. */
export type Person = Partial<Record<keyof VillagerColumns, number>>;

/** Adds a villager with sensible defaults (adult farmer, resident, own household unless given). */
export function person(v: Village, init: Person = {}): number {
  const household = init.household ?? newHousehold(v);
  return addVillager(v, {
    age: 30, sex: 1, identity: 0.5, standing: 0.3, competenceParty: 0.3, competenceEconomic: 0.3,
    yearsSinceReturn: NEVER, ...init, household,
  });
}

/** An empty hand-built village (index `index`) with its household table recounted after `fill`. */
export function handVillage(index: number, fill: (v: Village) => void): Village {
  const v = createVillage(index, 64);
  fill(v);
  recountHouseholds(v, defaultParams());
  return v;
}

/** Runs a full talent model from 2025, calling `inspect` after every year (t = 0..years) with the state. */
export function stepModel(
  options: DefaultInputsOptions,
  years: number,
  inspect: (county: County, year: number, t: number) => void,
  seed = 1,
  processes?: readonly Process<County>[],
): County {
  const model = talentModel(defaultInputs(options), processes ? { processes } : {});
  return run(model, { startYear: 2025, years, seed, onYear: inspect }).state;
}

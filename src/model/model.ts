/**
 * The talent-dynamics model as a core `ModelDefinition`: the county generator, the eleven yearly
 * processes in their order, and the metrics. The year step is owned by the core.
 */
import type { MetricDef } from '../core/metrics.js';
import type { ModelDefinition } from '../core/run.js';
import { defineSchedule } from '../core/schedule.js';
import { createCountyState, type County } from './county.js';
import { generateVillage } from './county-generator.js';
import type { ModelInputs } from './inputs.js';
import { METRICS } from './metrics.js';
import { applyVillagePolicy } from './targeting.js';
import { emptyFlows } from './village.js';
import { villageAttributes } from './village-type.js';
import { demography } from './processes/demography.js';
import { livelihood } from './processes/livelihood.js';
import { migration } from './processes/migration.js';
import { culture } from './processes/culture.js';
import { cohesion } from './processes/cohesion.js';
import { aspiration } from './processes/aspiration.js';
import { pipeline } from './processes/pipeline.js';
import { branchLife } from './processes/branch-life.js';
import { succession } from './processes/succession.js';
import { memberExit } from './processes/member-exit.js';
import { policyCost } from './processes/policy-cost.js';
import type { Process } from '../core/schedule.js';

/** The eleven yearly processes, in the order they run each year (policy cost last: it bills what the others recorded). */
export const PROCESSES = defineSchedule<County>([
  demography,
  livelihood,
  migration,
  culture,
  cohesion,
  aspiration,
  pipeline,
  branchLife,
  succession,
  memberExit,
  policyCost,
]);

/** Options of {@link talentModel}. */
export interface TalentModelOptions {
  /** Generate and run only villages [from, to) of the county (for splitting a province across workers). */
  villages?: [number, number];
  /** Replace the process list (e.g. to add a user process); default {@link PROCESSES}. */
  processes?: readonly Process<County>[];
  /** Replace the metric list (e.g. to add metrics by village type); default {@link METRICS}. */
  metrics?: readonly MetricDef<County>[];
}

/** The talent model for the given inputs. */
export function talentModel(inputs: ModelInputs, options: TalentModelOptions = {}): ModelDefinition<County> {
  const [from, to] = options.villages ?? [0, inputs.county.villages];
  return {
    name: 'talentsim',
    create(ctx) {
      const villages = [];
      for (let g = from; g < to; g++) {
        // Stream group numbers are global: the core adds its groupOffset (= from) to the local index.
        // Identity keys use the global number g, so a split run gives every villager the same key.
        villages.push(generateVillage(g - from, inputs.county, inputs.params, ctx.stream(g - from, 'county'), g));
      }
      const county = createCountyState(inputs, villages, ctx.startYear);
      // Households, incomes and pressure exist from the start (year-0 metrics, year-1 household splits):
      // one livelihood pass under current policy, before any simulated year.
      livelihood.run(county, { year: ctx.startYear, t: 0, draws: (g) => ctx.draws(g, 'livelihood'), eventDraws: (g) => ctx.draws(g, 'livelihood-events'), stream: (g) => ctx.stream(g, 'livelihood') });
      return county;
    },
    groups: (c) => c.villages.length,
    processes: options.processes ? defineSchedule(options.processes) : PROCESSES,
    metrics: options.metrics ?? METRICS,
    groupAttributes: (c, g) => villageAttributes(c.villages[g]),
    beginYear(c, year, t) {
      c.year = year;
      c.t = t;
      c.version++;
      c.policy = c.inputs.policy(t, year);
      c.shock = c.inputs.shock(t, year);
      // Each village's levers for the year, from its state at the start of the year (targeted policies).
      for (const v of c.villages) {
        v.flows = emptyFlows();
        v.spending = {};
        applyVillagePolicy(v, c.policy);
      }
    },
  };
}

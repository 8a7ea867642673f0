/**
 * What each scenario spends: the mean yearly policy spending (`policy_cost`, yuan per year for the county)
 * over the simulated years up to the horizon — the first year is the initial state and spends nothing —
 * averaged over replicates, and the same per village (divided by the county's villages from the scenario).
 */
import type { SeriesRow } from '../core/rows.js';
import { mean } from './aggregate.js';

/** A scenario's yearly spending. */
export interface ScenarioSpending {
  /** Mean yearly policy spending of the county, yuan per year. */
  perCounty: number;
  /** The same per village (undefined when the number of villages is not known). */
  perVillage?: number;
  /** Villages of its county. */
  villages?: number;
}

/**
 * Mean yearly spending per scenario over the simulated years up to `horizon` (every year after the first
 * year of the rows); `villages` gives the county's villages of a scenario (from its scenario description).
 */
export function scenarioSpending(
  series: readonly SeriesRow[],
  horizon: number,
  villages: (scenario: string) => number | undefined,
  metric = 'policy_cost',
): Map<string, ScenarioSpending> {
  let first = Infinity;
  for (const r of series) if (r.metric === metric && r.year < first) first = r.year;
  const byRep = new Map<string, Map<number, number[]>>();
  for (const r of series) {
    if (r.metric !== metric || r.year <= first || r.year > horizon || !Number.isFinite(r.value)) continue;
    let reps = byRep.get(r.scenario);
    if (!reps) byRep.set(r.scenario, (reps = new Map()));
    let vals = reps.get(r.replicate);
    if (!vals) reps.set(r.replicate, (vals = []));
    vals.push(r.value);
  }
  const out = new Map<string, ScenarioSpending>();
  for (const [scenario, reps] of byRep) {
    const perCounty = mean([...reps.values()].map((v) => mean(v)));
    const v = villages(scenario);
    out.set(scenario, { perCounty, ...(v && v > 0 ? { perVillage: perCounty / v, villages: v } : {}) });
  }
  return out;
}

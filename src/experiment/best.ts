/**
 * Which scenario is best? For every main outcome with a direction, the probability that each scenario
 * has the best value at the horizon: the share of replicates in which it does (ties share the replicate
 * equally), over the replicates every scenario completed. Replicates are paired — the same replicate of
 * every scenario shares its random numbers (common random numbers) and, with a posterior, its parameter
 * draw — so the share reads as "in how many of the possible worlds is this the best pathway". With a
 * posterior it includes parameter uncertainty; without one, only the model's own chance variation.
 * best.csv is written next to comparison.csv (outputs.ts).
 */
import { csvField } from '../core/rows.js';
import type { ExperimentPlan } from './outputs.js';
import type { ValueTable } from './value-table.js';

/** One row of best.csv: one outcome and scenario. */
export interface BestRow {
  outcome: string;
  scenario: string;
  /** The direction in which the outcome is better. */
  better: 'higher' | 'lower';
  /** Horizon year the values are read at. */
  year: number;
  /** Replicates every scenario completed (the pairs counted). */
  replicates: number;
  /** Share of those replicates in which the scenario has the best value (ties shared). */
  p_best: number;
  /** Mean of the scenario's values over those replicates. */
  mean: number;
}

/** Columns of best.csv, in order. */
export const BEST_COLUMNS = ['outcome', 'scenario', 'better', 'year', 'replicates', 'p_best', 'mean'] as const;

/**
 * The probability of being best of every scenario for every main outcome with a direction (outcome order,
 * then scenario order). Empty for a scan, for fewer than two scenarios, or when no replicate was completed
 * by every scenario. Scenarios must share their horizon year (otherwise empty: there is no common year).
 */
export function bestRows(plan: ExperimentPlan, table: ValueTable): BestRow[] {
  if (plan.kind !== 'ensemble' || plan.units.length < 2) return [];
  const horizons = plan.units.map((_, u) => table.unitYears(u).at(-1)!);
  if (new Set(horizons).size !== 1) return [];
  const year = horizons[0];
  const yearIdx = plan.units.map((_, u) => table.unitYears(u).length - 1);
  const maxR = Math.min(...plan.units.map((u) => u.replicates));
  const paired: number[] = [];
  for (let r = 0; r < maxR; r++) if (plan.units.every((_, u) => table.has(u, r))) paired.push(r);
  if (paired.length === 0) return [];
  const rows: BestRow[] = [];
  for (const name of plan.mainMetrics) {
    const m = plan.metrics.findIndex((x) => x.name === name);
    if (m < 0) continue;
    const direction = plan.metrics[m].direction;
    if (direction !== 'higher' && direction !== 'lower') continue;
    const sign = direction === 'higher' ? 1 : -1;
    const cells = plan.units.map((_, u) => table.cell(u, m, yearIdx[u]));
    const wins = new Float64Array(plan.units.length);
    const sums = new Float64Array(plan.units.length);
    for (const r of paired) {
      let best = -Infinity;
      for (let u = 0; u < cells.length; u++) {
        const x = sign * cells[u][r];
        if (x > best) best = x;
        sums[u] += cells[u][r];
      }
      const tied: number[] = [];
      for (let u = 0; u < cells.length; u++) if (sign * cells[u][r] === best) tied.push(u);
      for (const u of tied) wins[u] += 1 / tied.length;
    }
    plan.units.forEach((unit, u) => {
      rows.push({
        outcome: name, scenario: unit.scenario.name, better: direction, year, replicates: paired.length,
        p_best: wins[u] / paired.length, mean: sums[u] / paired.length,
      });
    });
  }
  return rows;
}

/** best.csv text. */
export function bestCsv(rows: readonly BestRow[]): string {
  let out = BEST_COLUMNS.join(',') + '\n';
  for (const r of rows) out += BEST_COLUMNS.map((c) => csvField(r[c])).join(',') + '\n';
  return out;
}

/**
 * What the levers set on the page cost, from the lever declarations (unit cost and cost basis) and the
 * scenario's own unit costs: levers paid for every village are planned exactly (mean over the horizon of
 * value × unit cost); levers paid per recipient or per village where they apply depend on the run, so
 * they show their price per recipient and the spending the last run measured.
 */
import { LEVER_INDEX, type LeverSpec } from '../../src/model/levers.js';
import type { PolicySetting } from '../../src/scenario/types.js';
import type { LeverPlan } from './scenarios.js';

/** One lever as the page holds it: its policy entries and, if they came from a file, their horizon schedule. */
export interface LeverSetting {
  entries: PolicySetting[];
  /** Values and unit costs year by year as the model compiled them (absent for a constant set on the page). */
  plan?: LeverPlan;
}

/** The last run's measurement of a lever: its mean yearly value and mean yuan per village per year. */
export interface MeasuredSpend {
  meanValue: number;
  perVillage: number;
}

/** A lever's expected spending. */
export interface LeverSpend {
  basis: LeverSpec['costBasis'];
  /** Mean over the horizon of the lever's value. */
  meanValue: number;
  /** Mean unit cost in force (yuan per unit, per village, recipient or dispatched secretary, per year). */
  unitCost: number;
  /**
   * Yuan per village per year: planned for a village-basis lever; for the others, the last run's measured
   * figure scaled to the current value (undefined before any run, or if the last run had the lever off).
   */
  perVillage: number | undefined;
  /** How `perVillage` was obtained. */
  source: 'planned' | 'measured' | 'scaled' | 'unknown';
}

/** A constant value set on the page as the lever's only policy entry (years 1 to the horizon). */
export function constantSetting(lever: string, value: number, unitCost?: number): LeverSetting {
  const spec = LEVER_INDEX.get(lever);
  if (!spec) throw new Error(`unknown lever "${lever}"`);
  return value === 0 ? { entries: [] } : { entries: [{ lever, value, from: 1, until: null, unitCost: unitCost ?? spec.unitCost }] };
}

/** The setting's values and unit costs in years 1..years. */
export function settingPlan(lever: string, setting: LeverSetting, years: number): LeverPlan {
  if (setting.plan) return setting.plan;
  const spec = LEVER_INDEX.get(lever);
  const e = setting.entries[0];
  const value = e && typeof e.value === 'number' ? e.value : 0;
  const unitCost = e?.unitCost ?? spec?.unitCost ?? 0;
  const values: number[] = [];
  const unitCosts: number[] = [];
  for (let t = 1; t <= years; t++) {
    const on = e !== undefined && t >= e.from && (e.until === null || t <= e.until);
    values.push(on ? value : 0);
    unitCosts.push(unitCost);
  }
  return { values, unitCosts };
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}

/** A lever's expected spending under `setting` over `years`, using the last run's measurement if any. */
export function leverSpend(lever: string, setting: LeverSetting, years: number, measured?: MeasuredSpend): LeverSpend {
  const spec = LEVER_INDEX.get(lever);
  if (!spec) throw new Error(`unknown lever "${lever}"`);
  const plan = settingPlan(lever, setting, years);
  const meanValue = mean(plan.values);
  const unitCost = mean(plan.unitCosts);
  if (spec.costBasis === 'village') {
    return { basis: spec.costBasis, meanValue, unitCost, perVillage: mean(plan.values.map((v, i) => v * plan.unitCosts[i])), source: 'planned' };
  }
  if (meanValue === 0) return { basis: spec.costBasis, meanValue, unitCost, perVillage: 0, source: 'planned' };
  if (!measured || measured.meanValue === 0) return { basis: spec.costBasis, meanValue, unitCost, perVillage: undefined, source: 'unknown' };
  const same = Math.abs(measured.meanValue - meanValue) <= 1e-12 * Math.max(1, meanValue);
  return {
    basis: spec.costBasis,
    meanValue,
    unitCost,
    perVillage: same ? measured.perVillage : (measured.perVillage * meanValue) / measured.meanValue,
    source: same ? 'measured' : 'scaled',
  };
}

/** Total of the known per-village figures, and whether some lever's spending is not known yet. */
export function totalSpend(spends: readonly LeverSpend[]): { perVillage: number; complete: boolean } {
  let perVillage = 0;
  let complete = true;
  for (const s of spends) {
    if (s.perVillage === undefined) complete = false;
    else perVillage += s.perVillage;
  }
  return { perVillage, complete };
}

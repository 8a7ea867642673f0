/**
 * Lever mixes: a budget per village and year split over levers by spend shares, turned into lever values
 * and a scenario. A lever's value is its share of the budget divided by its spend rate (yuan per unit of the
 * lever per village and year): exact for a per-village lever (its unit cost), measured for a per-recipient or
 * per-applied-village lever (what the model billed per unit, which depends on how many recipients there
 * are). A lever that reaches its maximum keeps it and its unspent share goes to the others (water-filling);
 * when every lever is at its maximum the mix is saturated and spends less than the budget.
 */
import { LEVER_INDEX, leverUnitCost, type CostLevel, type LeverName, type LeverSpec } from '../../model/levers.js';
import type { PolicySetting, Scenario } from '../../scenario/types.js';
import type { WhereSetting } from '../../scenario/schema.js';

/** Yuan per unit of each lever per village and year. */
export type SpendRates = Partial<Record<LeverName, number>>;

/**
 * First guesses of recipients per village and year (a 'recipient' lever) or of the share of villages where
 * the lever applies (an 'applied-village' lever), before anything is measured; policy design replaces them
 * by measured rates at once (see {@link measuredRates}).
 */
export const RATE_GUESS = { recipientsPerVillage: 20, appliedShare: 0.2 } as const;

/** The declared spec of a lever (throws for an unknown name). */
export function leverSpec(name: string): LeverSpec {
  const spec = LEVER_INDEX.get(name);
  if (!spec) throw new Error(`unknown lever "${name}"`);
  return spec;
}

/** A lever's spend rate before measurement: its unit cost, times the first guess of recipients or applied share. */
export function guessedRate(lever: LeverName, costs: CostLevel = 'default'): number {
  const spec = leverSpec(lever);
  const c = leverUnitCost(spec, costs);
  if (spec.costBasis === 'recipient') return c * RATE_GUESS.recipientsPerVillage;
  if (spec.costBasis === 'applied-village') return c * RATE_GUESS.appliedShare;
  return c;
}

/** Lever values of a mix (levers at 0 left out). */
export type LeverSettings = Partial<Record<LeverName, number>>;

/** What {@link mixValues} gives. */
export interface MixValues {
  values: LeverSettings;
  /** Planned spend per village and year, by lever (share of the budget, or the cap). */
  planned: LeverSettings;
  /** Total planned spend per village and year. */
  spend: number;
  /** Every lever with a share is at its maximum and the budget is not used up. */
  saturated: boolean;
}

/** Rounds a lever value for scenarios and keys: 6 significant digits (far below any effect). */
export function roundValue(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(6));
}

/**
 * Lever values that spend `budget` yuan per village and year in proportion to `shares` (≥ 0, any sum > 0)
 * at the given spend rates, water-filling over levers that reach their maximum.
 */
export function mixValues(levers: readonly LeverName[], shares: readonly number[], budget: number, rates: SpendRates): MixValues {
  if (levers.length !== shares.length) throw new RangeError(`${levers.length} levers but ${shares.length} shares`);
  const values: LeverSettings = {};
  const planned: LeverSettings = {};
  let active = levers.map((_, i) => i).filter((i) => shares[i] > 0);
  let remaining = Math.max(0, budget);
  for (;;) {
    const total = active.reduce((s, i) => s + shares[i], 0);
    if (active.length === 0 || total <= 0 || remaining <= 0) break;
    const capped = active.filter((i) => {
      const l = levers[i];
      const rate = rates[l] ?? guessedRate(l);
      return (remaining * shares[i]) / total / rate >= leverSpec(l).max;
    });
    if (capped.length === 0) {
      for (const i of active) {
        const l = levers[i];
        const spend = (remaining * shares[i]) / total;
        const v = roundValue(spend / (rates[l] ?? guessedRate(l)));
        if (v > 0) {
          values[l] = v;
          planned[l] = spend;
        }
      }
      remaining = 0;
      break;
    }
    for (const i of capped) {
      const l = levers[i];
      const spec = leverSpec(l);
      values[l] = spec.max;
      planned[l] = spec.max * (rates[l] ?? guessedRate(l));
      remaining -= planned[l]!;
    }
    active = active.filter((i) => !capped.includes(i));
  }
  const spend = Object.values(planned).reduce((s, x) => s + (x ?? 0), 0);
  const withShare = levers.filter((_, i) => shares[i] > 0);
  const saturated = withShare.length > 0 && withShare.every((l) => values[l] === leverSpec(l).max) && spend < budget * (1 - 1e-9);
  return { values, planned, spend, saturated };
}

/**
 * Measured spend rates: each lever's measured spend per village and year divided by its value, for the levers
 * with a value and some spend; per-village levers keep their exact unit cost (at `costs`).
 */
export function measuredRates(values: LeverSettings, spendByLever: LeverSettings, previous: SpendRates, costs: CostLevel = 'default'): SpendRates {
  const out: SpendRates = { ...previous };
  for (const [l, v] of Object.entries(values) as [LeverName, number][]) {
    const spec = leverSpec(l);
    if (spec.costBasis === 'village') out[l] = leverUnitCost(spec, costs);
    else if (v > 0 && (spendByLever[l] ?? 0) > 0) out[l] = spendByLever[l]! / v;
  }
  return out;
}

/** The policies of a mix: each lever at a constant value over the whole run at its cost level, optionally targeted. */
export function mixPolicies(values: LeverSettings, costs: CostLevel = 'default', where?: WhereSetting): PolicySetting[] {
  const out: PolicySetting[] = [];
  for (const spec of LEVER_INDEX.values()) {
    const v = values[spec.name as LeverName];
    if (v === undefined || v <= 0) continue;
    out.push({ lever: spec.name as LeverName, value: v, from: 1, until: null, unitCost: leverUnitCost(spec, costs), ...(where ? { where: structuredClone(where) } : {}) });
  }
  return out;
}

/** `base` (its policies dropped) with the given policies and name. */
export function withPolicies(base: Scenario, name: string, policies: PolicySetting[], description = ''): Scenario {
  return { ...base, name, description, policies };
}

/** A stable text key of lever values (declaration order), for caches and directory names. */
export function valuesKey(values: LeverSettings): string {
  return [...LEVER_INDEX.keys()].filter((l) => (values[l as LeverName] ?? 0) > 0).map((l) => `${l}=${values[l as LeverName]}`).join(',') || 'none';
}

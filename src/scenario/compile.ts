/**
 * `compileScenario`: turns a validated Scenario into the model's ModelInputs — parameters with overrides,
 * the county, and the policy and shock schedules as functions of (t, year). Expressions are compiled once
 * here. Pure and browser-safe.
 */
import { noShock, type AnyLeverValues, type LeverName, type ShockState } from '../model/levers.js';
import type { ModelInputs, PolicyYear, TargetedLever } from '../model/inputs.js';
import type { VillageSelector } from '../model/targeting.js';
import { resolveParams } from '../model/parameters.js';
import { compileExpression, type CompiledExpression } from './expression.js';
import { leverCatalog } from './levers.js';
import type { Scenario } from './types.js';

interface CompiledPolicy {
  lever: string;
  min: number;
  max: number;
  from: number;
  until: number;
  unitCost: number;
  value: CompiledExpression;
  /** The villages a targeted policy applies to (absent: every village). */
  where?: VillageSelector;
}

/** Compiles a policy value (number or expression text) to a function of (t, year). */
function compileValue(value: number | string): CompiledExpression {
  if (typeof value === 'number') return () => value;
  const r = compileExpression(value);
  if (!r.ok) throw new Error(`invalid expression "${value}": ${r.message} (the scenario was not validated)`);
  return r.evaluate;
}

/**
 * Compiles a validated scenario into model inputs. `policy(t, year)` gives every lever's value — the
 * built-in levers and the scenario's user levers (its `levers`, which the inputs carry on for billing) — 0
 * outside a policy's [from, until] window and for levers no policy sets, and its unit cost (the policy's
 * `unitCost` while active, else the lever's declared `unitCost`). Values are clamped to the lever range
 * and non-finite values read as 0, which validation rules out within the horizon (this only guards calls
 * beyond it). A policy with `where:` is a targeted entry of the year instead (value, unit cost and selector):
 * the model applies it, at the start of the year, in the villages that meet its conditions then (a later
 * matching entry of a lever wins). `shock(t, year)` combines the shocks active at t: mobility and migrant wage multiply,
 * conflict adds (capped at 1).
 */
export function compileScenario(scenario: Scenario): ModelInputs {
  const catalog = leverCatalog(scenario.levers);
  const specs = catalog.index;
  const policies: CompiledPolicy[] = scenario.policies.map((p) => {
    const spec = specs.get(p.lever);
    if (!spec) throw new Error(`unknown lever "${p.lever}" (the scenario was not validated)`);
    return {
      lever: spec.name,
      min: spec.min,
      max: spec.max,
      from: p.from,
      until: p.until ?? Infinity,
      unitCost: p.unitCost,
      value: compileValue(p.value),
      ...(p.where ? { where: p.where } : {}),
    };
  });
  const shocks = scenario.shocks.map((s) => ({ ...s }));
  return {
    params: resolveParams(scenario.parameters),
    structure: { ...scenario.structure },
    county: { ...scenario.county, mix: { ...scenario.county.mix } },
    ...(catalog.user.length ? { levers: catalog.user } : {}),
    policy(t: number, year: number): PolicyYear {
      const levers = {} as AnyLeverValues;
      const unitCosts = {} as AnyLeverValues;
      for (const l of catalog.all) {
        levers[l.name] = 0;
        unitCosts[l.name] = l.unitCost;
      }
      const targeted: TargetedLever[] = [];
      for (const p of policies) {
        if (t < p.from || t > p.until) continue;
        const x = p.value(t, year);
        const value = Number.isFinite(x) ? Math.min(p.max, Math.max(p.min, x)) : 0;
        if (p.where) targeted.push({ lever: p.lever, value, unitCost: p.unitCost, where: p.where });
        else {
          levers[p.lever] = value;
          unitCosts[p.lever] = p.unitCost;
        }
      }
      return { levers, unitCosts, targeted };
    },
    shock(t: number): ShockState {
      const out = noShock();
      for (const s of shocks) {
        if (t < s.start || t >= s.start + s.duration) continue;
        out.mobility *= s.mobility;
        out.migrantWage *= s.migrantWage;
        out.conflict = Math.min(1, out.conflict + s.conflict);
      }
      return out;
    },
  };
}

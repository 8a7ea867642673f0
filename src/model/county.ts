/**
 * The county: its villages and the township/county level — supervision, the yearly recruitment plan
 * (quota per member), the policy levers in force this year with their costs, and shocks.
 */
import type { ModelInputs, PolicyYear } from './inputs.js';
import { LEVERS, noShock, zeroLevers, type ShockState } from './levers.js';
import type { Params } from './parameters.js';
import { createScratch, type Scratch } from './scratch.js';
import type { Village } from './village.js';
import { resolveStructure, type Structure } from './structure.js';

/** The model state the core steps. */
export interface County {
  readonly inputs: ModelInputs;
  readonly params: Params;
  /** The structural alternatives in force (inputs.structure or the default). */
  readonly structure: Structure;
  readonly villages: Village[];
  /** Policy in force this year. */
  policy: PolicyYear;
  /** Shock state this year. */
  shock: ShockState;
  /** Current calendar year and offset. */
  year: number;
  t: number;
  /** Incremented every year; invalidates cached censuses. */
  version: number;
  /** Work buffers of the processes and the census cache (no meaning between uses). */
  readonly scratch: Scratch;
}

/** Policy at t=0 (nothing in force). */
export function idlePolicy(): PolicyYear {
  const unitCosts = zeroLevers();
  for (const l of LEVERS) unitCosts[l.name] = l.unitCost;
  return { levers: zeroLevers(), unitCosts, targeted: [] };
}

/** A county state around generated villages. */
export function createCountyState(inputs: ModelInputs, villages: Village[], startYear: number): County {
  return { inputs, params: inputs.params, structure: resolveStructure(inputs.structure), villages, policy: idlePolicy(), shock: noShock(), year: startYear, t: 0, version: 0, scratch: createScratch() };
}

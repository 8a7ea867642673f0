/**
 * Policy cost (the last process of the year): bills every lever once, from its declared cost basis, so a
 * lever's cost rule lives in one place. The other processes only record, in `flows.leverRecipients`,
 * how many recipients a 'recipient' lever reached and whether an 'applied-village' lever applied; this
 * process turns those and the year's lever values and unit costs into spending. A lever at 0 costs nothing.
 */
import type { Process } from '../../core/schedule.js';
import type { County } from '../county.js';
import { LEVERS, type LeverSpec } from '../levers.js';
import type { Village } from '../village.js';

/**
 * Yuan a lever costs a village this year, from its cost basis: `village` value × unit cost; `recipient`
 * recipients × value × unit cost; `applied-village` unit cost if it applied (recipients = 1) and is on.
 */
export function leverCost(spec: LeverSpec, value: number, unitCost: number, recipients: number): number {
  switch (spec.costBasis) {
    case 'village':
      return value * unitCost;
    case 'recipient':
      return recipients * value * unitCost;
    case 'applied-village':
      return value > 0 ? recipients * unitCost : 0;
  }
}

/**
 * Bills every lever in force in village `v` this year (`v.levers` and `v.unitCosts`, set from the county's
 * policy and any targeted entries at the start of the year) — the built-in levers, then the user levers
 * `extra` (as the inputs declare them): adds to `v.spending` (by lever, in that order) and to the cost
 * flow. A lever that does not apply in `v` is 0 there and costs nothing.
 */
export function billLevers(v: Village, extra: readonly LeverSpec[] = []): void {
  const f = v.flows;
  const bill = (spec: LeverSpec) => {
    const yuan = leverCost(spec, v.levers[spec.name] ?? 0, v.unitCosts[spec.name] ?? spec.unitCost, f.leverRecipients[spec.name] ?? 0);
    if (yuan === 0) return;
    v.spending[spec.name] = (v.spending[spec.name] ?? 0) + yuan;
    f.cost += yuan;
  };
  for (const spec of LEVERS) bill(spec);
  for (const spec of extra) bill(spec);
}

/** The policy-cost process. */
export const policyCost: Process<County> = {
  name: 'policy-cost',
  description: 'Bills every lever from its cost basis (per village, per applied village, per recipient).',
  run(county) {
    for (const v of county.villages) billLevers(v, county.inputs.levers);
  },
};

/**
 * Targeting: a policy may apply to a subset of villages, chosen each year by a selector on the village's
 * state at the start of that year (before any process runs). This module is the selectors' meaning and the
 * one place that turns the county's policy of a year into each village's own lever values and unit costs
 * (`v.levers`, `v.unitCosts`), which the processes read and the policy-cost process bills. A lever no
 * targeted entry touches has its county-wide value in every village.
 */
import { branchInWarning } from './census.js';
import type { Ethnicity } from './county-config.js';
import { ETHNICITIES } from './county-config.js';
import type { PolicyYear, TargetedLever } from './inputs.js';
import type { AnyLeverValues } from './levers.js';
import type { Village } from './village.js';
import { branchFoundation, villageTypeName, type VillageType } from './village-type.js';

/** An open interval on a value: above (strictly greater than) and/or below (strictly less than). */
export interface Band {
  above?: number;
  below?: number;
}

/** Which villages a targeted policy applies to: every given condition must hold (absent ones hold). */
export interface VillageSelector {
  /** The branch is in warning (mean member age ≥ 60, ≥ 3 years without a recruit, or no resident activist). */
  branchInWarning?: boolean;
  /** Branch authority 0-1 now. */
  branchAuthority?: Band;
  /** Branch foundation 0-1 now: the mean of authority and meeting quality. */
  branchFoundation?: Band;
  /** The village's initial local-jobs index 0-1 (its industry base). */
  industryBase?: Band;
  /** The local-jobs index 0-1 now. */
  industry?: Band;
  /** Majority ethnicity, one of these. */
  majority?: readonly Ethnicity[];
  /** Registered villagers (resident and away) now. */
  size?: Band;
  /** Village type (src/model/village-type.ts), one of these. */
  villageType?: readonly VillageType[];
}

function inBand(x: number, b: Band | undefined): boolean {
  if (!b) return true;
  return (b.above === undefined || x > b.above) && (b.below === undefined || x < b.below);
}

/** True if village `v`, in its current state, meets every condition of `where`. Reads state only. */
export function villageMatches(v: Village, where: VillageSelector): boolean {
  const b = v.branch;
  if (where.majority && !where.majority.includes(ETHNICITIES[v.majority])) return false;
  if (where.villageType && !where.villageType.includes(villageTypeName(v.type))) return false;
  if (!inBand(v.industryBase, where.industryBase) || !inBand(v.industry, where.industry)) return false;
  if (!inBand(b.authority, where.branchAuthority) || !inBand(branchFoundation(b.authority, b.meetingQuality), where.branchFoundation)) return false;
  if (!inBand(v.people.count, where.size)) return false;
  if (where.branchInWarning !== undefined && branchInWarning(v) !== where.branchInWarning) return false;
  return true;
}

/**
 * Sets `v.levers` and `v.unitCosts` for the year: the county-wide values of `policy`, then each targeted
 * entry in order where the village matches it (a later matching entry of the same lever wins). Without
 * targeted entries every village shares the county's objects (read-only to the processes).
 */
export function applyVillagePolicy(v: Village, policy: PolicyYear): void {
  const targeted: readonly TargetedLever[] = policy.targeted ?? [];
  if (targeted.length === 0) {
    v.levers = policy.levers;
    v.unitCosts = policy.unitCosts;
    return;
  }
  let levers: AnyLeverValues | undefined;
  let unitCosts: AnyLeverValues | undefined;
  for (const e of targeted) {
    if (!villageMatches(v, e.where)) continue;
    levers ??= { ...policy.levers };
    unitCosts ??= { ...policy.unitCosts };
    levers[e.lever] = e.value;
    unitCosts[e.lever] = e.unitCost;
  }
  v.levers = levers ?? policy.levers;
  v.unitCosts = unitCosts ?? policy.unitCosts;
}

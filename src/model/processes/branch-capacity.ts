/**
 * The branch's organisational capacity and the villagers' "wait-for-relief" dependence (issue 14): the
 * factors other processes read, each defined once here.
 *
 * - Active core (paper 1.1: "most active members are elderly or disabled, lacking organisational
 *   capacity"): the resident full members who are not frail (younger than `frailty_age`, not disabled,
 *   {@link isActiveCore}); its share of the resident full members drives meeting and study recovery
 *   ({@link coreFactor}, read by branch life) and, with the study system and village conflict, the branch's
 *   cultivation capacity ({@link cultivationCapacity}, multiplying the recruitment effort in the pipeline).
 * - Fragmented study (2.3): cultivation content for activists needs the study system (the study term of
 *   the capacity); members' competence growth and authority also read it (branch life).
 * - Involution (3.1): conflict lowers cultivation ("internal conflicts … hinder talent cultivation").
 * - Wait-for-relief (3.2, 4.1): a villager's dependence 0-1 relaxes toward a target that rises with the
 *   household's transfer income per head (pensions, the young-talent stipend) and falls with branch
 *   authority ({@link dependenceTarget}, updated in livelihood); it dampens the wish to apply
 *   ({@link dependenceFactor}, in the pipeline) and participation (cultural life support, meeting
 *   recovery: {@link participationFactor}).
 */
import type { Params } from '../parameters.js';
import type { Village } from '../village.js';
import { Status } from '../villager.js';
import { isActiveCore } from './member-exit.js';

/** Active core and resident full members of a village now (one pass). */
export function activeCore(v: Village, p: Params): { core: number; resident: number; dependenceSum: number } {
  const P = v.people.cols;
  const alive = v.people.alive;
  let core = 0;
  let resident = 0;
  let dependenceSum = 0;
  for (let i = 0; i < v.people.highWater; i++) {
    if (alive[i] === 0 || P.status[i] !== Status.full || P.away[i] === 1) continue;
    resident++;
    dependenceSum += P.dependence[i];
    if (isActiveCore(P.age[i], 0, P.disabled[i], p)) core++;
  }
  return { core, resident, dependenceSum };
}

/** Share of the resident full members in the active core (1 for a branch with no resident member: nothing to drag). */
export function activeCoreShare(v: Village, p: Params): number {
  const c = activeCore(v, p);
  return c.resident > 0 ? c.core / c.resident : 1;
}

/** (1 − w) + w·share with w = `frailty_capacity_weight`: how much of full organisational capacity the active core leaves. */
export function coreFactor(share: number, p: Params): number {
  const w = p.frailty_capacity_weight;
  return 1 - w + w * share;
}

/** Capacity of one factor relative to the reference branch: ((1 − w) + w·x) / ((1 − w) + w·ref). */
function relative(x: number, ref: number, w: number): number {
  return (1 - w + w * x) / (1 - w + w * ref);
}

/**
 * The branch's cultivation capacity, a factor on its recruitment effort (1 at the reference branch, so the
 * calibrated effort holds there; the pipeline caps effort × capacity at 1): the active core's share
 * (frailty), the study system (cultivation content) and village conflict (involution), each relative to
 * the reference branch (`reference_core_share`, `reference_study`, `reference_conflict`):
 * coreFactor(share)/coreFactor(ref) · ((1 − ws) + ws·study)/((1 − ws) + ws·ref) · max(0, 1 − wc·conflict)/(1 − wc·ref).
 */
export function cultivationCapacity(v: Village, p: Params): number {
  const conflict = Math.max(0, 1 - p.cultivation_conflict_effect * v.conflict) / Math.max(1e-9, 1 - p.cultivation_conflict_effect * p.reference_conflict);
  return (
    relative(activeCoreShare(v, p), p.reference_core_share, p.frailty_capacity_weight) *
    relative(v.branch.study, p.reference_study, p.study_cultivation_weight) *
    conflict
  );
}

/**
 * Target dependence of a villager: sigmoid(intercept + transfer effect · transfers per head / reference
 * income − authority effect · (authority − reference visibility)).
 */
export function dependenceTarget(transfersPerHead: number, authority: number, p: Params): number {
  const x =
    p.dependence_intercept +
    (p.dependence_transfer_effect * transfersPerHead) / p.reference_income -
    p.dependence_authority_effect * (authority - p.reference_visibility);
  return 1 / (1 + Math.exp(-x));
}

/** Factor on a villager's wish to apply: 1 − `dependence_aspiration_effect` · dependence. */
export function dependenceFactor(dependence: number, p: Params): number {
  return Math.max(0, 1 - p.dependence_aspiration_effect * dependence);
}

/** Factor on participation (cultural life support, meeting recovery) from the mean dependence: 1 − `dependence_participation_effect` · mean. */
export function participationFactor(meanDependence: number, p: Params): number {
  return Math.max(0, 1 - p.dependence_participation_effect * meanDependence);
}

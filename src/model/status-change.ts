/**
 * Changing a villager's Party status: the one function every process uses (pipeline steps, dropout on
 * migration, quitting the Party, death and transfer), so the bookkeeping is the same everywhere.
 */
import type { Village } from './village.js';
import { Status } from './villager.js';

/**
 * Moves villager `i` of `v` to Party status `to` in year offset `t`: counts the stage outflow of the old
 * status and the inflow of the new one, restarts the time in stage, counts a new candidacy when the
 * villager becomes an applicant, and, when the villager leaves the pipeline (to no status), records `t` so
 * that they may apply again only from the next year on.
 */
export function changeStatus(v: Village, i: number, to: number, t: number): void {
  const P = v.people.cols;
  const from = P.status[i];
  if (from !== Status.none) v.flows.stageOut[from]++;
  if (to !== Status.none) v.flows.stageIn[to]++;
  else P.leftPipelineT[i] = t;
  if (to === Status.applicant && P.candidacies[i] < 255) P.candidacies[i]++;
  P.status[i] = to;
  P.stageYears[i] = 0;
}

/** True if villager `i` left the pipeline in year offset `t` (≥ 1): the no-reapplication-this-year rule (§3 asks for a fresh application). */
export function leftPipelineIn(v: Village, i: number, t: number): boolean {
  return v.people.cols.leftPipelineT[i] === t;
}

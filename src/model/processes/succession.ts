/**
 * Succession (model brief process 9): when the secretary's post is vacant (death, migration), the
 * secretary is disabled, or a term ends with the secretary past the age limit, a successor is chosen
 * among resident full members by dual competence and standing. A successor qualifies only with both
 * competences above the bar; if none does, an able incumbent stays on, else the best available member
 * takes the post, and the branch has a succession gap (paper 1.2).
 */
import type { Process } from '../../core/schedule.js';
import { defineDecisions, type Draws } from '../../core/random.js';
import type { County } from '../county.js';
import type { Village } from '../village.js';
import { Occupation, Role, Status } from '../villager.js';
import type { Params } from '../parameters.js';
import type { Structure } from '../structure.js';

/** The decisions of succession: election noise, a normal (two draws) keyed by each candidate. */
export const SUCCESSION_DRAWS = defineDecisions({ electionNoise: 0 }, { electionNoise: 2 });

/**
 * True if member `i` is a ready successor: resident full member under the succession age with both
 * competences above the bar and (structure readiness: composite) standing above `standingBar` — a composite
 * the training lever does not define by construction (training raises competences, not standing).
 */
export function isReadySuccessor(v: Village, i: number, bar: number, maxAge: number, standingBar = 0): boolean {
  const P = v.people.cols;
  return (
    P.status[i] === Status.full && P.away[i] === 0 && P.disabled[i] === 0 && P.age[i] < maxAge &&
    P.competenceParty[i] > bar && P.competenceEconomic[i] > bar && P.standing[i] > standingBar
  );
}

/** The standing bar of readiness under the county's structure (0 under readiness: competence). */
export function readinessStandingBar(structure: Structure, p: Params): number {
  return structure.readiness === 'composite' ? p.succession_standing_bar : 0;
}

/** A trainee's priority: both competences and standing (the secretary's score without the noise). */
function trainingScore(P: Village['people']['cols'], i: number, p: Params): number {
  return P.competenceParty[i] + P.competenceEconomic[i] + p.succession_standing_weight * P.standing[i];
}

/**
 * Training of secretaries and reserve cadres (paper 4.1), `amount` = secretary_training_effect × lever: the
 * secretary (if under the training age) and the `training_reserve_cadres` best-scoring other resident
 * members and candidates (activist or above) under secretary_training_age_limit (ties: smaller identity
 * key) gain amount·(1 − c)² in each competence — diminishing returns, a limited number a year. Returns
 * the number trained. Deterministic.
 */
export function trainCadres(v: Village, p: Params, amount: number): number {
  if (amount <= 0) return 0;
  const P = v.people.cols;
  const alive = v.people.alive;
  const keys = v.people.keys;
  const trainAge = p.secretary_training_age_limit;
  const sec = v.branch.secretary;
  const chosen: number[] = [];
  const k = p.training_reserve_cadres;
  for (let i = 0; i < v.people.highWater; i++) {
    if (alive[i] === 0 || P.away[i] === 1 || P.status[i] < Status.activist || P.age[i] >= trainAge || i === sec) continue;
    // Keep the k best (insertion into a short sorted list).
    const s = trainingScore(P, i, p);
    let pos = chosen.length;
    while (pos > 0) {
      const j = chosen[pos - 1];
      const sj = trainingScore(P, j, p);
      if (sj > s || (sj === s && keys[j] < keys[i])) break;
      pos--;
    }
    if (pos < k) {
      chosen.splice(pos, 0, i);
      if (chosen.length > k) chosen.pop();
    }
  }
  if (sec >= 0 && v.people.isCurrent(sec, v.branch.secretaryGeneration) && P.away[sec] === 0 && P.age[sec] < trainAge) chosen.push(sec);
  for (const i of chosen) {
    const cp = 1 - P.competenceParty[i];
    const ce = 1 - P.competenceEconomic[i];
    P.competenceParty[i] += amount * cp * cp;
    P.competenceEconomic[i] += amount * ce * ce;
  }
  return chosen.length;
}

function successionVillage(v: Village, county: County, p: Params, D: Draws): void {
  const b = v.branch;
  const P = v.people.cols;
  const alive = v.people.alive;
  const keys = v.people.keys;
  let sec = b.secretary;
  if (sec >= 0 && (!v.people.isCurrent(sec, b.secretaryGeneration) || P.away[sec] === 1 || P.status[sec] !== Status.full)) {
    if (v.people.has(sec)) P.role[sec] = Role.none;
    sec = b.secretary = -1;
  }
  if (sec >= 0) b.secretaryTenure++;
  const termEnd = sec >= 0 && b.secretaryTenure >= p.secretary_term;
  const hardAge = p.secretary_hard_age;
  const mustGo = sec >= 0 && (P.disabled[sec] === 1 || P.age[sec] >= hardAge);
  const tooOld = sec >= 0 && P.age[sec] >= p.secretary_age_limit;
  if (sec >= 0 && !mustGo && !(termEnd && tooOld)) {
    if (termEnd) b.secretaryTenure = 0; // re-elected
    return;
  }
  // Choose: best qualified candidate by dual competence and standing (a small draw breaks near-ties: election
  // noise); an exact tie goes to the smaller identity key.
  const standingBar = readinessStandingBar(county.structure, p);
  let best = -1;
  let bestScore = -Infinity;
  let fallback = -1;
  let fallbackScore = -Infinity;
  for (let i = 0; i < v.people.highWater; i++) {
    if (alive[i] === 0 || i === sec || P.status[i] !== Status.full || P.away[i] === 1 || P.disabled[i] === 1) continue;
    if (P.age[i] < p.secretary_min_age || P.age[i] >= hardAge) continue;
    const score = P.competenceParty[i] + P.competenceEconomic[i] + p.succession_standing_weight * P.standing[i] + D.normal(keys[i], SUCCESSION_DRAWS.electionNoise, 0, p.election_noise_sd);
    const qualified = P.age[i] < p.secretary_age_limit && P.competenceParty[i] > p.succession_competence_bar && P.competenceEconomic[i] > p.succession_competence_bar && P.standing[i] > standingBar;
    if (qualified && (score > bestScore || (score === bestScore && keys[i] < keys[best]))) {
      best = i;
      bestScore = score;
    }
    if (score > fallbackScore || (score === fallbackScore && keys[i] < keys[fallback])) {
      fallback = i;
      fallbackScore = score;
    }
  }
  let next = best;
  b.successionGap = best < 0 ? 1 : 0;
  if (best < 0) next = sec >= 0 && !mustGo ? sec : fallback;
  if (next === sec) {
    b.secretaryTenure = 0;
    return;
  }
  if (sec >= 0) {
    P.role[sec] = Role.committee;
    if (P.occupation[sec] === Occupation.cadre) P.occupation[sec] = Occupation.farmer;
  }
  b.secretary = next;
  b.secretaryTenure = 0;
  if (next >= 0) {
    b.secretaryGeneration = v.people.generation[next];
    P.role[next] = Role.secretary;
    P.occupation[next] = Occupation.cadre;
  }
}

/** The succession process. */
export const succession: Process<County> = {
  name: 'succession',
  description: 'Secretary succession by dual competence at vacancy, incapacity or term end past the age limit.',
  run(county, ctx) {
    const p = county.params;
    for (const v of county.villages) successionVillage(v, county, p, ctx.draws(v.index));
  },
};

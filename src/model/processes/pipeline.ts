/**
 * The recruitment pipeline (model brief process 7), following the real procedure (§3): application
 * at 18+ → activist (after ≥1 year as applicant) → development target (after ≥1 year as activist;
 * chosen against the selection standard, within the yearly quota) → political review and branch vote
 * (after ≥1 year as target) → probationary member → full member after a year of probation (may be
 * extended once). Mechanisms of the paper, each with its own parameter:
 * - tokenism when the pool is thin (`tokenism`): the bar drops in proportion to the shortfall;
 * - exclusion by political screening (`screening_exclusion_entrepreneur`, `_base`) or by popularity in
 *   the branch vote (`vote_popularity_slope`, `vote_popularity_bar`);
 * - retreat under livelihood pressure (`livelihood_retreat`);
 * - business priority bias: the branch's attention to industry lowers its recruitment effort;
 * - the county recruitment plan (structure `quota: county-plan`, §9 "total-quantity control"): a county
 *   total of places a year, allocated to branches by need and size ({@link allocatePlan}); places a branch
 *   cannot fill with a development target of a year go unfilled;
 * - introducers (structure `introducers: required`, §3): two resident full members among the candidate's
 *   ties, or assigned by the branch within its yearly capacity; none ⇒ no designation that year;
 * - the network vote (structure `vote: network`): tied members vote for (kin/clan), conflict makes the
 *   vote factional; excluded candidates may not re-apply for `exclusion_reapply_years`;
 * - cohesion draws applications, conflict speeds retreat (paper 3.1);
 * - activist lapse (structure `activist_exit: lapse`): a hazard rising with years waiting, falling with effort;
 * - the branch's members' competence (`memberCompetenceMean`), written each year for branch life.
 */
import type { Process } from '../../core/schedule.js';
import { defineDecisions, type Draws } from '../../core/random.js';
import type { County } from '../county.js';
import { sigmoid } from '../math.js';
import type { Params } from '../parameters.js';
import { TIES, tieHolds, type Village } from '../village.js';
import { ADULT_AGE, Occupation, Status } from '../villager.js';
import { changeStatus, leftPipelineIn } from '../status-change.js';
import { isWarning, WARNING_YEARS_NO_RECRUIT } from '../census.js';
import type { Structure } from '../structure.js';
import { cultivationCapacity, dependenceFactor } from './branch-capacity.js';

/**
 * The yearly decisions of the pipeline: the quota rounding is the branch's (a keyed draw of the group key),
 * the others keyed draws of the villager (indices 1-3 are unused: the review and the probation's end are
 * events of a candidacy, {@link PIPELINE_EVENT_DRAWS}).
 */
export const PIPELINE_DRAWS = defineDecisions({
  quota: 0, designation: 4, awayDropout: 5, retreat: 6, activist: 7, application: 8, lapse: 9,
});

/** Cohesion at which applications are neither drawn nor discouraged (the initial village cohesion). */
export const REFERENCE_COHESION = 0.6;
/** Members' mean competence at which their competence neither adds to nor takes from authority and meetings (≈ the initial mean). */
export const REFERENCE_MEMBER_COMPETENCE = 0.4;
/** Introducers a development target needs (§3). */
export const INTRODUCERS_NEEDED = 2;
/** Most years of waiting the activist lapse hazard counts. */
export const LAPSE_YEARS_CAP = 8;

/**
 * Largest-remainder allocation of `total` whole places in proportion to `weights` (all ≥ 0): each gets
 * floor(total·w/W), the rest go one each to the largest remainders; equal remainders go to the smaller
 * `tieBreak` (then the smaller index). The places sum to `total` exactly (if W > 0; else all 0). Pure.
 */
export function allocatePlan(total: number, weights: readonly number[], tieBreak: readonly number[]): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  let W = 0;
  for (const w of weights) W += w;
  if (!(W > 0) || total <= 0) return out;
  const rem: number[] = [];
  let given = 0;
  for (let g = 0; g < n; g++) {
    const x = (total * weights[g]) / W;
    out[g] = Math.floor(x);
    given += out[g];
    rem.push(x - out[g]);
  }
  const order = [...Array(n).keys()].sort((a, b) => rem[b] - rem[a] || tieBreak[a] - tieBreak[b] || a - b);
  for (let k = 0; k < total - given; k++) out[order[k % n]]++;
  return out;
}

/** A branch's need 0-1 under the county plan: the mean of in warning (0/1), years without a recruit / 3 (capped), (member mean age − 50)/10 (clamped). */
export function planNeed(warning: boolean, yearsNoRecruit: number, memberMeanAge: number): number {
  const years = Math.min(1, yearsNoRecruit / WARNING_YEARS_NO_RECRUIT);
  const age = Math.min(1, Math.max(0, (memberMeanAge - 50) / 10));
  return ((warning ? 1 : 0) + years + age) / 3;
}

/**
 * The county plan's places this year, per village (structure quota: county-plan): total = round(plan rate ×
 * registered villagers / 1,000), allocated by largest remainder to weights (members + 1)^a · (1 + w·need) ·
 * (1 + w_ready·ready), ready = 1 if the branch has a development target due for review (branches report
 * their targets up when the plan is made).
 */
export function countyPlanQuotas(county: County, p: Params, tieBreak: (g: number) => number): number[] {
  let registered = 0;
  const weights: number[] = [];
  const ties: number[] = [];
  for (const v of county.villages) {
    const P = v.people.cols;
    const alive = v.people.alive;
    let members = 0;
    let ageSum = 0;
    let activists = 0;
    let ready = 0;
    for (let i = 0; i < v.people.highWater; i++) {
      if (alive[i] === 0) continue;
      registered++;
      const st = P.status[i];
      if (st === Status.full) {
        members++;
        ageSum += P.age[i];
      } else if (st === Status.activist && P.away[i] === 0) activists++;
      // A resident target who will have served the minimum year when the pipeline counts this year.
      else if (st === Status.developmentTarget && P.away[i] === 0 && P.stageYears[i] + 1 >= MIN_STAGE_YEARS[Status.developmentTarget]) ready = 1;
    }
    const meanAge = members > 0 ? ageSum / members : 0;
    const need = planNeed(isWarning(meanAge, v.branch.yearsNoRecruit, activists), v.branch.yearsNoRecruit, meanAge);
    weights.push(Math.pow(members + 1, p.plan_size_exponent) * (1 + p.plan_need_weight * need) * (1 + p.plan_ready_weight * ready));
    ties.push(tieBreak(v.index));
  }
  const total = Math.round((p.plan_recruits_per_1000 * registered) / 1000);
  return allocatePlan(total, weights, ties);
}

/** Resident, able full members among villager `i`'s ties (kin, clan, neighbours; generation-checked). */
export function tiedMembers(v: Village, i: number): number {
  const P = v.people.cols;
  let n = 0;
  for (let k = 0; k < TIES; k++) {
    const e = i * TIES + k;
    if (!tieHolds(v, e)) continue;
    const j = v.ties[e];
    if (P.status[j] === Status.full && P.away[j] === 0 && P.disabled[j] === 0) n++;
  }
  return n;
}

/** Probability that the branch vote accepts candidate `i` (popularity; under `vote: network` also kin and faction). */
export function voteAcceptance(v: Village, i: number, p: Params, structure: Structure): number {
  const x = p.vote_popularity_slope * (v.people.cols.standing[i] - p.vote_popularity_bar);
  if (structure.vote === 'plain') return sigmoid(x);
  const m = tiedMembers(v, i);
  return sigmoid(x + p.vote_kin_effect * Math.min(3, m) - p.vote_conflict_effect * v.conflict * (1 - Math.min(2, m) / 2));
}

/** Activist lapse hazard after `years` as activist at recruitment effort `effort` (structure activist_exit: lapse). */
export function lapseHazard(years: number, effort: number, p: Params): number {
  return p.activist_lapse_rate * Math.min(LAPSE_YEARS_CAP, years) * (1 - p.activist_lapse_effort_protection * effort);
}
const PD = PIPELINE_DRAWS;

/**
 * The one-off events of a candidacy, drawn from the year-free event draws (`ctx.eventDraws`) so that the
 * same candidacy's review and probation draw the same numbers in whichever year they happen: index =
 * base + {@link CANDIDACY_STRIDE} × the villager's `candidacies` count (probation: + 1 for the extended
 * year).
 */
export const PIPELINE_EVENT_DRAWS = defineDecisions({ screening: 0, vote: 1, confirmation: 2 }, { confirmation: 2 });
/** Decision indices reserved per candidacy in {@link PIPELINE_EVENT_DRAWS}. */
export const CANDIDACY_STRIDE = 4;
const PE = PIPELINE_EVENT_DRAWS;

/** Minimum years in each stage before moving on (index = Status code; §3, in whole simulated years). */
export const MIN_STAGE_YEARS = [0, 1, 1, 1, 1, 0] as const;

/** Youngest age at which one may apply (§3: 18, the age of majority). The oldest is the parameter `application_age_max`. */
export const MIN_APPLICATION_AGE = ADULT_AGE;

/** A candidate's quality 0-1: weighted party-work competence, standing, education and economic competence. */
export function candidateQuality(v: Village, i: number, p: Params): number {
  const P = v.people.cols;
  return (
    p.quality_weight_party * P.competenceParty[i] +
    p.quality_weight_standing * P.standing[i] +
    p.quality_weight_education * P.education[i] +
    p.quality_weight_economic * P.competenceEconomic[i]
  );
}

/** The branch's recruitment effort 0-1: what its attention to business and its meeting life leave for cultivation. */
export function recruitmentEffort(v: Village, p: Params): number {
  const b = v.branch;
  const w = p.effort_meeting_weight;
  return (1 - b.attention) * (1 - w + w * b.meetingQuality) + (b.firstSecretaryYears > 0 ? p.first_secretary_effort : 0);
}

/** Stochastic rounding of `x` with the uniform `u`: floor(x) plus one if u < frac(x). */
function stochasticRound(u: number, x: number): number {
  const f = Math.floor(x);
  return f + (u < x - f ? 1 : 0);
}

/** Effective selection bar given the pool of eligible activists and the places to fill (tokenism). */
export function effectiveBar(standard: number, tokenism: number, eligible: number, places: number): number {
  if (places <= 0 || eligible >= places) return standard;
  const shortfall = 1 - eligible / places;
  return standard * (1 - tokenism * shortfall);
}

/**
 * Orders candidate slots best quality first, ties by identity key (so the order, and the quota's bite, is
 * deterministic and does not depend on which slots the candidates happen to occupy).
 */
function sortByQuality(v: Village, slots: number[], p: Params): void {
  const keys = v.people.keys;
  slots.sort((a, c) => candidateQuality(v, c, p) - candidateQuality(v, a, p) || keys[a] - keys[c]);
}
function pipelineVillage(v: Village, county: County, p: Params, D: Draws, E: Draws, planQuota: number | undefined): void {
  const structure = county.structure;
  const t = county.t;
  const move = (i: number, to: number) => changeStatus(v, i, to, t);
  const work = county.scratch;
  const scratch = work.slots;
  const L = v.levers;
  const P = v.people.cols;
  const f = v.flows;
  const b = v.branch;
  const alive = v.people.alive;
  const keys = v.people.keys;
  const hw = v.people.highWater;
  const effort = Math.min(1, recruitmentEffort(v, p) * cultivationCapacity(v, p));

  // Time in stage, and the year's quota from the county plan (per member, stochastically rounded).
  // The same pass lists the candidates (applicant to probationary), in slot order: steps 1-3 only move
  // candidates, so they scan this list instead of every villager (same slots, same order).
  let members = 0;
  let residentFull = 0;
  let targetsWaiting = 0;
  const statusCol = P.status;
  const stageYearsCol = P.stageYears;
  if (work.candidates.length < hw) work.candidates = new Int32Array(Math.max(hw, work.candidates.length * 2));
  const cand = work.candidates;
  let nc = 0;
  for (let i = 0; i < hw; i++) {
    if (alive[i] === 0) continue;
    const st = statusCol[i];
    if (st === Status.none) continue;
    if (stageYearsCol[i] < 255) stageYearsCol[i]++;
    if (st === Status.full) {
      members++;
      if (P.away[i] === 0 && P.disabled[i] === 0) residentFull++;
    } else cand[nc++] = i;
  }
  b.quota = planQuota ?? stochasticRound(D.group(PD.quota), p.quota_per_member * members);
  let places = b.quota;

  // 1. Probation ends: confirmed, or extended once, or removed (§3).
  for (let c = 0; c < nc; c++) {
    const i = cand[c];
    if (P.status[i] !== Status.probationary || P.stageYears[i] < MIN_STAGE_YEARS[Status.probationary]) continue;
    if (E.chance(keys[i], PE.confirmation + P.extended[i] + CANDIDACY_STRIDE * P.candidacies[i], p.probation_confirm)) {
      move(i, Status.full);
      f.newFull++;
    } else if (P.extended[i] === 0) {
      P.extended[i] = 1;
      P.stageYears[i] = 0;
    } else {
      move(i, Status.none);
      f.probationFailed++;
    }
  }

  // 2. Development targets of ≥1 year: political review, then the branch vote, within the quota;
  //    best candidates first (ties by slot), so the quota binds deterministically.
  scratch.length = 0;
  for (let c = 0; c < nc; c++) {
    const i = cand[c];
    if (P.status[i] === Status.developmentTarget && P.away[i] === 0 && P.stageYears[i] >= MIN_STAGE_YEARS[Status.developmentTarget]) scratch.push(i);
  }
  sortByQuality(v, scratch, p);
  for (const i of scratch) {
    if (places <= 0) break;
    const excl = P.occupation[i] === Occupation.entrepreneur ? p.screening_exclusion_entrepreneur : p.screening_exclusion_base;
    if (E.chance(keys[i], PE.screening + CANDIDACY_STRIDE * P.candidacies[i], excl)) {
      move(i, Status.none);
      P.excludedUntilT[i] = t + p.exclusion_reapply_years;
      f.excludedScreening++;
      continue;
    }
    if (!E.chance(keys[i], PE.vote + CANDIDACY_STRIDE * P.candidacies[i], voteAcceptance(v, i, p, structure))) {
      move(i, Status.none);
      P.excludedUntilT[i] = t + p.exclusion_reapply_years;
      f.excludedVote++;
      continue;
    }
    move(i, Status.probationary);
    P.extended[i] = 0;
    places--;
    f.recruits++;
    f.recruitQualitySum += candidateQuality(v, i, p);
  }
  if (f.recruits > 0) b.yearsNoRecruit = 0;

  // 3. Activists of ≥1 year become development targets against the selection standard; when the
  //    pool is thinner than the open places, the bar drops (tokenism, paper 2.1).
  // Only resident targets wait for a place; targets away cannot be reviewed (they drop out, below).
  for (let c = 0; c < nc; c++) if (P.status[cand[c]] === Status.developmentTarget && P.away[cand[c]] === 0) targetsWaiting++;
  // Under the county plan the branch keeps one development target in preparation beyond its places (it reports its
  // targets up, and the plan favours branches with one ready: countyPlanQuotas); per member: the old rule.
  const prepare = planQuota === undefined ? b.quota : b.quota + 1;
  const open = Math.max(0, prepare - targetsWaiting);
  if (open > 0) {
    const standard = p.selection_standard + L.selection_standard_raise;
    scratch.length = 0;
    let eligible = 0;
    for (let c = 0; c < nc; c++) {
      const i = cand[c];
      if (P.status[i] === Status.activist && P.away[i] === 0 && P.stageYears[i] >= MIN_STAGE_YEARS[Status.activist]) {
        scratch.push(i);
        if (candidateQuality(v, i, p) >= standard) eligible++;
      }
    }
    const bar = effectiveBar(standard, p.tokenism, eligible, open);
    // The county plan sets quotas by age (§2): a share of the places goes first to young candidates (≤ youth_age_max).
    sortByQuality(v, scratch, p);
    const youthPlaces = Math.round(open * p.youth_quota_share);
    let chosen = 0;
    // Each activist gets one draw of the branch's effort a year: the young considered in the first pass
    // are not considered again in the second.
    let youngConsidered = 0;
    const youth = p.youth_age_max;
    // Introducers the branch can still assign this year (structure introducers: required; §3).
    const needIntroducers = structure.introducers === 'required';
    let assignable = residentFull >= INTRODUCERS_NEEDED ? Math.floor(p.introducer_branch_capacity * residentFull) : 0;
    for (let pass = 0; pass < 2; pass++) {
      const limit = pass === 0 ? youthPlaces : open;
      for (let k = 0; k < scratch.length; k++) {
        const i = scratch[k];
        if (chosen >= limit) break;
        if (P.status[i] !== Status.activist) continue;
        if (pass === 0 ? P.age[i] > youth : P.age[i] <= youth && k < youngConsidered) continue;
        const q = candidateQuality(v, i, p);
        if (q < bar) break;
        if (pass === 0) youngConsidered = k + 1;
        if (!D.chance(keys[i], PD.designation, effort)) continue;
        if (needIntroducers) {
          const missing = Math.max(0, INTRODUCERS_NEEDED - tiedMembers(v, i));
          if (missing > assignable) {
            f.noIntroducers++;
            continue;
          }
          assignable -= missing;
        }
        move(i, Status.developmentTarget);
        if (q < standard) f.tokenRecruits++;
        f.newTargets++;
        chosen++;
      }
    }
  }

  // 4. Applicants of ≥1 year are designated activists; cultivation grows competence.
  // 5. Retreat under livelihood pressure; 6. new applications from residents aged 18 to application_age_max.
  const retreat = p.livelihood_retreat;
  const threshold = p.retreat_pressure_threshold;
  const aw = p.application_effort_weight;
  const cohesionFactor = Math.max(0, 1 + p.application_cohesion_effect * (v.cohesion - REFERENCE_COHESION));
  const applyRate = p.application_rate * (1 - aw + aw * effort) * cohesionFactor;
  const maxAge = p.application_age_max;
  const conflictRetreat = 1 + p.retreat_conflict_effect * v.conflict;
  const lapse = structure.activist_exit === 'lapse' && p.activist_lapse_rate > 0;
  let competenceSum = 0;
  let competenceN = 0;
  for (let i = 0; i < hw; i++) {
    if (alive[i] === 0) continue;
    const st = P.status[i];
    if (P.away[i] === 1) {
      // Cultivation needs presence: a candidate who has been away a full year or more drops out with the
      // same probability as at departure (candidate_drop_on_migration), each year away.
      if (st >= Status.applicant && st <= Status.developmentTarget && P.yearsAway[i] >= 1 && D.chance(keys[i], PD.awayDropout, p.candidate_drop_on_migration)) {
        move(i, Status.none);
        f.dropoutsMigration++;
      }
      continue;
    }
    if (st === Status.applicant || st === Status.activist || st === Status.developmentTarget) {
      // No draw when the probability is 0 (a keyed draw not taken moves no other draw).
      const pRetreat = retreat * (P.pressure[i] - threshold) * conflictRetreat;
      if (pRetreat > 0 && D.chance(keys[i], PD.retreat, pRetreat)) {
        move(i, Status.none);
        f.dropoutsRetreat++;
        continue;
      }
      if (lapse && st === Status.activist) {
        const h = lapseHazard(P.stageYears[i], effort, p);
        if (h > 0 && D.chance(keys[i], PD.lapse, h)) {
          move(i, Status.none);
          f.activistLapses++;
          continue;
        }
      }
      if (st === Status.applicant && P.stageYears[i] >= MIN_STAGE_YEARS[Status.applicant] && D.chance(keys[i], PD.activist, p.applicant_to_activist * effort)) {
        move(i, Status.activist);
        f.newActivists++;
      } else if (st >= Status.activist) {
        P.competenceParty[i] += p.activist_cultivation_rate * effort * (1 - P.competenceParty[i]);
        f.poolQualitySum += candidateQuality(v, i, p);
        f.poolCount++;
      }
    } else if (st === Status.none) {
      const age = P.age[i];
      if (age < MIN_APPLICATION_AGE || age > maxAge || P.disabled[i] || leftPipelineIn(v, i, t) || t < P.excludedUntilT[i]) continue;
      if (D.chance(keys[i], PD.application, applyRate * P.aspiration[i] * dependenceFactor(P.dependence[i], p))) {
        move(i, Status.applicant);
        f.applications++;
      }
    } else if (st === Status.full && P.disabled[i] === 0) {
      competenceSum += 0.5 * (P.competenceParty[i] + P.competenceEconomic[i]);
      competenceN++;
    }
  }
  // The members' competence the branch shows villagers (paper 2.2), for branch life this year.
  b.memberCompetenceMean = competenceN > 0 ? competenceSum / competenceN : 0;
}

/** The recruitment pipeline process. */
export const pipeline: Process<County> = {
  name: 'pipeline',
  description: 'Application → activist → development target (review, vote) → probationary → full, under a quota.',
  run(county, ctx) {
    const p = county.params;
    // The county plan's places for every branch, from the state at the start of the step (tie-breaks: the branch's keyed draw).
    const plan = county.structure.quota === 'county-plan' ? countyPlanQuotas(county, p, (g) => ctx.draws(g).group(PD.quota)) : undefined;
    county.villages.forEach((v, k) => pipelineVillage(v, county, p, ctx.draws(v.index), ctx.eventDraws(v.index), plan?.[k]));
  },
};

/**
 * The census of a village: stocks counted in one read-only pass, cached per model year (in the county's
 * scratch) so that many metrics share it. Also the branch early-warning rule (§2, Guang'an practice):
 * mean member age 60+, or 3+ years without a recruit, or no activists.
 */
import type { County } from './county.js';
import type { Params } from './parameters.js';
import type { Village } from './village.js';
import { ADULT_AGE, Status } from './villager.js';
import { isActiveCore } from './processes/member-exit.js';
import { isReadySuccessor, readinessStandingBar } from './processes/succession.js';

/** The early-warning rule (§2, Guang'an practice): members' mean age at or above this… */
export const WARNING_MEMBER_MEAN_AGE = 60;
/** … or at least this many years without a recruit, or no resident activist. */
export const WARNING_YEARS_NO_RECRUIT = 3;
/** The old-resident category of the data (§4: residents aged 60 or over). */
export const OLD_RESIDENT_AGE = 60;
/** The old-member category of the data (§1, §2: members aged 61 or over). */
export const OLD_MEMBER_AGE = 61;

/** Stocks of one village at one time. */
export interface Census {
  residents: number;
  away: number;
  stage: [number, number, number, number, number, number];
  fullResident: number;
  fullAway: number;
  memberAgeSum: number;
  /** Full members aged `youth_age_max` (35) or under. */
  members35under: number;
  /** Full members aged {@link OLD_MEMBER_AGE} (61) or over. */
  members61plus: number;
  activeCore: number;
  activistsResident: number;
  secretaryAge: number;
  successionReady: number;
  households: number;
  /** Households with at least one resident member (the census's family households). */
  residentHouseholds: number;
  householdIncomeSum: number;
  identityResidentSum: number;
  activeCommitment: number;
  adultsResident: number;
  pressureAdultSum: number;
  /** Wait-for-relief dependence summed over resident adults. */
  dependenceAdultSum: number;
  residents60plus: number;
  warning: number;
}

/**
 * Census of village `v` of `county`, cached per model version in the county's scratch (every metric asks
 * for every village's census). Reads state only. A village that is not the county's village at its index
 * (a hand-built one) is counted afresh each time.
 */
export function census(county: County, v: Village): Census {
  const k = v.index;
  const work = county.scratch;
  const standingBar = readinessStandingBar(county.structure, county.params);
  if (county.villages[k] !== v) return takeCensus(v, county.params, standingBar);
  if (work.censusVersion[k] === county.version) return work.census[k] as Census;
  const c = takeCensus(v, county.params, standingBar);
  work.census[k] = c;
  work.censusVersion[k] = county.version;
  return c;
}

/**
 * Counts a village's stocks (one read-only pass; counters in locals, the record built at the end).
 * `standingBar`: the standing a ready successor must exceed (default: the composite readiness of the
 * default structure; 0 for readiness: competence).
 */
export function takeCensus(v: Village, p: Params, standingBar: number = p.succession_standing_bar): Census {
  const P = v.people.cols;
  const alive = v.people.alive;
  const ageCol = P.age;
  const awayCol = P.away;
  const statusCol = P.status;
  const identityCol = P.identity;
  const pressureCol = P.pressure;
  const commitment = p.active_commitment_threshold;
  const bar = p.succession_competence_bar;
  const maxAge = p.succession_age_max;
  const youth = p.youth_age_max;
  let residents = 0;
  let away = 0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let fullResident = 0;
  let fullAway = 0;
  let memberAgeSum = 0;
  let members35under = 0;
  let members61plus = 0;
  let activeCore = 0;
  let activistsResident = 0;
  let successionReady = 0;
  let identityResidentSum = 0;
  let activeCommitment = 0;
  let adultsResident = 0;
  let pressureAdultSum = 0;
  let dependenceAdultSum = 0;
  let residents60plus = 0;
  let residentHouseholds = 0;
  const householdCol = P.household;
  const hasResident = new Uint8Array(v.households.count);
  for (let i = 0; i < v.people.highWater; i++) {
    if (alive[i] === 0) continue;
    const age = ageCol[i];
    const aw = awayCol[i];
    const st = statusCol[i];
    if (aw) away++;
    else {
      residents++;
      const h = householdCol[i];
      if (h >= 0 && hasResident[h] === 0) {
        hasResident[h] = 1;
        residentHouseholds++;
      }
      const id = identityCol[i];
      identityResidentSum += id;
      if (id >= commitment) activeCommitment++;
      if (age >= ADULT_AGE) {
        adultsResident++;
        pressureAdultSum += pressureCol[i];
        dependenceAdultSum += P.dependence[i];
      }
      if (age >= OLD_RESIDENT_AGE) residents60plus++;
    }
    if (st === Status.none) {
      s0++;
      continue;
    }
    if (st === Status.full) {
      s5++;
      if (aw) fullAway++;
      else fullResident++;
      memberAgeSum += age;
      if (age <= youth) members35under++;
      if (age >= OLD_MEMBER_AGE) members61plus++;
      if (isActiveCore(age, aw, P.disabled[i], p)) activeCore++;
      if (!successionReady && isReadySuccessor(v, i, bar, maxAge, standingBar)) successionReady = 1;
    } else if (st === Status.activist) {
      s2++;
      if (!aw) activistsResident++;
    } else if (st === Status.applicant) s1++;
    else if (st === Status.developmentTarget) s3++;
    else s4++;
  }
  let households = 0;
  let householdIncomeSum = 0;
  const H = v.households;
  for (let h = 0; h < H.count; h++) {
    if (H.size[h] > 0) {
      households++;
      householdIncomeSum += H.income[h];
    }
  }
  let secretaryAge = -1;
  const sec = v.branch.secretary;
  if (sec >= 0 && v.people.has(sec)) secretaryAge = ageCol[sec];
  const warning = isWarning(s5 > 0 ? memberAgeSum / s5 : 0, v.branch.yearsNoRecruit, activistsResident) ? 1 : 0;
  return {
    residents, away, stage: [s0, s1, s2, s3, s4, s5], fullResident, fullAway, memberAgeSum, members35under,
    members61plus, activeCore, activistsResident, secretaryAge, successionReady, households, residentHouseholds, householdIncomeSum,
    identityResidentSum, activeCommitment, adultsResident, pressureAdultSum, dependenceAdultSum, residents60plus, warning,
  };
}

/**
 * Whether the branch of `v` is in warning now, from the only three inputs of the rule: full members'
 * mean age, years without a recruit and resident activists (one pass; same result as `takeCensus().warning`).
 */
export function branchInWarning(v: Village): boolean {
  const P = v.people.cols;
  const alive = v.people.alive;
  let members = 0;
  let ageSum = 0;
  let activists = 0;
  for (let i = 0; i < v.people.highWater; i++) {
    if (alive[i] === 0) continue;
    const st = P.status[i];
    if (st === Status.full) {
      members++;
      ageSum += P.age[i];
    } else if (st === Status.activist && P.away[i] === 0) activists++;
  }
  return isWarning(members > 0 ? ageSum / members : 0, v.branch.yearsNoRecruit, activists);
}

/** The early-warning rule (§2): mean member age ≥ 60, or ≥ 3 years without a recruit, or no activists. */
export function isWarning(memberMeanAge: number, yearsNoRecruit: number, activists: number): boolean {
  return memberMeanAge >= WARNING_MEMBER_MEAN_AGE || yearsNoRecruit >= WARNING_YEARS_NO_RECRUIT || activists === 0;
}

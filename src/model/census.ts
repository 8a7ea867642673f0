/**
 * The census of a village: stocks counted in one read-only pass, cached per model year so that many
 * metrics share it. Also the branch early-warning rule (§2, Guang'an practice): mean member age 60+, or
 * 3+ years without a recruit, or no activists.
 */
import type { County } from './county.js';
import type { Params } from './parameters.js';
import type { Village } from './village.js';
import { Status } from './villager.js';
import { isActiveCore } from './processes/member-exit.js';
import { isReadySuccessor } from './processes/succession.js';

/** Stocks of one village at one time. */
export interface Census {
  residents: number;
  away: number;
  stage: [number, number, number, number, number, number];
  fullResident: number;
  fullAway: number;
  memberAgeSum: number;
  members35under: number;
  members61plus: number;
  activeCore: number;
  activistsResident: number;
  secretaryAge: number;
  successionReady: number;
  households: number;
  householdIncomeSum: number;
  identityResidentSum: number;
  activeCommitment: number;
  adultsResident: number;
  pressureAdultSum: number;
  residents60plus: number;
  warning: number;
}

const cache = new WeakMap<Village, { version: number; census: Census }>();

/** Census of village `v` (cached per model version). Reads state only. */
export function census(county: County, v: Village): Census {
  const hit = cache.get(v);
  if (hit && hit.version === county.version) return hit.census;
  const c = takeCensus(v, county.params);
  cache.set(v, { version: county.version, census: c });
  return c;
}

/** Counts a village's stocks. */
export function takeCensus(v: Village, p: Params): Census {
  const P = v.people.cols;
  const alive = v.people.alive;
  const c: Census = {
    residents: 0, away: 0, stage: [0, 0, 0, 0, 0, 0], fullResident: 0, fullAway: 0, memberAgeSum: 0,
    members35under: 0, members61plus: 0, activeCore: 0, activistsResident: 0, secretaryAge: -1,
    successionReady: 0, households: 0, householdIncomeSum: 0, identityResidentSum: 0, activeCommitment: 0,
    adultsResident: 0, pressureAdultSum: 0, residents60plus: 0, warning: 0,
  };
  for (let i = 0; i < v.people.highWater; i++) {
    if (alive[i] === 0) continue;
    const age = P.age[i];
    const away = P.away[i];
    const st = P.status[i];
    if (away) c.away++;
    else {
      c.residents++;
      c.identityResidentSum += P.identity[i];
      if (P.identity[i] >= p.active_commitment_threshold) c.activeCommitment++;
      if (age >= 18) {
        c.adultsResident++;
        c.pressureAdultSum += P.pressure[i];
      }
      if (age >= 60) c.residents60plus++;
    }
    c.stage[st]++;
    if (st === Status.full) {
      if (away) c.fullAway++;
      else c.fullResident++;
      c.memberAgeSum += age;
      if (age <= 35) c.members35under++;
      if (age >= 61) c.members61plus++;
      if (isActiveCore(age, away, P.disabled[i], p)) c.activeCore++;
      if (!c.successionReady && isReadySuccessor(v, i, p.succession_competence_bar, p.succession_age_max)) c.successionReady = 1;
    } else if (st === Status.activist && !away) c.activistsResident++;
  }
  const H = v.households;
  for (let h = 0; h < H.count; h++) {
    if (H.size[h] > 0) {
      c.households++;
      c.householdIncomeSum += H.income[h];
    }
  }
  const sec = v.branch.secretary;
  if (sec >= 0 && v.people.has(sec)) c.secretaryAge = P.age[sec];
  c.warning = isWarning(c.stage[Status.full] > 0 ? c.memberAgeSum / c.stage[Status.full] : 0, v.branch.yearsNoRecruit, c.activistsResident) ? 1 : 0;
  return c;
}

/** The early-warning rule (§2): mean member age ≥ 60, or ≥ 3 years without a recruit, or no activists. */
export function isWarning(memberMeanAge: number, yearsNoRecruit: number, activists: number): boolean {
  return memberMeanAge >= 60 || yearsNoRecruit >= 3 || activists === 0;
}

/**
 * Livelihood (model brief process 2): the village economy (industry index moved by investment),
 * occupations, incomes from farming, local jobs and migrant work, pooled household income, and the
 * livelihood pressure that comes from care burden and the income gap (paper 3.4).
 */
import type { Process } from '../../core/schedule.js';
import { defineDecisions, type Draws } from '../../core/random.js';
import type { County } from '../county.js';
import { clamp, sigmoid } from '../math.js';
import type { Params } from '../parameters.js';
import type { Village } from '../village.js';
import { ADULT_AGE, Occupation, Role, Status } from '../villager.js';
import type { LeverValues } from '../levers.js';
import { dependenceTarget } from './branch-capacity.js';

/** The decisions of livelihood (keyed draws of the villager). */
export const LIVELIHOOD_DRAWS = defineDecisions({ occupation: 0 });

/** Zeroes the household table's counts and pooled income. */
function clearHouseholds(H: Village['households']): void {
  const hc = H.count;
  H.size.fill(0, 0, hc);
  H.dependants.fill(0, 0, hc);
  H.earners.fill(0, 0, hc);
  H.migrants.fill(0, 0, hc);
  H.income.fill(0, 0, hc);
}

/**
 * Counts one registered member into household `h`: a migrant if away; otherwise a dependant if younger than
 * `dependant_child_age`, at least `dependant_elder_age` or disabled; otherwise an earner if an adult younger
 * than `retirement_age`. The one definition of the household's care burden.
 */
function countMember(H: Village['households'], h: number, age: number, away: number, disabled: number, p: Params): void {
  H.size[h]++;
  if (away) H.migrants[h]++;
  else if (age < p.dependant_child_age || age >= p.dependant_elder_age || disabled) H.dependants[h]++;
  else if (age >= ADULT_AGE && age < p.retirement_age) H.earners[h]++;
}

/** Recounts household size, resident dependants, earners and migrants (livelihood does this in its own pass). */
export function recountHouseholds(v: Village, p: Params): void {
  const H = v.households;
  clearHouseholds(H);
  const P = v.people.cols;
  const alive = v.people.alive;
  for (let i = 0; i < v.people.highWater; i++) {
    if (alive[i] === 1) countMember(H, P.household[i], P.age[i], P.away[i], P.disabled[i], p);
  }
}

/** Own yearly income of villager `i` by occupation (yuan). */
function incomeOf(v: Village, i: number, p: Params, migrantWageFactor: number): number {
  const P = v.people.cols;
  switch (P.occupation[i]) {
    case Occupation.farmer: // farm_income at economy 0.5 and competence 0.5
      return p.farm_income * (v.economy / 0.5) * (1 - p.farm_competence_effect / 2 + p.farm_competence_effect * P.competenceEconomic[i]);
    case Occupation.wageWorker:
      return p.local_wage * (1 + p.wage_industry_effect * v.industry);
    case Occupation.artisan:
      return p.artisan_wage_ratio * p.local_wage;
    case Occupation.entrepreneur: {
      const w = p.entrepreneur_income_competence_effect;
      return p.entrepreneur_income * (1 - w / 2 + w * P.competenceEconomic[i]) * (1 + p.entrepreneur_income_industry_effect * v.industry);
    }
    case Occupation.migrantWorker:
      return p.migrant_wage * migrantWageFactor;
    case Occupation.cadre:
      return p.cadre_wage_share * p.local_wage + p.cadre_farm_share * p.farm_income;
    case Occupation.retired:
      return p.retired_income;
    default:
      return 0;
  }
}

/**
 * The occupation of a resident working-age adult for a uniform draw `u`: entrepreneur (more likely with
 * economic competence and entrepreneurship support), artisan, local wage worker (as many as the
 * industry index offers), else farmer.
 */
export function chooseOccupation(u: number, competenceEconomic: number, industry: number, p: Params, support: number): number {
  const w = p.entrepreneur_share_competence_effect; // entrepreneur_share at competence 0.25
  const pe = p.entrepreneur_share * (1 - w / 4 + w * competenceEconomic) * (1 + support);
  if (u < pe) return Occupation.entrepreneur;
  if (u < pe + p.artisan_share) return Occupation.artisan;
  if (u < pe + p.artisan_share + industry) return Occupation.wageWorker;
  return Occupation.farmer;
}

/** Assigns an occupation to a resident adult without one (new adult, returnee, ex-cadre). One draw. */
function assignOccupation(v: Village, i: number, p: Params, L: LeverValues, D: Draws): number {
  return chooseOccupation(D.u(v.people.keys[i], LIVELIHOOD_DRAWS.occupation), v.people.cols.competenceEconomic[i], v.industry, p, L.entrepreneurship_support);
}

function livelihoodVillage(v: Village, county: County, p: Params, D: Draws): void {
  const L = v.levers;
  const wageFactor = county.shock.migrantWage;
  // Industry: investment pushes the jobs index up; without it, it relaxes to its initial level (paper 4.2).
  v.industry = clamp(
    v.industry + p.industry_investment_effect * L.industry_investment * (1 - v.industry) - p.industry_decay * (v.industry - v.industryBase),
  );
  const P = v.people.cols;
  const H = v.households;
  const alive = v.people.alive;
  const hw = v.people.highWater;
  const entre = p.entrepreneurship_support_effect * L.entrepreneurship_support;
  // One pass: household recount (as recountHouseholds) and occupations, incomes, pooling. The recount reads
  // only age, away and disabled, which this pass does not change, so merging the passes changes nothing.
  const hc = H.count;
  clearHouseholds(H);
  const ageCol = P.age;
  const awayCol = P.away;
  const disabledCol = P.disabled;
  const hhCol = P.household;
  const occCol = P.occupation;
  const incCol = P.income;
  const remit = p.remittance_share;
  const retirementAge = p.retirement_age;
  const minIndustry = p.wage_work_min_industry;
  const supportAge = p.entrepreneurship_support_age_limit;
  // Transfer income per household (pensions of the retired and disabled, the young-talent stipend): the
  // source of wait-for-relief dependence (paper 3.2, 4.1; branch-capacity.ts).
  const work = county.scratch;
  if (work.householdTransfers.length < hc) work.householdTransfers = new Float64Array(Math.max(hc, work.householdTransfers.length * 2));
  const transfers = work.householdTransfers;
  transfers.fill(0, 0, hc);
  const stipend = L.young_talent_stipend * 1000; // the lever is in 1,000 yuan
  const youth = p.youth_age_max;
  const statusCol = P.status;
  for (let i = 0; i < hw; i++) {
    if (alive[i] === 0) continue;
    const age = ageCol[i];
    const away = awayCol[i];
    const disabled = disabledCol[i];
    const h = hhCol[i];
    countMember(H, h, age, away, disabled, p);
    let occ = occCol[i];
    if (away) occ = Occupation.migrantWorker;
    else if (age < ADULT_AGE) occ = Occupation.childOrStudent;
    else if (age >= retirementAge || disabled) occ = Occupation.retired;
    else if (P.role[i] === Role.secretary) occ = Occupation.cadre;
    else if (occ === Occupation.childOrStudent || occ === Occupation.retired || occ === Occupation.migrantWorker || occ === Occupation.cadre) {
      occ = assignOccupation(v, i, p, L, D);
    } else if (occ === Occupation.wageWorker && v.industry < minIndustry) occ = Occupation.farmer;
    occCol[i] = occ;
    const inc = incomeOf(v, i, p, wageFactor);
    incCol[i] = inc;
    H.income[h] += away ? inc * remit : inc;
    if (!away) {
      if (occ === Occupation.retired) transfers[h] += inc;
      if (stipend > 0 && age <= youth && statusCol[i] !== Status.none) transfers[h] += stipend;
    }
    if (entre > 0 && !away && age >= ADULT_AGE && age < supportAge) P.competenceEconomic[i] += entre * (1 - P.competenceEconomic[i]);
  }
  // Pressure: logistic in care burden per earner and the relative income gap (paper 3.4); the young-talent
  // stipend eases the pressure of its recipients (paper 4.4). The household part is the same for every
  // member, so it is computed once per household (same expression, same value).
  const care = 1 - p.care_relief_effect * L.care_relief;
  const stipendShift = (p.pressure_gap_weight * stipend) / p.reference_income;
  if (work.householdPressure.length < hc) {
    work.householdPressure = new Float64Array(Math.max(hc, work.householdPressure.length * 2));
    work.householdPressureSigmoid = new Float64Array(work.householdPressure.length);
  }
  const hx = work.householdPressure;
  const hs = work.householdPressureSigmoid;
  for (let h = 0; h < hc; h++) {
    if (H.size[h] === 0) continue;
    const size = Math.max(1, H.size[h]);
    const perCapita = H.income[h] / size;
    const gap = Math.max(0, (p.reference_income - perCapita) / p.reference_income);
    const burden = (H.dependants[h] / Math.max(1, H.earners[h])) * care;
    const x = p.pressure_intercept + p.pressure_care_weight * burden + p.pressure_gap_weight * gap;
    hx[h] = x;
    hs[h] = sigmoid(x);
  }
  let recipients = 0;
  const pressureCol = P.pressure;
  const dependenceCol = P.dependence;
  const authority = v.branch.authority;
  // Dependence relaxes toward its target (set to it in the initial pass before the first year, t = 0).
  const depRate = county.t === 0 ? 1 : p.dependence_rate;
  for (let i = 0; i < hw; i++) {
    if (alive[i] === 0) continue;
    const h = hhCol[i];
    const dep = dependenceCol[i];
    dependenceCol[i] = dep + depRate * (dependenceTarget(transfers[h] / Math.max(1, H.size[h]), authority, p) - dep);
    if (stipend > 0 && !awayCol[i] && ageCol[i] <= youth && statusCol[i] !== Status.none) {
      recipients++;
      pressureCol[i] = 1 / (1 + Math.exp(-(hx[h] - stipendShift))); // sigmoid, inlined
    } else pressureCol[i] = hs[h];
  }
  v.flows.leverRecipients.young_talent_stipend += recipients;
}

/** The livelihood process. */
export const livelihood: Process<County> = {
  name: 'livelihood',
  description: 'Industry, occupations, incomes, household pooling, livelihood pressure.',
  run(county, ctx) {
    const p = county.params;
    for (const v of county.villages) livelihoodVillage(v, county, p, ctx.draws(v.index));
  },
};

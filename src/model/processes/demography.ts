/**
 * Demography (model brief process 1): ageing, age-specific deaths (Gompertz-Makeham), disability onset,
 * births to women 18-44, household splitting, and registration transfer of long-term migrants.
 * A death or transfer clears every role the villager held. A newborn's identity key is derived from its
 * mother's key and the year of birth, so the same birth has the same key (and draws) in every scenario.
 */
import type { Process } from '../../core/schedule.js';
import { defineDecisions, type Draws } from '../../core/random.js';
import { deriveKey } from '../../core/store.js';
import type { County } from '../county.js';
import { addVillager, newHousehold, setTie, TIES, type Village } from '../village.js';
import { ADULT_AGE, NEVER, Occupation, Role, Status } from '../villager.js';
import { changeStatus } from '../status-change.js';
import type { Params } from '../parameters.js';
import { ADULT_TRAIT_DRAWS, drawAdultTraits } from '../county-generator.js';

/**
 * The decisions of demography, each a keyed draw of the villager (the newborn's sex: of the newborn).
 * Coming of age takes {@link ADULT_TRAIT_DRAWS} consecutive indices.
 */
export const DEMOGRAPHY_DRAWS = defineDecisions(
  { death: 0, comingOfAge: 1, disability: 8, transfer: 9, householdSplit: 10, fertility: 11, newbornSex: 12 },
  { comingOfAge: ADULT_TRAIT_DRAWS },
);
const DD = DEMOGRAPHY_DRAWS;

/** Yearly death probability at `age` (1 − exp(−hazard)). */
export function deathProbability(p: Params, age: number, disabled: boolean): number {
  const h = p.mortality_gompertz_a * Math.exp(p.mortality_gompertz_b * age) + p.mortality_background;
  return 1 - Math.exp(-h * (disabled ? p.mortality_disabled_multiplier : 1));
}

/**
 * Age-specific fertility: the TFR spread over ages 18 to `fertility_age_max` with a normal shape peaking at
 * `fertility_peak_age` (sd `fertility_age_spread`), normalised to sum to 1 over those ages.
 */
export function fertilityRate(p: Params, age: number): number {
  if (age < ADULT_AGE || age > p.fertility_age_max) return 0;
  return p.total_fertility_rate * fertilityShape(p)[age - ADULT_AGE];
}

/** The normalised fertility shape over ages 18..fertility_age_max (index = age − 18). */
function fertilityShape(p: Params): number[] {
  const raw: number[] = [];
  for (let a = ADULT_AGE; a <= p.fertility_age_max; a++) raw.push(Math.exp(-0.5 * ((a - p.fertility_peak_age) / p.fertility_age_spread) ** 2));
  const total = raw.reduce((x, y) => x + y, 0);
  return raw.map((x) => x / total);
}

/**
 * Yearly disability onset probability: the rate at 60, doubling every `disability_doubling_years` of age,
 * × `disability_young_factor` below `disability_young_age`, 0 under 18.
 */
export function disabilityProbability(p: Params, age: number): number {
  if (age < ADULT_AGE) return 0;
  const r = p.disability_onset_rate * Math.pow(2, (age - 60) / p.disability_doubling_years);
  return Math.min(1, age < p.disability_young_age ? r * p.disability_young_factor : r);
}

/** Removes villager `i` (death or transfer) in year offset `t`, clearing roles and status and counting member exits. */
export function removeVillager(v: Village, i: number, cause: 'death' | 'transfer', t: number): void {
  const P = v.people.cols;
  const st = P.status[i];
  if (st === Status.full || st === Status.probationary) {
    if (cause === 'death') v.flows.memberDeaths++;
    else v.flows.memberTransfers++;
  }
  if (P.role[i] === Role.secretary || v.branch.secretary === i) v.branch.secretary = -1;
  P.role[i] = Role.none;
  if (st !== Status.none) changeStatus(v, i, Status.none, t);
  v.people.remove(i);
}

/** Per-age rates of one parameter set, computed once with the functions above (identical values, no exp/pow per agent). */
export interface DemographyTables {
  /** deathProbability at age a: [a * 2] not disabled, [a * 2 + 1] disabled. */
  readonly death: Float64Array;
  /** disabilityProbability at age a. */
  readonly disability: Float64Array;
  /** fertilityRate at age a. */
  readonly fertility: Float64Array;
}

/** The per-age tables of the county's parameters (ages 0-255, the range of the u8 age column), built once per parameter set. */
function demographyTables(county: County): DemographyTables {
  const p = county.params;
  const held = county.scratch.demography;
  if (held !== undefined && held.params === p) return held.tables;
  const death = new Float64Array(512);
  const disability = new Float64Array(256);
  const fertility = new Float64Array(256);
  for (let a = 0; a < 256; a++) {
    death[a * 2] = deathProbability(p, a, false);
    death[a * 2 + 1] = deathProbability(p, a, true);
    disability[a] = disabilityProbability(p, a);
    fertility[a] = fertilityRate(p, a);
  }
  const tables = { death, disability, fertility };
  county.scratch.demography = { params: p, tables };
  return tables;
}

function demographyVillage(v: Village, p: Params, T: DemographyTables, mothers: number[], t: number, year: number, D: Draws): void {
  const store = v.people;
  const keys = store.keys;
  const P = store.cols;
  const f = v.flows;
  const hw = store.highWater;
  const alive = store.alive;
  const ageCol = P.age;
  const disabledCol = P.disabled;
  const awayCol = P.away;
  const death = T.death;
  const disability = T.disability;
  const fertility = T.fertility;
  const transferRate = p.registration_transfer_rate;
  const splitRate = p.household_split_rate;
  const transferYears = p.registration_transfer_years;
  const splitMin = p.household_split_age_min;
  const splitMax = p.household_split_age_max;
  const splitSize = p.household_split_min_size;
  const fertileMax = p.fertility_age_max;
  for (let i = 0; i < hw; i++) {
    if (alive[i] === 0) continue;
    const age = ageCol[i] < 120 ? ++ageCol[i] : ageCol[i];
    const disabled = disabledCol[i] === 1 ? 1 : 0;
    const key = keys[i];
    if (D.u(key, DD.death) < death[age * 2 + disabled]) {
      if (awayCol[i]) f.deathsAway++;
      else f.deathsResident++;
      removeVillager(v, i, 'death', t);
      continue;
    }
    if (age === ADULT_AGE) comingOfAge(P, i, p, D, key);
    if (disabled === 0 && age >= ADULT_AGE && D.u(key, DD.disability) < disability[age]) disabledCol[i] = 1;
    if (awayCol[i] === 1 && P.yearsAway[i] >= transferYears && D.u(key, DD.transfer) < transferRate) {
      f.transfersOut++;
      removeVillager(v, i, 'transfer', t);
      continue;
    }
    if (age >= splitMin && age <= splitMax && v.households.size[P.household[i]] >= splitSize && D.u(key, DD.householdSplit) < splitRate) {
      P.household[i] = newHousehold(v);
    }
    if (P.sex[i] === 0 && age >= ADULT_AGE && age <= fertileMax && D.u(key, DD.fertility) < fertility[age]) mothers.push(i);
  }
  // Births after the loop, so a newborn in a reused slot is not aged or exposed in its birth year.
  for (const m of mothers) birth(v, m, p, year, D);
  mothers.length = 0;
}

/** Initial standing and competences of a newborn (raised to drawn adult levels at 18, `drawAdultTraits`). */
const NEWBORN_STANDING = 0.1;
const NEWBORN_COMPETENCE = 0.05;

/** At 18 a villager born in the run gets an education, standing and competences like the initial adults. */
function comingOfAge(P: Village['people']['cols'], i: number, p: Params, D: Draws, key: number): void {
  const t = drawAdultTraits(D.at(key, DD.comingOfAge), ADULT_AGE, p);
  P.education[i] = t.education;
  P.standing[i] = Math.max(P.standing[i], t.standing);
  P.competenceParty[i] = Math.max(P.competenceParty[i], t.competenceParty);
  P.competenceEconomic[i] = Math.max(P.competenceEconomic[i], t.competenceEconomic);
}

/**
 * A child born to mother `m` in `year`: same household and ethnicity, resident (left-behind if the mother is
 * away), identity transmitted; identity key derived from the mother's key and the year (a mother gives birth
 * at most once a year), sex male with probability 1/2 (a keyed draw of the child).
 */
function birth(v: Village, m: number, p: Params, year: number, D: Draws): void {
  const key = deriveKey(v.people.keys[m], year);
  const sex = D.u(key, DD.newbornSex) < 0.5 ? 1 : 0;
  const P0 = v.people.cols;
  const init = {
    age: 0,
    sex,
    ethnicity: P0.ethnicity[m],
    household: P0.household[m],
    occupation: Occupation.childOrStudent,
    yearsSinceReturn: NEVER,
  };
  const c = addVillager(v, init, key);
  const P = v.people.cols; // columns may have grown
  P.identity[c] = P.identity[m] * p.identity_transmission;
  P.standing[c] = NEWBORN_STANDING;
  P.competenceParty[c] = NEWBORN_COMPETENCE;
  P.competenceEconomic[c] = NEWBORN_COMPETENCE;
  // Ties: the mother and her first ties (kin), as they are (a broken tie of the mother stays broken).
  setTie(v, c, 0, m);
  const t = v.ties;
  const tg = v.tieGenerations;
  for (let k = 1; k < TIES; k++) {
    t[c * TIES + k] = t[m * TIES + k - 1];
    tg[c * TIES + k] = tg[m * TIES + k - 1];
  }
  v.flows.births++;
}

/** The demography process. */
export const demography: Process<County> = {
  name: 'demography',
  description: 'Ageing, deaths, disability, births, household splits, registration transfers.',
  run(county, ctx) {
    const T = demographyTables(county);
    for (const v of county.villages) demographyVillage(v, county.params, T, county.scratch.mothers, county.t, county.year, ctx.draws(v.index));
  },
};

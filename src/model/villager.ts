/**
 * The villager: attribute columns (one typed array each) and the codes stored in them.
 * A villager is registered in one village (resident there or away as a migrant).
 */
import { defineColumns } from '../core/store.js';

/** Party status codes, in pipeline order (column `status`). */
export const Status = {
  none: 0,
  applicant: 1,
  activist: 2,
  developmentTarget: 3,
  probationary: 4,
  full: 5,
} as const;

/** Occupation codes (column `occupation`). */
export const Occupation = {
  farmer: 0,
  artisan: 1,
  entrepreneur: 2,
  wageWorker: 3,
  migrantWorker: 4,
  cadre: 5,
  childOrStudent: 6,
  retired: 7,
} as const;

/** Education codes: 0 primary or less, 1 junior secondary, 2 senior secondary, 3 college (column `education`). */
export const Education = { primary: 0, junior: 1, senior: 2, college: 3 } as const;

/** Role codes (column `role`). */
export const Role = { none: 0, secretary: 1, committee: 2 } as const;

/** Age of majority (18): adults work, marry and may apply for membership (§3: application at 18 or over). */
export const ADULT_AGE = 18;

/** Sentinel for "never returned" in `yearsSinceReturn`. */
export const NEVER = 255;

/** The villager columns. */
export const VILLAGER_COLUMNS = defineColumns({
  /** years */
  age: 'u8',
  /** 0 female, 1 male */
  sex: 'u8',
  /** index into ETHNICITIES */
  ethnicity: 'u8',
  /** Education code */
  education: 'u8',
  /** 1 if disabled */
  disabled: 'u8',
  /** household id within the village */
  household: 'i32',
  /** Occupation code */
  occupation: 'u8',
  /** own yearly income, yuan */
  income: 'f32',
  /** social standing (reputation, ties, elite status) 0-1 */
  standing: 'f32',
  /** cultural identity 0-1 */
  identity: 'f32',
  /** wish to join the Party 0-1 */
  aspiration: 'f32',
  /** party-work competence 0-1 */
  competenceParty: 'f32',
  /** economic-leadership competence 0-1 */
  competenceEconomic: 'f32',
  /** livelihood pressure 0-1 */
  pressure: 'f32',
  /** 1 if away as a migrant */
  away: 'u8',
  /** years in the current spell away */
  yearsAway: 'u8',
  /** years since the last return (NEVER if never returned) */
  yearsSinceReturn: 'u8',
  /** Status code */
  status: 'u8',
  /** years in the current status */
  stageYears: 'u8',
  /** 1 if probation was extended */
  extended: 'u8',
  /** Role code */
  role: 'u8',
  /** year offset t (≥ 1) in which the villager last left the pipeline to no status; 0 never */
  leftPipelineT: 'u16',
  /** times the villager has entered the pipeline (1 for candidates and members at the start), capped at 255; keys the draws of a candidacy's events */
  candidacies: 'u8',
  /** year offset t before which the villager may not apply again after exclusion (screening or vote); 0 never excluded */
  excludedUntilT: 'u16',
  /** "wait-for-relief" dependence 0-1 (paper 3.2, 4.1; src/model/processes/branch-capacity.ts) */
  dependence: 'f32',
});

export type VillagerColumns = typeof VILLAGER_COLUMNS;

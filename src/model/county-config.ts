/** Configuration of the synthetic county (set by a scenario's `county:` block). */
import type { CensusFigures } from './county-profile.js';

/** Ethnic groups of central Guangxi, in column code order. */
export const ETHNICITIES = ['zhuang', 'yao', 'miao', 'dong', 'mulao', 'han', 'other'] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

/** The county to generate. */
export interface CountyConfig {
  /** Display name. */
  name: string;
  /** Number of administrative villages. */
  villages: number;
  /** Registered villagers in the county (resident and away). */
  population: number;
  /** Coefficient of variation of village size (lognormal). */
  villageSizeCv: number;
  /** Ethnic shares of the county (normalised). */
  mix: Record<Ethnicity, number>;
  /** How concentrated each ethnicity is by village (0 mixed evenly, 1 each village one group). */
  segregation: number;
  /**
   * The census-year figures the initial state is built from (age groups, sex ratio, household size,
   * education; src/model/county-profile.ts); absent: the present-day county (`PRESENT_DAY_PROFILE`).
   */
  profile?: CensusFigures;
}

/** The default "Guizhong county": central Guangxi, Laibin-like ethnic mix (§4: minorities 76.65%, Zhuang 72.0%). */
export function defaultCounty(): CountyConfig {
  return {
    name: 'Guizhong county',
    villages: 36,
    population: 54000,
    villageSizeCv: 0.5,
    mix: { zhuang: 0.72, yao: 0.025, miao: 0.01, dong: 0.005, mulao: 0.01, han: 0.2285, other: 0.0015 },
    segregation: 0.5,
  };
}

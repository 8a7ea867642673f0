/**
 * Work buffers of the yearly processes and the census, owned by one county state: reused across villages
 * and years so the hot loops do not allocate, and never shared between states, so two runs in one thread
 * cannot interfere. A buffer's contents mean nothing from one use to the next; the census entries are
 * valid only for the model version they were taken at.
 */
import type { Census } from './census.js';
import type { Params } from './parameters.js';
import type { DemographyTables } from './processes/demography.js';

/** The county's work buffers. */
export interface Scratch {
  /** Candidate slots of one village (pipeline: applicants to probationary members), grown as needed. */
  candidates: Int32Array;
  /** Slots listed and consumed within one step of one village (pipeline: targets under review, the activists' pool). */
  slots: number[];
  /** Mothers of one village's births this year (demography). */
  mothers: number[];
  /** Per-household pressure log-odds of one village (livelihood), grown as needed. */
  householdPressure: Float64Array;
  /** Per-household pressure of one village (livelihood), as long as `householdPressure`. */
  householdPressureSigmoid: Float64Array;
  /** Per-household transfer income of one village this year, yuan (livelihood: pensions, stipends; wait-for-relief dependence). */
  householdTransfers: Float64Array;
  /** The per-age rate tables of a parameter set (demography), built on first use. */
  demography: { readonly params: Params; readonly tables: DemographyTables } | undefined;
  /** Each village's census, by village index. */
  census: (Census | undefined)[];
  /** The model version each village's census was taken at (absent: none yet). */
  censusVersion: number[];
}

/** Empty work buffers. */
export function createScratch(): Scratch {
  return {
    candidates: new Int32Array(1024),
    slots: [],
    mothers: [],
    householdPressure: new Float64Array(1024),
    householdPressureSigmoid: new Float64Array(1024),
    householdTransfers: new Float64Array(1024),
    demography: undefined,
    census: [],
    censusVersion: [],
  };
}

/**
 * A village: its registered villagers (an agent store), households, social network, economy,
 * cultural life, cohesion, and its Party branch. Also the yearly flow counters that metrics and
 * accounting checks read.
 */
import { AgentStore } from '../core/store.js';
import { LEVERS, zeroLevers, type AnyLeverValues } from './levers.js';
import { VILLAGER_COLUMNS, type VillagerColumns } from './villager.js';

/** Ties per villager in the social network (kin, clan, neighbours). */
export const TIES = 6;

/** The village Party branch. */
export interface Branch {
  /** Slot of the secretary, or -1 if vacant (every removal and departure vacates it). */
  secretary: number;
  /** Generation of the secretary's slot when they took the post (the slot holds them while `people.isCurrent(secretary, secretaryGeneration)`). */
  secretaryGeneration: number;
  /** Years the current secretary has served. */
  secretaryTenure: number;
  /** Authority 0-1 (credibility with villagers; paper 3.2). */
  authority: number;
  /** Meeting quality 0-1 (1 genuine, 0 "photo-oriented"; paper 2.2). */
  meetingQuality: number;
  /** Study system 0-1 (paper 2.3). */
  study: number;
  /** Party-industry integration 0-1 at the start (paper 2.3). */
  integrationBase: number;
  /** Party-industry integration 0-1 this year. */
  integration: number;
  /** Share of the branch's attention drawn to business (priority bias, paper 2.3). */
  attention: number;
  /** This year's recruitment quota (recruits). */
  quota: number;
  /** Years since the last recruit. */
  yearsNoRecruit: number;
  /** Years left of an outside first secretary's posting (0 if none). */
  firstSecretaryYears: number;
  /** 1 if the last succession found no qualified successor. */
  successionGap: number;
  /**
   * Mean competence (party-work and economic, averaged) of the resident full members, set by the pipeline
   * each year after recruitment (0.4 before the first year): what token recruits cost the branch (branch
   * life reads it for authority and meetings, paper 2.2).
   */
  memberCompetenceMean: number;
}

/** Flow counters, reset every year. */
export interface VillageFlows {
  births: number;
  deathsResident: number;
  deathsAway: number;
  departures: number;
  returns: number;
  transfersOut: number;
  youthResidentsAtStart: number;
  youthDepartures: number;
  awayAtStart: number;
  applications: number;
  newActivists: number;
  newTargets: number;
  recruits: number;
  newFull: number;
  probationFailed: number;
  excludedScreening: number;
  excludedVote: number;
  dropoutsRetreat: number;
  dropoutsMigration: number;
  memberDeaths: number;
  memberQuits: number;
  memberTransfers: number;
  recruitQualitySum: number;
  tokenRecruits: number;
  /** Activists who lapsed this year (structure activist_exit: lapse). */
  activistLapses: number;
  /** Designations the effort draw allowed but no two introducers could be found for (structure introducers: required). */
  noIntroducers: number;
  /** Sum of the quality of the candidates (resident activists and development targets) at the end of the pipeline step, and their number. */
  poolQualitySum: number;
  poolCount: number;
  /** Policy spending of all levers this year, yuan (billed by the policy-cost process). */
  cost: number;
  /**
   * Per lever, what its cost basis counts this year, recorded by the process that applies it: recipients
   * (basis 'recipient') or 1 where it applied (basis 'applied-village'); 0 for 'village' levers. A user
   * lever's process sets its own entry (absent: 0).
   */
  leverRecipients: AnyLeverValues;
  /** Flows of every pipeline stage (index = Status code): inflow and outflow this year. */
  stageIn: number[];
  stageOut: number[];
}

/** Zeroed flow counters. */
export function emptyFlows(): VillageFlows {
  return {
    births: 0, deathsResident: 0, deathsAway: 0, departures: 0, returns: 0, transfersOut: 0,
    youthResidentsAtStart: 0, youthDepartures: 0, awayAtStart: 0, applications: 0, newActivists: 0,
    newTargets: 0, recruits: 0, newFull: 0, probationFailed: 0, excludedScreening: 0, excludedVote: 0,
    dropoutsRetreat: 0, dropoutsMigration: 0, memberDeaths: 0, memberQuits: 0, memberTransfers: 0,
    recruitQualitySum: 0, tokenRecruits: 0, activistLapses: 0, noIntroducers: 0, poolQualitySum: 0, poolCount: 0, cost: 0, leverRecipients: zeroLevers(),
    stageIn: [0, 0, 0, 0, 0, 0], stageOut: [0, 0, 0, 0, 0, 0],
  };
}

/** Household table of a village (typed arrays indexed by household id; recomputed yearly). */
export interface Households {
  /** Number of household ids ever issued. */
  count: number;
  /** Registered members. */
  size: Int32Array;
  /** Resident dependants (under 6, 75+, or disabled). */
  dependants: Int32Array;
  /** Resident earners (18-64, not disabled). */
  earners: Int32Array;
  /** Members away. */
  migrants: Int32Array;
  /** Pooled yearly income, yuan (residents' income + remittances). */
  income: Float64Array;
}

/** One village. */
export interface Village {
  /** Index in the county (also its stream group number). */
  index: number;
  /** Majority ethnicity code. */
  majority: number;
  /** Village type code (index into VILLAGE_TYPES, src/model/village-type.ts), fixed at generation. */
  type: number;
  people: AgentStore<VillagerColumns>;
  /**
   * ties[i*TIES + k]: slot of villager i's k-th tie, or -1; the tie holds while that slot's generation
   * (mod 2¹⁶) equals tieGenerations[i*TIES + k] and the slot is alive (see {@link tieHolds}). A tie to a
   * villager who died or left is broken for good: a newborn in the same slot does not inherit it.
   */
  ties: Int32Array;
  /** tieGenerations[i*TIES + k]: the generation (mod 2¹⁶) of the tie's slot when the tie was made. */
  tieGenerations: Uint16Array;
  households: Households;
  /** Farming productivity index 0-1 (0.5 typical). */
  economy: number;
  /** Local jobs / value-added industry index 0-1 at the start. */
  industryBase: number;
  /** Local jobs / value-added industry index 0-1 (paper 4.2). */
  industry: number;
  /** Cultural life 0-1: festivals, rituals, spiritual spaces (paper 3.3, 4.3). */
  culturalLife: number;
  /** Trust / cohesion 0-1. */
  cohesion: number;
  /** Conflict 0-1 ("involution", paper 3.1). */
  conflict: number;
  branch: Branch;
  flows: VillageFlows;
  /** Per-year policy spending by lever name, yuan (for cost accounting). */
  spending: Record<string, number>;
  /** The lever values in force in this village this year (set at the start of each year; see targeting.ts). */
  levers: AnyLeverValues;
  /** Their unit costs in this village this year, yuan per unit per village (or recipient). */
  unitCosts: AnyLeverValues;
}

/** Every lever's declared unit cost. */
function declaredUnitCosts(): AnyLeverValues {
  const out = zeroLevers();
  for (const l of LEVERS) out[l.name] = l.unitCost;
  return out;
}

/** An empty village with capacity for `n` villagers. */
export function createVillage(index: number, n: number): Village {
  const people = new AgentStore(VILLAGER_COLUMNS, Math.max(16, Math.ceil(n * 1.15)));
  const hcap = Math.max(8, Math.ceil(n / 2));
  return {
    index,
    majority: 0,
    type: 0,
    people,
    ties: new Int32Array(people.capacity * TIES).fill(-1),
    tieGenerations: new Uint16Array(people.capacity * TIES),
    households: {
      count: 0,
      size: new Int32Array(hcap),
      dependants: new Int32Array(hcap),
      earners: new Int32Array(hcap),
      migrants: new Int32Array(hcap),
      income: new Float64Array(hcap),
    },
    economy: 0.5,
    industryBase: 0.15,
    industry: 0.15,
    culturalLife: 0.5,
    cohesion: 0.6,
    conflict: 0.2,
    branch: {
      secretary: -1, secretaryGeneration: 0, secretaryTenure: 0, authority: 0.5, meetingQuality: 0.5, study: 0.4,
      integrationBase: 0.2, integration: 0.2, attention: 0, quota: 0, yearsNoRecruit: 0,
      firstSecretaryYears: 0, successionGap: 0, memberCompetenceMean: 0.4,
    },
    flows: emptyFlows(),
    spending: {},
    levers: zeroLevers(),
    unitCosts: declaredUnitCosts(),
  };
}

/**
 * Adds a villager with identity key `key` (see `villagerKey` and `deriveKey`; the store numbers villagers
 * itself when no key is given, as in hand-built test villages); keeps the tie arrays as large as the store.
 * Returns the slot.
 */
export function addVillager(v: Village, init: Partial<Record<keyof VillagerColumns, number>>, key?: number): number {
  const i = v.people.add(init, key);
  if (v.people.capacity * TIES > v.ties.length) {
    const t = new Int32Array(v.people.capacity * TIES).fill(-1);
    t.set(v.ties);
    v.ties = t;
    const g = new Uint16Array(v.people.capacity * TIES);
    g.set(v.tieGenerations);
    v.tieGenerations = g;
  }
  const base = i * TIES;
  for (let k = 0; k < TIES; k++) v.ties[base + k] = -1;
  return i;
}

/** Makes villager `j` the `k`-th tie of villager `i` (records the generation of `j`'s slot). */
export function setTie(v: Village, i: number, k: number, j: number): void {
  v.ties[i * TIES + k] = j;
  v.tieGenerations[i * TIES + k] = v.people.generation[j] & 0xffff;
}

/**
 * True if tie entry `e` (= i·TIES + k) of `v` points to the living villager it was made with. The
 * generation is compared mod 2¹⁶: a slot is vacated at most once a year (a death or transfer, then a birth
 * after the year's pass), so a false match needs 65,536 simulated years.
 */
export function tieHolds(v: Village, e: number): boolean {
  const j = v.ties[e];
  return j >= 0 && v.people.alive[j] === 1 && (v.people.generation[j] & 0xffff) === v.tieGenerations[e];
}

/** Issues a new household id, growing the household arrays as needed. */
export function newHousehold(v: Village): number {
  const h = v.households;
  if (h.count === h.size.length) {
    const n = h.size.length * 2;
    const grow = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    h.size = grow(h.size);
    h.dependants = grow(h.dependants);
    h.earners = grow(h.earners);
    h.migrants = grow(h.migrants);
    h.income = grow(h.income);
  }
  return h.count++;
}

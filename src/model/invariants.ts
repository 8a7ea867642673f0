/**
 * Model invariants, reusable by users who add their own processes: `checkInvariants` checks one state
 * (bounds, statuses, roles), `takeStocks` + `checkAccounting` check that a year's flow counters explain
 * the change of every stock (population resident and away, each pipeline stage). Each returns a list
 * of human-readable violations (empty when all hold). Read-only: never draws, never mutates.
 */
import type { County } from './county.js';
import { MIN_APPLICATION_AGE } from './processes/pipeline.js';
import type { Village } from './village.js';
import { Role, Status } from './villager.js';

/** Agent columns that are 0-1 indices. */
const UNIT_COLUMNS = ['standing', 'identity', 'aspiration', 'competenceParty', 'competenceEconomic', 'pressure'] as const;

/** Village and branch fields that are 0-1 indices. */
const UNIT_VILLAGE_FIELDS = ['economy', 'industryBase', 'industry', 'culturalLife', 'cohesion', 'conflict'] as const;
const UNIT_BRANCH_FIELDS = ['authority', 'meetingQuality', 'study', 'integrationBase', 'integration', 'attention'] as const;

/** Stocks of one village at one time, the left-hand side of the accounting identities. */
export interface VillageStocks {
  residents: number;
  away: number;
  /** Villagers by Status code. */
  stage: number[];
}

/** Counts every village's stocks (call before a year to check it with {@link checkAccounting} after). */
export function takeStocks(county: County): VillageStocks[] {
  return county.villages.map((v) => {
    const P = v.people.cols;
    const s: VillageStocks = { residents: 0, away: 0, stage: [0, 0, 0, 0, 0, 0] };
    for (let i = 0; i < v.people.highWater; i++) {
      if (v.people.alive[i] === 0) continue;
      if (P.away[i]) s.away++;
      else s.residents++;
      if (P.status[i] < s.stage.length) s.stage[P.status[i]]++;
    }
    return s;
  });
}

/**
 * Checks the year's flow identities of every village against the stocks taken at the start of the year:
 * residents' = residents + births − deathsResident + returns − departures;
 * away' = away − deathsAway + departures − returns − transfersOut;
 * stage[s]' = stage[s] + stageIn[s] − stageOut[s] for every pipeline stage s ≥ 1;
 * and the named counters agree with the stage inflows (applications, new activists, new targets,
 * recruits, new full members).
 */
export function checkAccounting(before: readonly VillageStocks[], county: County): string[] {
  const errors: string[] = [];
  const after = takeStocks(county);
  county.villages.forEach((v, g) => {
    const b = before[g];
    const a = after[g];
    const f = v.flows;
    const at = `year ${county.year} village ${g}`;
    const res = b.residents + f.births - f.deathsResident + f.returns - f.departures;
    if (a.residents !== res) errors.push(`${at}: residents ${a.residents} ≠ ${res} expected from flows`);
    const away = b.away - f.deathsAway + f.departures - f.returns - f.transfersOut;
    if (a.away !== away) errors.push(`${at}: away ${a.away} ≠ ${away} expected from flows`);
    for (let s = Status.applicant; s <= Status.full; s++) {
      const want = b.stage[s] + f.stageIn[s] - f.stageOut[s];
      if (a.stage[s] !== want) errors.push(`${at}: stage ${s} stock ${a.stage[s]} ≠ ${want} = ${b.stage[s]} + in ${f.stageIn[s]} − out ${f.stageOut[s]}`);
    }
    const named: [string, number, number][] = [
      ['applications', f.applications, f.stageIn[Status.applicant]],
      ['newActivists', f.newActivists, f.stageIn[Status.activist]],
      ['newTargets', f.newTargets, f.stageIn[Status.developmentTarget]],
      ['recruits', f.recruits, f.stageIn[Status.probationary]],
      ['newFull', f.newFull, f.stageIn[Status.full]],
    ];
    for (const [name, counter, inflow] of named) {
      if (counter !== inflow) errors.push(`${at}: flows.${name} ${counter} ≠ stage inflow ${inflow}`);
    }
  });
  return errors;
}

/**
 * Checks one state: every living villager has one valid status and finite attributes, 0-1 indices
 * stay in [0, 1]; nobody in the pipeline is under 18; roles are held only by living resident full
 * members, the branch secretary slot is −1 or such a member, at most one secretary per branch; dead
 * slots hold no role or status; village and branch indices are finite and in [0, 1].
 */
export function checkInvariants(county: County): string[] {
  const errors: string[] = [];
  county.villages.forEach((v, g) => checkVillage(v, `year ${county.year} village ${g}`, errors));
  return errors;
}

function checkVillage(v: Village, at: string, errors: string[]): void {
  const P = v.people.cols;
  const alive = v.people.alive;
  const cols = P as unknown as Record<string, ArrayLike<number>>;
  let secretaries = 0;
  let living = 0;
  for (let i = 0; i < v.people.highWater; i++) {
    const who = `${at} slot ${i}`;
    if (alive[i] === 0) {
      if (P.role[i] !== Role.none) errors.push(`${who}: dead villager holds role ${P.role[i]}`);
      if (P.status[i] !== Status.none) errors.push(`${who}: dead villager holds status ${P.status[i]}`);
      continue;
    }
    living++;
    for (const name of v.people.names) {
      if (!Number.isFinite(cols[name][i])) errors.push(`${who}: ${name} is ${cols[name][i]}`);
    }
    for (const name of UNIT_COLUMNS) {
      const x = cols[name][i];
      if (!(x >= 0 && x <= 1)) errors.push(`${who}: ${name} ${x} outside [0, 1]`);
    }
    const st = P.status[i];
    if (st > Status.full) errors.push(`${who}: invalid status ${st}`);
    if (st !== Status.none && P.age[i] < MIN_APPLICATION_AGE) errors.push(`${who}: status ${st} at age ${P.age[i]} (< ${MIN_APPLICATION_AGE})`);
    if (P.away[i] > 1) errors.push(`${who}: away flag ${P.away[i]}`);
    if (P.household[i] < 0 || P.household[i] >= v.households.count) errors.push(`${who}: household ${P.household[i]} not issued`);
    const role = P.role[i];
    if (role !== Role.none) {
      if (role > Role.committee) errors.push(`${who}: invalid role ${role}`);
      if (st !== Status.full) errors.push(`${who}: role ${role} held with status ${st}`);
      if (P.away[i] === 1) errors.push(`${who}: role ${role} held while away`);
    }
    if (role === Role.secretary) {
      secretaries++;
      if (v.branch.secretary !== i) errors.push(`${who}: secretary role but the branch's secretary is slot ${v.branch.secretary}`);
    }
  }
  if (living !== v.people.count) errors.push(`${at}: ${living} living slots but store count ${v.people.count}`);
  if (secretaries > 1) errors.push(`${at}: ${secretaries} secretaries`);
  const sec = v.branch.secretary;
  if (sec !== -1) {
    if (!v.people.has(sec)) errors.push(`${at}: secretary slot ${sec} holds no living villager`);
    else if (!v.people.isCurrent(sec, v.branch.secretaryGeneration)) errors.push(`${at}: secretary slot ${sec} holds another villager than the one appointed (generation ${v.people.generation[sec]} ≠ ${v.branch.secretaryGeneration})`);
    else {
      if (P.role[sec] !== Role.secretary) errors.push(`${at}: secretary slot ${sec} has role ${P.role[sec]}`);
      if (P.status[sec] !== Status.full) errors.push(`${at}: secretary ${sec} has status ${P.status[sec]}`);
      if (P.away[sec] === 1) errors.push(`${at}: secretary ${sec} is away`);
    }
  }
  const rec = v as unknown as Record<string, number>;
  for (const name of UNIT_VILLAGE_FIELDS) {
    if (!(rec[name] >= 0 && rec[name] <= 1)) errors.push(`${at}: ${name} ${rec[name]} outside [0, 1]`);
  }
  const br = v.branch as unknown as Record<string, number>;
  for (const name of UNIT_BRANCH_FIELDS) {
    if (!(br[name] >= 0 && br[name] <= 1)) errors.push(`${at}: branch.${name} ${br[name]} outside [0, 1]`);
  }
  for (const [name, x] of Object.entries(v.branch)) {
    if (!Number.isFinite(x)) errors.push(`${at}: branch.${name} is ${x}`);
  }
  if (!Number.isInteger(v.branch.quota) || v.branch.quota < 0) errors.push(`${at}: quota ${v.branch.quota}`);
  for (const [name, x] of Object.entries(v.flows)) {
    const xs: number[] = typeof x === 'number' ? [x] : Object.values(x);
    for (const y of xs) if (!Number.isFinite(y) || y < 0) errors.push(`${at}: flows.${name} ${y}`);
  }
}

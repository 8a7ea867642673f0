/**
 * The synthetic county generator: villages of registered villagers whose age structure, household
 * size, ethnic mix, education, membership (about 3-4% of villagers, older than average, a third away)
 * and pipeline stocks match calibration-targets.md. Each village is generated from its own stream, so
 * any subset of villages can be generated alone (for splitting a province across workers).
 *
 * Draws: every attribute of an initial villager, and every village-level quantity, is a keyed draw
 * (decision indices in {@link INITIAL_VILLAGER_DRAWS} and {@link INITIAL_VILLAGE_DRAWS}) of the villager's
 * identity key, so a villager's attributes do not depend on how many villagers came before (e.g. when a
 * parameter changes the village size or who is away); the procedures without per-villager decisions —
 * grouping into households, drawing members and candidates without replacement, building ties — take the
 * village's order-based stream.
 */
import type { Stream, Uniforms } from '../core/random.js';
import { categorical, defineDecisions, drawsFrom, GROUP_KEY, normal, type Draws } from '../core/random.js';
import { ETHNICITIES, type CountyConfig } from './county-config.js';
import { AGE_BANDS, EDUCATION_2020, profileFromFigures, RURAL_PYRAMID_2020, type CountyProfile } from './county-profile.js';
import { clamp } from './math.js';
import { chooseOccupation } from './processes/livelihood.js';
import type { Params } from './parameters.js';
import { addVillager, createVillage, newHousehold, setTie, TIES, type Village } from './village.js';
import { villageTypeCode } from './village-type.js';
import { ADULT_AGE, Education, NEVER, Occupation, Role, Status } from './villager.js';

/** Target age shares of village Party members (§2 national village survey: 18-30 11.2%, 46-60 34.9%, 60+ 24.4%). */
const MEMBER_AGE_TARGET: [number, number, number][] = [
  [18, 30, 0.112],
  [31, 45, 0.295],
  [46, 60, 0.349],
  [61, 95, 0.244],
];

/**
 * The present-day county without a census-year profile (LEGACY: what the generator always built): the
 * rural pyramid as shares of registered villagers, 2.9 registered villagers per household (§4: Guangxi 2.87
 * in 2020, Laibin 2.77), males 51%, the present-day education cohorts.
 */
export const PRESENT_DAY_PROFILE: Readonly<CountyProfile> = Object.freeze({
  name: 'present-day',
  year: 2020,
  ageShares: [...RURAL_PYRAMID_2020],
  ageBasis: 'registered',
  maleShare: 0.51,
  householdSize: 2.9,
  householdBasis: 'registered',
  education: EDUCATION_2020.map((c) => [...c] as [number, number, number]),
});

/** Draws an age: a 5-year band from `bandWeights` (bands of {@link AGE_BANDS}), then uniform in it (85+: 85-96). */
export function drawAge(s: Uniforms, bandWeights: ArrayLike<number>): number {
  const b = categorical(s, bandWeights);
  const lo = AGE_BANDS[b];
  const width = b === AGE_BANDS.length - 1 ? 12 : 5;
  return lo + Math.floor(s.next() * width);
}

/**
 * Education level by age cohort: below 12 primary, 12-14 junior; from 15 one draw against the cohort's
 * (college, senior, junior) shares of `cohorts` (under 36, 36-55, 56+; default the present day's).
 */
export function drawEducation(s: Uniforms, age: number, cohorts: readonly (readonly [number, number, number])[] = EDUCATION_2020): number {
  if (age < 12) return Education.primary;
  if (age < 15) return Education.junior;
  const u = s.next();
  const [college, senior, junior] = cohorts[age < 36 ? 0 : age < 56 ? 1 : 2];
  if (age >= 18 && u < college) return Education.college;
  if (u < college + senior) return age >= 17 ? Education.senior : Education.junior;
  if (u < college + senior + junior) return Education.junior;
  return Education.primary;
}

/** Draws {@link drawAdultTraits} takes at 15 or older: education 1, then standing and the two competences 2 each (normals). */
export const ADULT_TRAIT_DRAWS = 7;

/**
 * Traits a villager has on coming of age (18): education of the young cohort, social standing and the
 * two competences from education, drawn as for the adults of the initial county ({@link ADULT_TRAIT_DRAWS} draws).
 */
export function drawAdultTraits(s: Uniforms, age: number, p: Params): { education: number; standing: number; competenceParty: number; competenceEconomic: number } {
  const education = drawEducation(s, age);
  return {
    education,
    standing: clamp(normal(s, p.adult_standing_mean, p.adult_standing_sd) + p.standing_education_effect * education),
    competenceParty: clamp(normal(s, p.adult_competence_party_mean + p.competence_party_education_effect * education, p.adult_competence_party_sd)),
    competenceEconomic: clamp(
      normal(s, p.adult_competence_economic_mean + p.competence_economic_education_effect * education, p.adult_competence_economic_sd),
    ),
  };
}

/** Standing and competences an initial villager under 18 has below the adult draw (assumption). */
const MINOR_TRAIT_DEFICIT = 0.2;

/** Attributes given to addVillager by the generator (none: it writes the columns itself). */
const NO_INIT: Partial<Record<keyof Village['people']['cols'], number>> = Object.freeze({});

/** Member age band (index into MEMBER_AGE_TARGET) of every age 0-255, -1 outside the bands. */
const MEMBER_BAND_OF_AGE: Int8Array = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let a = 0; a < 256; a++) t[a] = MEMBER_AGE_TARGET.findIndex(([lo, hi]) => a >= lo && a <= hi);
  return t;
})();

/**
 * Probability that an initial villager of `age` is away (a migrant) at the start: `initial_away_share_young`
 * at 20-44, half of it at 18-19 and 45-54, 0 otherwise (disabled villagers are never away).
 */
export function initialAwayProbability(age: number, p: Params): number {
  return age >= 20 && age < 45 ? p.initial_away_share_young : age >= 18 && age < 55 ? p.initial_away_share_young * 0.5 : 0;
}

/**
 * The band weights ages are drawn from: a registered-basis profile's shares as they are; a resident-basis
 * profile's shares each divided by (1 − the band's mean probability of being away at the start), so that
 * the villagers left resident once the away are drawn have the profile's shares (up to the disabled, who
 * are never away).
 */
export function registeredBandWeights(profile: Readonly<CountyProfile>, p: Params): Float64Array {
  const w = Float64Array.from(profile.ageShares);
  if (profile.ageBasis === 'registered') return w;
  for (let b = 0; b < AGE_BANDS.length; b++) {
    const lo = AGE_BANDS[b];
    const width = b === AGE_BANDS.length - 1 ? 12 : 5;
    let away = 0;
    for (let a = lo; a < lo + width; a++) away += initialAwayProbability(a, p);
    w[b] /= Math.max(1e-9, 1 - away / width);
  }
  return w;
}

/**
 * The identity key of the `k`-th villager generated in village `group` (the village's number in the whole
 * county, also in a split run): (group + 1) · 2³² + k. Keys of villagers born in the run are derived from
 * their mother's (demography), in [2⁵², 2⁵³), so the two kinds never meet.
 */
export function villagerKey(group: number, k: number): number {
  return (group + 1) * 4294967296 + k;
}

/** Decisions of an initial villager (keyed draws of the villager's key under the village's generation key). */
export const INITIAL_VILLAGER_DRAWS = defineDecisions(
  {
    age: 0, ethnicity: 2, education: 3, sex: 4, disability: 5, identity: 6, standing: 8, competenceParty: 10,
    competenceEconomic: 12, away: 14, yearsAway: 15, occupation: 16, memberYears: 17, memberAway: 18,
    memberYearsAway: 19, candidateYears: 20, candidateAspiration: 21,
  },
  { age: 2, identity: 2, standing: 2, competenceParty: 2, competenceEconomic: 2 },
);

/** Village-level decisions of the generator (keyed draws of the group key): size (a normal), state, pipeline stock rounding per stage, secretary tenure. */
export const INITIAL_VILLAGE_DRAWS = defineDecisions(
  {
    size: 0, majority: 2, economy: 3, industry: 4, culturalLife: 5, cohesion: 6, conflict: 7, authority: 8,
    meetingQuality: 9, study: 10, integration: 11, yearsNoRecruit: 12, secretaryTenure: 13, pipelineStock: 14,
  },
  { size: 2, pipelineStock: 4 },
);

const V = INITIAL_VILLAGE_DRAWS;
const A = INITIAL_VILLAGER_DRAWS;

/**
 * Generates village `index` of the county from its stream: the stream's first two draws key the village's
 * keyed draws, the rest serves the order-based procedures. `group` is the village's number in the whole
 * county (the base of its villagers' identity keys; default `index`).
 */
export function generateVillage(index: number, county: CountyConfig, params: Params, s: Stream, group = index): Village {
  const D = drawsFrom(s);
  const mean = county.population / county.villages;
  const sigma = Math.sqrt(Math.log(1 + county.villageSizeCv * county.villageSizeCv));
  const n = Math.max(20, Math.round(mean * Math.exp(D.normal(GROUP, V.size, -sigma * sigma / 2, sigma))));
  const v = createVillage(index, n);
  const mixWeights = Float64Array.from(ETHNICITIES, (e) => county.mix[e] ?? 0);
  v.majority = Math.max(0, categorical(D.at(GROUP, V.majority), mixWeights));
  const seg = county.segregation;
  const localMix = mixWeights.map((w, k) => (1 - seg) * w + (k === v.majority ? seg : 0)); // Float64Array

  v.economy = 0.35 + 0.3 * D.group(V.economy);
  v.industryBase = v.industry = 0.05 + 0.25 * D.group(V.industry);
  v.culturalLife = 0.4 + 0.3 * D.group(V.culturalLife);
  v.cohesion = 0.5 + 0.2 * D.group(V.cohesion);
  v.conflict = 0.15 + 0.1 * D.group(V.conflict);
  const b = v.branch;
  b.authority = 0.35 + 0.25 * D.group(V.authority);
  b.meetingQuality = 0.3 + 0.3 * D.group(V.meetingQuality);
  b.study = 0.3 + 0.2 * D.group(V.study);
  b.integrationBase = b.integration = 0.1 + 0.2 * D.group(V.integration);
  b.yearsNoRecruit = Math.floor(D.group(V.yearsNoRecruit) * (params.initial_years_no_recruit_max + 1)); // uniform 0..max
  v.type = villageTypeCode({ authority: b.authority, meetingQuality: b.meetingQuality, industryBase: v.industryBase, majority: v.majority });

  // People
  const profile = county.profile ? profileFromFigures(county.profile) : PRESENT_DAY_PROFILE;
  const bandWeights = registeredBandWeights(profile, params);
  const male = profile.maleShare;
  const P = v.people.cols;
  for (let k = 0; k < n; k++) {
    const key = villagerKey(group, k);
    const age = drawAge(D.at(key, A.age), bandWeights);
    const eth = Math.max(0, categorical(D.at(key, A.ethnicity), localMix));
    const edu = drawEducation(D.at(key, A.education), age, profile.education);
    const minority = ETHNICITIES[eth] !== 'han';
    const sex = D.u(key, A.sex) < male ? 1 : 0;
    const disabled = D.u(key, A.disability) < 0.01 + (age > 60 ? (age - 60) * 0.004 : 0) ? 1 : 0;
    // Columns written directly (no init object).
    const i = addVillager(v, NO_INIT, key);
    P.age[i] = age;
    P.sex[i] = sex;
    P.ethnicity[i] = eth;
    P.education[i] = edu;
    P.disabled[i] = disabled;
    P.household[i] = -1;
    P.yearsSinceReturn[i] = NEVER;
    P.occupation[i] = age < ADULT_AGE ? Occupation.childOrStudent : age >= params.retirement_age ? Occupation.retired : Occupation.farmer;
    P.identity[i] = clamp(D.normal(key, A.identity, minority ? 0.6 : 0.45, 0.15) + 0.004 * (age - 40));
    const minor = age < ADULT_AGE ? MINOR_TRAIT_DEFICIT : 0;
    const p = params;
    P.standing[i] = clamp(D.normal(key, A.standing, p.adult_standing_mean, p.adult_standing_sd) + p.standing_education_effect * edu + (age >= 40 && age < 70 ? 0.08 : 0) - minor);
    P.competenceParty[i] = clamp(D.normal(key, A.competenceParty, p.adult_competence_party_mean + p.competence_party_education_effect * edu, p.adult_competence_party_sd) - minor);
    P.competenceEconomic[i] = clamp(
      D.normal(key, A.competenceEconomic, p.adult_competence_economic_mean + p.competence_economic_education_effect * edu, p.adult_competence_economic_sd) - minor,
    );
    // Away at the start: young working-age most (§4 migrant workers; §2 37% of members away).
    if (!P.disabled[i] && D.u(key, A.away) < initialAwayProbability(age, params)) {
      P.away[i] = 1;
      P.yearsAway[i] = 1 + Math.floor(D.u(key, A.yearsAway) * 8);
      P.occupation[i] = Occupation.migrantWorker;
    }
  }
  assignHouseholds(v, profile, s);
  assignMembers(v, params, s, D);
  assignPipeline(v, params, s, D);
  assignRoles(v, D);
  assignOccupations(v, params, D);
  buildTies(v, s);
  return v;
}

/** The agent key of the village's own decisions. */
const GROUP = GROUP_KEY;

/**
 * Groups villagers into households: heads, spouses, children to parents of a fitting age, the rest at
 * random. With a registered household basis there are round(n / size) households and heads and spouses
 * are any villagers aged 25-79; with a resident basis (the census definition) round(residents / size)
 * households, heads and spouses drawn among resident villagers aged 25-79, so that every household has a
 * resident and residents per household is the profile's size (the away join households as the rest do).
 */
function assignHouseholds(v: Village, profile: Readonly<CountyProfile>, s: Stream): void {
  const P = v.people.cols;
  const n = v.people.highWater;
  const resident = profile.householdBasis === 'resident';
  let base = n;
  if (resident) {
    base = 0;
    for (let i = 0; i < n; i++) if (!P.away[i]) base++;
  }
  const H = Math.max(1, Math.round(base / profile.householdSize));
  const adults: number[] = [];
  for (let i = 0; i < n; i++) if (P.age[i] >= 25 && P.age[i] < 80 && !(resident && P.away[i])) adults.push(i);
  const heads: number[] = [];
  for (let k = 0; k < H && adults.length > 0; k++) {
    const j = Math.floor(s.next() * adults.length);
    const i = adults[j];
    adults[j] = adults[adults.length - 1];
    adults.pop();
    const h = newHousehold(v);
    P.household[i] = h;
    heads.push(i);
  }
  // Spouses: for 80% of heads, a free adult within ±6 years of the other sex.
  for (const head of heads) {
    if (s.next() >= 0.8) continue;
    for (let tries = 0; tries < 12 && adults.length > 0; tries++) {
      const j = Math.floor(s.next() * adults.length);
      const c = adults[j];
      if (P.sex[c] !== P.sex[head] && Math.abs(P.age[c] - P.age[head]) <= 6) {
        P.household[c] = P.household[head];
        adults[j] = adults[adults.length - 1];
        adults.pop();
        break;
      }
    }
  }
  // Everyone else: children and young adults to a head 20-45 years older; others anywhere.
  for (let i = 0; i < n; i++) {
    if (P.household[i] >= 0) continue;
    let h = -1;
    if (P.age[i] < 30) {
      for (let tries = 0; tries < 20; tries++) {
        const head = heads[Math.floor(s.next() * heads.length)];
        const gap = P.age[head] - P.age[i];
        if (gap >= 20 && gap <= 45) {
          h = P.household[head];
          break;
        }
      }
    }
    if (h < 0) h = P.household[heads[Math.floor(s.next() * heads.length)]];
    P.household[i] = h;
  }
}

/** Picks full members by age weights matching the member age structure; a third of them away. */
function assignMembers(v: Village, params: Params, s: Stream, D: Draws): void {
  const P = v.people.cols;
  const n = v.people.highWater;
  const target = Math.round(params.initial_member_share * n);
  // Population per member age band, for weights target share ÷ population share.
  const bandPop = MEMBER_AGE_TARGET.map(() => 0);
  const bandOf = (age: number) => MEMBER_BAND_OF_AGE[age];
  for (let i = 0; i < n; i++) {
    const b = bandOf(P.age[i]);
    if (b >= 0) bandPop[b]++;
  }
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = bandOf(P.age[i]);
    if (b < 0 || bandPop[b] === 0) continue;
    // Elite bias (paper 1.3): standing and education raise the odds of being a member.
    weights[i] = (MEMBER_AGE_TARGET[b][2] / bandPop[b]) * (0.5 + P.standing[i] + 0.15 * P.education[i]);
  }
  let under60 = 0;
  const members: number[] = [];
  for (let k = 0; k < target; k++) {
    const i = categorical(s, weights);
    if (i < 0) break;
    weights[i] = 0;
    members.push(i);
    if (P.age[i] < 60) under60++;
  }
  const pAway = under60 > 0 ? Math.min(1, (params.initial_member_away_share * members.length) / under60) : 0;
  const keys = v.people.keys;
  for (const i of members) {
    const key = keys[i];
    P.status[i] = Status.full;
    P.candidacies[i] = 1;
    P.stageYears[i] = Math.min(60, Math.floor(D.u(key, A.memberYears) * Math.max(1, P.age[i] - 20)));
    P.competenceParty[i] = clamp(P.competenceParty[i] + 0.2);
    P.standing[i] = clamp(P.standing[i] + 0.1);
    P.identity[i] = clamp(P.identity[i] + 0.1);
    const away = P.age[i] < 60 && !P.disabled[i] && D.u(key, A.memberAway) < pAway;
    P.away[i] = away ? 1 : 0;
    P.yearsAway[i] = away ? 1 + Math.floor(D.u(key, A.memberYearsAway) * 6) : 0;
    P.occupation[i] = away ? Occupation.migrantWorker : P.age[i] >= params.retirement_age ? Occupation.retired : Occupation.farmer;
  }
}

/**
 * Initial pipeline stocks per branch from the national funnel (§1: applicants : activists : recruits
 * ≈ 8.7 : 4.4 : 1 a year), scaled to the branch's expected yearly quota; candidates are young
 * (§2: activists 18-30 49.7%, 31-45 39.3%).
 */
function assignPipeline(v: Village, params: Params, s: Stream, D: Draws): void {
  const P = v.people.cols;
  const n = v.people.highWater;
  let members = 0;
  for (let i = 0; i < n; i++) if (P.status[i] === Status.full) members++;
  const perYear = Math.max(0.5, params.quota_per_member * members);
  const stocks: [number, number][] = [
    [Status.probationary, perYear],
    [Status.developmentTarget, perYear],
    [Status.activist, 4.4 * perYear],
    [Status.applicant, 8.7 * perYear],
  ];
  const pool: number[] = [];
  for (let i = 0; i < n; i++) {
    if (P.status[i] === Status.none && !P.away[i] && P.age[i] >= 18 && P.age[i] <= 50 && !P.disabled[i]) pool.push(i);
  }
  const w = Float64Array.from(pool, (i) => (P.age[i] <= 30 ? 2 : 1) * (0.3 + P.standing[i] + P.identity[i]));
  const keys = v.people.keys;
  for (let stage = 0; stage < stocks.length; stage++) {
    const [status, expected] = stocks[stage];
    const k = Math.floor(expected + D.group(V.pipelineStock + stage));
    for (let c = 0; c < k; c++) {
      const j = categorical(s, w);
      if (j < 0) break;
      w[j] = 0;
      const i = pool[j];
      P.status[i] = status;
      P.candidacies[i] = 1;
      P.stageYears[i] = Math.floor(D.u(keys[i], A.candidateYears) * 2);
      P.aspiration[i] = 0.5 + 0.3 * D.u(keys[i], A.candidateAspiration);
      if (status >= Status.developmentTarget) P.competenceParty[i] = clamp(P.competenceParty[i] + 0.1);
    }
  }
}

/** Secretary (best resident member 30-65 by dual competence and standing; ties by identity key) and up to four committee members. */
function assignRoles(v: Village, D: Draws): void {
  const P = v.people.cols;
  const n = v.people.highWater;
  const cands: number[] = [];
  for (let i = 0; i < n; i++) {
    if (P.status[i] === Status.full && !P.away[i] && !P.disabled[i] && P.age[i] >= 30 && P.age[i] <= 65) cands.push(i);
  }
  const score = (i: number) => P.competenceParty[i] + P.competenceEconomic[i] + 0.5 * P.standing[i];
  const keys = v.people.keys;
  cands.sort((a, b) => score(b) - score(a) || keys[a] - keys[b]);
  if (cands.length > 0) {
    const sec = cands[0];
    P.role[sec] = Role.secretary;
    P.occupation[sec] = Occupation.cadre;
    P.competenceParty[sec] = clamp(P.competenceParty[sec] + 0.15);
    v.branch.secretary = sec;
    v.branch.secretaryGeneration = v.people.generation[sec];
    v.branch.secretaryTenure = Math.floor(D.group(V.secretaryTenure) * 5);
  }
  for (let k = 1; k < Math.min(5, cands.length); k++) P.role[cands[k]] = Role.committee;
}

/** Social network: ties to household members first, the rest to random villagers of similar age (±15 years when possible). */
function buildTies(v: Village, s: Stream): void {
  const P = v.people.cols;
  const n = v.people.highWater;
  // Members of each household in slot order (compressed rows: start[h] .. start[h+1]).
  const hc = v.households.count;
  const start = new Int32Array(hc + 1);
  for (let i = 0; i < n; i++) start[P.household[i] + 1]++;
  for (let h = 0; h < hc; h++) start[h + 1] += start[h];
  const fill = start.slice(0, hc);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[P.household[i]]++] = i;
  const ties = v.ties;
  const age = P.age;
  for (let i = 0; i < n; i++) {
    const base = i * TIES;
    let k = 0;
    const h = P.household[i];
    for (let m = start[h]; m < start[h + 1] && k < 2; m++) {
      const j = members[m];
      if (j !== i) setTie(v, i, k++, j);
    }
    for (let tries = 0; k < TIES && tries < 30; tries++) {
      const j = Math.floor(s.next() * n);
      if (j !== i && (Math.abs(age[j] - age[i]) <= 15 || tries > 15)) setTie(v, i, k++, j);
    }
  }
}

/** Occupations of resident working-age adults at the start, by the rule livelihood uses for newcomers (one draw each). */
function assignOccupations(v: Village, params: Params, D: Draws): void {
  const P = v.people.cols;
  const keys = v.people.keys;
  for (let i = 0; i < v.people.highWater; i++) {
    if (P.away[i] || P.disabled[i] || P.age[i] < ADULT_AGE || P.age[i] >= params.retirement_age || P.occupation[i] === Occupation.cadre) continue;
    P.occupation[i] = chooseOccupation(D.u(keys[i], A.occupation), P.competenceEconomic[i], v.industry, params, 0);
  }
}

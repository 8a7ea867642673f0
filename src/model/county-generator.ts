/**
 * The synthetic county generator: villages of registered villagers whose age structure, household
 * size, ethnic mix, education, membership (about 3-4% of villagers, older than average, a third away)
 * and pipeline stocks match calibration-targets.md. Each village is generated from its own stream, so
 * any subset of villages can be generated alone (for splitting a province across workers).
 */
import type { Stream } from '../core/random.js';
import { categorical, normal } from '../core/random.js';
import { ETHNICITIES, type CountyConfig } from './county-config.js';
import { clamp } from './math.js';
import { chooseOccupation } from './processes/livelihood.js';
import type { Params } from './parameters.js';
import { addVillager, createVillage, newHousehold, TIES, type Village } from './village.js';
import { villageTypeCode } from './village-type.js';
import { ADULT_AGE, Education, NEVER, Occupation, Role, Status } from './villager.js';

/** Age bands (lower bounds) of the initial pyramid. */
const BANDS = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85];
/**
 * Shares (%) of registered rural villagers per band. Source: Guangxi 2020 census (§4: 0-14 23.62%,
 * 60+ 16.69%) shifted toward older ages for rural areas (§4 "rural ageing runs several points above",
 * U): 0-14 23.5%, 60+ 18.5%.
 */
const BAND_SHARES = Float64Array.from([7, 8, 8.5, 6.5, 5, 5.5, 7, 6.5, 6, 8.5, 7.5, 5.5, 5, 4.5, 3.5, 2.5, 1.7, 1.3]);

/** Target age shares of village Party members (§2 national village survey: 18-30 11.2%, 46-60 34.9%, 60+ 24.4%). */
const MEMBER_AGE_TARGET: [number, number, number][] = [
  [18, 30, 0.112],
  [31, 45, 0.295],
  [46, 60, 0.349],
  [61, 95, 0.244],
];

/** Mean registered household size used to group villagers (§4: Guangxi 2.87 in 2020, Laibin 2.77). */
const HOUSEHOLD_SIZE = 2.9;

/** Draws an age from the pyramid. */
export function drawAge(s: Stream): number {
  const b = categorical(s, BAND_SHARES);
  const lo = BANDS[b];
  const width = b === BANDS.length - 1 ? 12 : 5;
  return lo + Math.floor(s.next() * width);
}

/** Education level by age cohort (§4: college 10.8%, high school 13.0%, junior 36.4%, primary 27.9%; rural and older cohorts lower). */
export function drawEducation(s: Stream, age: number): number {
  if (age < 12) return Education.primary;
  if (age < 15) return Education.junior;
  const u = s.next();
  const [college, senior, junior] = age < 36 ? [0.12, 0.2, 0.45] : age < 56 ? [0.04, 0.12, 0.5] : [0.01, 0.05, 0.3];
  if (age >= 18 && u < college) return Education.college;
  if (u < college + senior) return age >= 17 ? Education.senior : Education.junior;
  if (u < college + senior + junior) return Education.junior;
  return Education.primary;
}

/**
 * Traits a villager has on coming of age (18): education of the young cohort, social standing and the
 * two competences from education, drawn as for the adults of the initial county (7 draws).
 */
export function drawAdultTraits(s: Stream, age: number, p: Params): { education: number; standing: number; competenceParty: number; competenceEconomic: number } {
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

/** Generates village `index` of the county from its stream. */
export function generateVillage(index: number, county: CountyConfig, params: Params, s: Stream): Village {
  const mean = county.population / county.villages;
  const sigma = Math.sqrt(Math.log(1 + county.villageSizeCv * county.villageSizeCv));
  const n = Math.max(20, Math.round(mean * Math.exp(normal(s, -sigma * sigma / 2, sigma))));
  const v = createVillage(index, n);
  const mixWeights = Float64Array.from(ETHNICITIES, (e) => county.mix[e] ?? 0);
  v.majority = Math.max(0, categorical(s, mixWeights));
  const seg = county.segregation;
  const localMix = mixWeights.map((w, k) => (1 - seg) * w + (k === v.majority ? seg : 0)); // Float64Array

  v.economy = 0.35 + 0.3 * s.next();
  v.industryBase = v.industry = 0.05 + 0.25 * s.next();
  v.culturalLife = 0.4 + 0.3 * s.next();
  v.cohesion = 0.5 + 0.2 * s.next();
  v.conflict = 0.15 + 0.1 * s.next();
  const b = v.branch;
  b.authority = 0.35 + 0.25 * s.next();
  b.meetingQuality = 0.3 + 0.3 * s.next();
  b.study = 0.3 + 0.2 * s.next();
  b.integrationBase = b.integration = 0.1 + 0.2 * s.next();
  b.yearsNoRecruit = Math.floor(s.next() * (params.initial_years_no_recruit_max + 1)); // uniform 0..max
  v.type = villageTypeCode({ authority: b.authority, meetingQuality: b.meetingQuality, industryBase: v.industryBase, majority: v.majority });

  // People
  const P = v.people.cols;
  for (let k = 0; k < n; k++) {
    const age = drawAge(s);
    const eth = Math.max(0, categorical(s, localMix));
    const edu = drawEducation(s, age);
    const minority = ETHNICITIES[eth] !== 'han';
    // Draws in the same order as before: sex, then disability. Columns written directly (no init object).
    const sex = s.next() < 0.51 ? 1 : 0;
    const disabled = s.next() < 0.01 + (age > 60 ? (age - 60) * 0.004 : 0) ? 1 : 0;
    const i = addVillager(v, NO_INIT);
    P.age[i] = age;
    P.sex[i] = sex;
    P.ethnicity[i] = eth;
    P.education[i] = edu;
    P.disabled[i] = disabled;
    P.household[i] = -1;
    P.yearsSinceReturn[i] = NEVER;
    P.occupation[i] = age < ADULT_AGE ? Occupation.childOrStudent : age >= params.retirement_age ? Occupation.retired : Occupation.farmer;
    P.identity[i] = clamp(normal(s, minority ? 0.6 : 0.45, 0.15) + 0.004 * (age - 40));
    const minor = age < ADULT_AGE ? MINOR_TRAIT_DEFICIT : 0;
    const p = params;
    P.standing[i] = clamp(normal(s, p.adult_standing_mean, p.adult_standing_sd) + p.standing_education_effect * edu + (age >= 40 && age < 70 ? 0.08 : 0) - minor);
    P.competenceParty[i] = clamp(normal(s, p.adult_competence_party_mean + p.competence_party_education_effect * edu, p.adult_competence_party_sd) - minor);
    P.competenceEconomic[i] = clamp(
      normal(s, p.adult_competence_economic_mean + p.competence_economic_education_effect * edu, p.adult_competence_economic_sd) - minor,
    );
    // Away at the start: young working-age most (§4 migrant workers; §2 37% of members away).
    const pAway = age >= 20 && age < 45 ? params.initial_away_share_young : age >= 18 && age < 55 ? params.initial_away_share_young * 0.5 : 0;
    if (!P.disabled[i] && s.next() < pAway) {
      P.away[i] = 1;
      P.yearsAway[i] = 1 + Math.floor(s.next() * 8);
      P.occupation[i] = Occupation.migrantWorker;
    }
  }
  assignHouseholds(v, s);
  assignMembers(v, params, s);
  assignPipeline(v, params, s);
  assignRoles(v, s);
  assignOccupations(v, params, s);
  buildTies(v, s);
  return v;
}

/** Groups villagers into households: heads, spouses, children to parents of a fitting age, the rest at random. */
function assignHouseholds(v: Village, s: Stream): void {
  const P = v.people.cols;
  const n = v.people.highWater;
  const H = Math.max(1, Math.round(n / HOUSEHOLD_SIZE));
  const adults: number[] = [];
  for (let i = 0; i < n; i++) if (P.age[i] >= 25 && P.age[i] < 80) adults.push(i);
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
function assignMembers(v: Village, params: Params, s: Stream): void {
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
  for (const i of members) {
    P.status[i] = Status.full;
    P.stageYears[i] = Math.min(60, Math.floor(s.next() * Math.max(1, P.age[i] - 20)));
    P.competenceParty[i] = clamp(P.competenceParty[i] + 0.2);
    P.standing[i] = clamp(P.standing[i] + 0.1);
    P.identity[i] = clamp(P.identity[i] + 0.1);
    const away = P.age[i] < 60 && !P.disabled[i] && s.next() < pAway;
    P.away[i] = away ? 1 : 0;
    P.yearsAway[i] = away ? 1 + Math.floor(s.next() * 6) : 0;
    P.occupation[i] = away ? Occupation.migrantWorker : P.age[i] >= params.retirement_age ? Occupation.retired : Occupation.farmer;
  }
}

/**
 * Initial pipeline stocks per branch from the national funnel (§1: applicants : activists : recruits
 * ≈ 8.7 : 4.4 : 1 a year), scaled to the branch's expected yearly quota; candidates are young
 * (§2: activists 18-30 49.7%, 31-45 39.3%).
 */
function assignPipeline(v: Village, params: Params, s: Stream): void {
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
  for (const [status, expected] of stocks) {
    const k = Math.floor(expected + s.next());
    for (let c = 0; c < k; c++) {
      const j = categorical(s, w);
      if (j < 0) break;
      w[j] = 0;
      const i = pool[j];
      P.status[i] = status;
      P.stageYears[i] = Math.floor(s.next() * 2);
      P.aspiration[i] = 0.5 + 0.3 * s.next();
      if (status >= Status.developmentTarget) P.competenceParty[i] = clamp(P.competenceParty[i] + 0.1);
    }
  }
}

/** Secretary (best resident member 35-65 by dual competence and standing) and up to four committee members. */
function assignRoles(v: Village, s: Stream): void {
  const P = v.people.cols;
  const n = v.people.highWater;
  const cands: number[] = [];
  for (let i = 0; i < n; i++) {
    if (P.status[i] === Status.full && !P.away[i] && !P.disabled[i] && P.age[i] >= 30 && P.age[i] <= 65) cands.push(i);
  }
  const score = (i: number) => P.competenceParty[i] + P.competenceEconomic[i] + 0.5 * P.standing[i];
  cands.sort((a, b) => score(b) - score(a) || a - b);
  if (cands.length > 0) {
    const sec = cands[0];
    P.role[sec] = Role.secretary;
    P.occupation[sec] = Occupation.cadre;
    P.competenceParty[sec] = clamp(P.competenceParty[sec] + 0.15);
    v.branch.secretary = sec;
    v.branch.secretaryTenure = Math.floor(s.next() * 5);
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
      if (j !== i) ties[base + k++] = j;
    }
    for (let tries = 0; k < TIES && tries < 30; tries++) {
      const j = Math.floor(s.next() * n);
      if (j !== i && (Math.abs(age[j] - age[i]) <= 15 || tries > 15)) ties[base + k++] = j;
    }
  }
}

/** Occupations of resident working-age adults at the start, by the rule livelihood uses for newcomers (one draw each). */
function assignOccupations(v: Village, params: Params, s: Stream): void {
  const P = v.people.cols;
  for (let i = 0; i < v.people.highWater; i++) {
    if (P.away[i] || P.disabled[i] || P.age[i] < ADULT_AGE || P.age[i] >= params.retirement_age || P.occupation[i] === Occupation.cadre) continue;
    P.occupation[i] = chooseOccupation(s.next(), P.competenceEconomic[i], v.industry, params, 0);
  }
}

/**
 * Analytic benchmark: the recruitment pipeline in isolation against the equivalent Markov manpower
 * model (Bartholomew 1982, ch. 3). With only the pipeline process (no ageing, deaths, migration) and a
 * set-up where every stage has a constant yearly hazard, each eligible villager moves independently
 * through the states N (no status, aged 18-55), A (applicant), T (activist), D (development target),
 * P (probationary), X (probation extended), F (full member) with the one-year transition matrix M
 * derived below from the within-year order of src/model/processes/pipeline.ts. Then
 *   E[n(t)] = n(0)·Mᵗ (the closed Bartholomew model n(t+1) = n(t)·M, recruitment coming from N),
 * and, for a cohort of new applicants, with Q the transitions among the transient stages {A,T,D,P,X},
 * the fundamental matrix N = (I − Q)⁻¹ gives the expected years spent in each stage and N·R the
 * probability of becoming a full member. Both are solved with mathjs and printed next to the simulation.
 *
 * Issue 14 changed the pipeline's default structure (county plan, introducers, network vote, activist
 * lapse, cohesion in applications, conflict in retreat, a re-application bar after exclusion); none of
 * these has a constant hazard, so the benchmark runs the structure under which the chain's assumptions
 * hold — quota per member, plain vote, no introducers, no activist lapse — with cohesion at its reference
 * (applications unscaled), conflict's effect on retreat off (retreat_conflict_effect 0: the village's conflict
 * stays at the reference value that the cultivation capacity below needs) and exclusion_reapply_years = 1
 * (the excluded may apply again next year, as the chain's rule 6 says).
 */
import { identity, inv, matrix, multiply, pow, subtract, type Matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { createCountyState, type County } from '../../src/model/county.js';
import { defaultInputs } from '../../src/model/default-inputs.js';
import { sigmoid } from '../../src/model/math.js';
import { PARAMETER_INDEX, resolveParams } from '../../src/model/parameters.js';
import { MIN_APPLICATION_AGE, pipeline, REFERENCE_COHESION } from '../../src/model/processes/pipeline.js';
import { Status } from '../../src/model/villager.js';
import { runWithState } from './helpers.js';

// Benchmark set-up. Effort e = (1 − attention)·((1 − w) + w·meeting quality), w = effort_meeting_weight
// (0.8 at the default w = 0.5) with attention 0 and meeting quality 0.6 (branch life does not run, so they
// stay); pressure 0.7 for all gives a retreat hazard r = livelihood_retreat·(0.7 − retreat_pressure_threshold);
// aspiration 0.5 for all; standing 0.5 for all gives a vote
// pass v = sigmoid(slope·(0.5 − bar)); a selection standard of 0 and a quota far above the pool make
// selection a pure effort draw; equal screening for entrepreneurs and others; no youth places.
// The branch's cultivation capacity (issue 14, branch-capacity.ts) is exactly 1: study and conflict at the
// reference branch's values, and no frailty term (frailty_capacity_weight 0, below its declared range, so
// that members' ages do not enter); wait-for-relief dependence 0.3 for all scales applications by
// 1 − dependence_aspiration_effect·0.3.
const ATTENTION = 0;
const DEPENDENCE = 0.3;
const MEETING = 0.6;
const PRESSURE = 0.7;
const ASPIRATION = 0.5;
const STANDING = 0.5;
const PARAMS: Record<string, number> = {
  application_rate: 0.2,
  applicant_to_activist: 0.5,
  livelihood_retreat: 0.25,
  selection_standard: 0,
  tokenism: 0,
  screening_exclusion_base: 0.1,
  screening_exclusion_entrepreneur: 0.1,
  vote_popularity_slope: 6,
  vote_popularity_bar: 0.22,
  probation_confirm: 0.9,
  exclusion_reapply_years: 1,
  retreat_conflict_effect: 0,
  frailty_capacity_weight: 0,
};
/** The structure under which every stage hazard is constant (see the header). */
const STRUCTURE = { quota: 'per-member', vote: 'plain', introducers: 'none', activist_exit: 'none' } as const;
if (PARAMETER_INDEX.has('youth_quota_share')) PARAMS.youth_quota_share = 0;

/** The benchmark's parameter set: every rate below is read from it, never copied from the model. */
const p = resolveParams(PARAMS);
const e = (1 - ATTENTION) * (1 - p.effort_meeting_weight + p.effort_meeting_weight * MEETING);
const r = p.livelihood_retreat * Math.max(0, PRESSURE - p.retreat_pressure_threshold);
const alpha = p.application_rate * (1 - p.application_effort_weight + p.application_effort_weight * e) * ASPIRATION * (1 - p.dependence_aspiration_effect * Math.fround(DEPENDENCE));
const beta = p.applicant_to_activist * e;
const pass = (1 - p.screening_exclusion_base) * sigmoid(p.vote_popularity_slope * (STANDING - p.vote_popularity_bar));
const c = p.probation_confirm;

/** State indices of the chain. */
const N = 0, A = 1, T = 2, D = 3, P = 4, X = 5, F = 6;
const NAMES = [`none 18-${p.application_age_max}`, 'applicants', 'activists', 'dev. targets', 'probationary', 'prob. extended', 'full members'];

/**
 * One-year transition matrix (row = state at the start of the year), following the order in one year:
 * 1. probation ends (P: confirm c → F, else extended → X; X: confirm c → F, else → none);
 * 2. every target of ≥1 year passes review and vote with probability `pass` → P, else → none;
 * 3. every activist of ≥1 year becomes a target with probability e;
 * 5. applicants, activists and targets (including those just chosen) retreat with probability r;
 * 4. applicants who stay become activists with probability β = applicant_to_activist·e;
 * 6. anyone with no status who did not leave the pipeline this year (not excluded, removed from
 *    probation or retreated) applies with probability α.
 */
function transitionMatrix(): number[][] {
  const M = Array.from({ length: 7 }, () => new Array<number>(7).fill(0));
  M[N][A] = alpha;
  M[N][N] = 1 - alpha;
  M[A][N] = r;
  M[A][T] = (1 - r) * beta;
  M[A][A] = (1 - r) * (1 - beta);
  M[T][N] = r;
  M[T][D] = e * (1 - r);
  M[T][T] = (1 - e) * (1 - r);
  M[D][P] = pass;
  M[D][N] = 1 - pass;
  M[P][F] = c;
  M[P][X] = 1 - c;
  M[X][F] = c;
  M[X][N] = 1 - c;
  M[F][F] = 1;
  return M;
}

/** The chain state of villager i, or -1 if outside the chain (no status and not aged 18 to application_age_max). */
function stateOf(county: County, g: number, i: number): number {
  const cols = county.villages[g].people.cols;
  const st = cols.status[i];
  if (st === Status.none) return cols.age[i] >= MIN_APPLICATION_AGE && cols.age[i] <= p.application_age_max ? N : -1;
  if (st === Status.probationary) return cols.extended[i] === 1 ? X : P;
  return [N, A, T, D, P, F][st];
}

/**
 * A quota far above any pool, set after the county is generated: the generator sizes the initial
 * pipeline stocks from the quota, so a huge value there would put every eligible villager in the pipeline.
 */
const QUOTA_PER_MEMBER = 1000;

/** Makes every stage hazard constant (see the set-up above); the run's parameters add the huge quota. */
function setup(generated: County): County {
  const county = createCountyState(defaultInputs({ parameters: { ...PARAMS, quota_per_member: QUOTA_PER_MEMBER }, structure: STRUCTURE }), generated.villages, generated.year);
  for (const v of county.villages) {
    v.branch.attention = ATTENTION;
    v.branch.meetingQuality = MEETING;
    v.branch.firstSecretaryYears = 0;
    v.cohesion = REFERENCE_COHESION;
    v.branch.study = p.reference_study;
    v.conflict = p.reference_conflict;
    const cols = v.people.cols;
    for (let i = 0; i < v.people.highWater; i++) {
      cols.away[i] = 0;
      cols.disabled[i] = 0;
      cols.pressure[i] = PRESSURE;
      cols.aspiration[i] = ASPIRATION;
      cols.standing[i] = STANDING;
      cols.dependence[i] = DEPENDENCE;
    }
  }
  return county;
}

const REPLICATES = 12;
const YEARS = 30;
const COMPARE_YEARS = [0, 1, 2, 3, 5, 8, 12, 20, 30];

describe('pipeline in isolation vs the Markov manpower model', () => {
  const M = matrix(transitionMatrix());
  // Per replicate: initial counts by state, simulated counts by year and state, and the cohort.
  const sims: { n0: number[]; counts: number[][] }[] = [];
  let cohort = 0;
  const visits = new Array<number>(7).fill(0);
  let becameFull = 0;
  for (let rep = 0; rep < REPLICATES; rep++) {
    const inputs = defaultInputs({ parameters: PARAMS, county: { villages: 6, population: 3000 }, structure: STRUCTURE });
    const counts: number[][] = [];
    const start: number[][] = [];
    const track: Map<number, number>[] = [];
    runWithState(inputs, {
      years: YEARS,
      seed: 99,
      replicate: rep,
      processes: [pipeline],
      setup,
      onYear(county, t) {
        const n = new Array<number>(7).fill(0);
        county.villages.forEach((v, g) => {
          if (t === 0) start[g] = [];
          if (t === 1) track[g] = new Map();
          for (let i = 0; i < v.people.highWater; i++) {
            if (v.people.alive[i] === 0) continue;
            const s = stateOf(county, g, i);
            if (s >= 0) n[s]++;
            if (t === 0) start[g][i] = s;
            else if (t === 1 && start[g][i] === N && s === A) {
              // A new applicant of year 1 joins the cohort: its year-ends in each stage are counted
              // until it becomes a full member or leaves the pipeline (to no status, or back to applicant).
              track[g].set(i, A);
              cohort++;
              visits[A]++;
            } else if (t > 1 && track[g].has(i)) {
              const prev = track[g].get(i) as number;
              if (s === F) becameFull++;
              if (s === F || s === N || (s === A && prev !== A)) track[g].delete(i);
              else {
                visits[s]++;
                track[g].set(i, s);
              }
            }
          }
        });
        counts.push(n);
      },
    });
    sims.push({ n0: counts[0], counts });
  }

  it('matches E[n(t)] = n(0)·Mᵗ for every stage within 4 standard deviations', () => {
    // Villagers move independently (constant hazards, no binding quota), so the count in state k at t,
    // summed over replicates, has mean Σ_rep Σ_s n0_s·(Mᵗ)_sk and variance Σ_rep Σ_s n0_s·p(1 − p) with
    // p = (Mᵗ)_sk (a sum of independent multinomial rows). Tolerance: 4 such standard deviations.
    const lines: string[] = [`pipeline stocks, sum of ${REPLICATES} replicates (simulated / expected ± 4σ):`];
    lines.push(['year', ...NAMES.slice(1)].map((x) => x.padStart(25)).join(''));
    const failures: string[] = [];
    for (const t of COMPARE_YEARS) {
      const Mt = (pow(M, t) as Matrix).toArray() as number[][];
      const cells: string[] = [String(t).padStart(25)];
      for (let k = A; k <= F; k++) {
        let mean = 0;
        let variance = 0;
        let sim = 0;
        for (const { n0, counts } of sims) {
          sim += counts[t][k];
          for (let s = 0; s < 7; s++) {
            const p = Mt[s][k];
            mean += n0[s] * p;
            variance += n0[s] * p * (1 - p);
          }
        }
        const tol = 4 * Math.sqrt(variance);
        cells.push(`${sim} / ${mean.toFixed(1)} ± ${tol.toFixed(1)}`.padStart(25));
        if (Math.abs(sim - mean) > tol) failures.push(`year ${t} ${NAMES[k]}: ${sim} vs ${mean.toFixed(1)} ± ${tol.toFixed(1)}`);
      }
      lines.push(cells.join(''));
    }
    console.log(lines.join('\n'));
    expect(failures).toEqual([]);
  });

  it('matches the fundamental matrix (I − Q)⁻¹ for a cohort of new applicants', () => {
    // Transient stages A, T, D, P, X; leaving to no status (or back to applicant) and becoming full are
    // absorbing. Expected year-ends in stage j from A: N[A][j]; variance of that count from the standard
    // absorbing-chain formula V = N·(2·diag(N) − I) − N∘N (Kemeny & Snell 1960, thm 3.3.5); binomial
    // variance for P(full) = (N·R)[A]. Tolerance: 4 standard errors of the cohort mean.
    const full = transitionMatrix();
    const stages = [A, T, D, P, X];
    const Q = matrix(stages.map((i) => stages.map((j) => (j === A && i !== A ? 0 : full[i][j]))));
    const Nf = (inv(subtract(identity(5), Q) as Matrix) as Matrix).toArray() as number[][];
    const Rf = matrix(stages.map((i) => [full[i][F]]));
    const pFull = ((multiply(matrix(Nf), Rf) as Matrix).toArray() as number[][])[0][0];
    const lines = [`cohort of ${cohort} new applicants (year 1), years spent per stage, simulated / expected ± 4 SE:`];
    const failures: string[] = [];
    stages.forEach((j, col) => {
      const expected = Nf[0][col];
      const variance = expected * (2 * Nf[col][col] - (col === 0 ? 1 : 0)) - expected * expected;
      const tol = 4 * Math.sqrt(variance / cohort);
      const sim = visits[j] / cohort;
      lines.push(`  ${NAMES[j].padEnd(16)} ${sim.toFixed(4)} / ${expected.toFixed(4)} ± ${tol.toFixed(4)}`);
      if (Math.abs(sim - expected) > tol) failures.push(`${NAMES[j]}: ${sim} vs ${expected}`);
    });
    const simFull = becameFull / cohort;
    const tolFull = 4 * Math.sqrt((pFull * (1 - pFull)) / cohort);
    lines.push(`  ${'P(full member)'.padEnd(16)} ${simFull.toFixed(4)} / ${pFull.toFixed(4)} ± ${tolFull.toFixed(4)}`);
    console.log(lines.join('\n'));
    if (Math.abs(simFull - pFull) > tolFull) failures.push(`P(full): ${simFull} vs ${pFull}`);
    expect(cohort).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });
});

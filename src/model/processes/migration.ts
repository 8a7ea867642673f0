/**
 * Migration (model brief process 3): leaving (young, educated, pressured villagers go; local jobs and
 * identity hold them back) and returning (family care needs, identity amplified by the village's
 * cultural efficacy, local opportunity, returnee support; ties decay the longer someone is away).
 * Members who leave stay members, living away; candidates who leave usually drop out (paper 1.2, 2.1,
 * 3.4, 4.3, 4.4). Children do not migrate.
 */
import type { Process } from '../../core/schedule.js';
import { defineDecisions, type Draws } from '../../core/random.js';
import type { County } from '../county.js';
import { logit } from '../math.js';
import type { Village } from '../village.js';
import { ADULT_AGE, NEVER, Occupation, Role, Status } from '../villager.js';
import { changeStatus } from '../status-change.js';
import { culturalEfficacy } from './culture.js';
import type { Params } from '../parameters.js';

/** The decisions of migration (keyed draws of the villager). */
export const MIGRATION_DRAWS = defineDecisions({ leave: 0, dropOnLeaving: 1, return: 2 });

/** sigmoid at x = −30 + k/16 (k = 0..961): monotone bounds for {@link below}. */
const SIGMOID_GRID: Float64Array = (() => {
  const t = new Float64Array(30 * 2 * 16 + 2);
  for (let k = 0; k < t.length; k++) t[k] = 1 / (1 + Math.exp(-(-30 + k / 16)));
  return t;
})();

/**
 * Exactly `u < m · sigmoid(x)` (the decision of a draw `u`), computing `Math.exp` only when the draw falls
 * between the sigmoid's values at the grid points around x (about 3% of draws): sigmoid is increasing, so
 * outside that band the answer is known. The 1e-9 margin exceeds any rounding of either side by ~10⁶.
 */
function below(u: number, m: number, x: number): boolean {
  if (m >= 0 && x > -30 && x < 29.9) {
    const k = Math.floor((x + 30) * 16);
    if (u >= m * (SIGMOID_GRID[k + 1] + 1e-9)) return false;
    if (u < m * (SIGMOID_GRID[k] - 1e-9)) return true;
  }
  return u < m * (1 / (1 + Math.exp(-x)));
}

/**
 * Who returnee support targets (paper 4.4 "talents"): adults up to `returning_talent_age_max` with
 * education `returning_talent_education` or more, or economic competence `returning_talent_competence` or
 * more. Their odds of return rise; the support is paid to them in the year of return and the
 * `returnee_support_followup_years` after it.
 */
export function isReturningTalent(education: number, competenceEconomic: number, age: number, p: Params): boolean {
  return (
    age >= ADULT_AGE && age <= p.returning_talent_age_max &&
    (education >= p.returning_talent_education || competenceEconomic >= p.returning_talent_competence)
  );
}

function migrationVillage(v: Village, county: County, p: Params, D: Draws): void {
  const L = v.levers;
  const mobility = county.shock.mobility;
  const P = v.people.cols;
  const H = v.households;
  const f = v.flows;
  const alive = v.people.alive;
  const keys = v.people.keys;
  const hw = v.people.highWater;
  const outBase = logit(p.outmigration_base);
  const retBase = logit(p.return_base);
  const familyLogOdds = Math.log(p.return_family_need_odds);
  const efficacy = culturalEfficacy(v.culturalLife, L.cultural_efficacy, p);
  const support = L.returnee_support; // thousand yuan per returnee-year
  const incentive = (p.return_incentive_effect * support) / 10; // support in 1,000 yuan, the effect per 10,000 yuan
  const youth = p.youth_age_max;
  const ageMin = p.outmigration_age_min;
  const ageMax = p.outmigration_age_max;
  const agePivot = p.outmigration_age_pivot;
  const followUp = p.returnee_support_followup_years;
  const returnPivot = p.return_age_pivot;
  let recipients = 0;
  for (let i = 0; i < hw; i++) {
    if (alive[i] === 0) continue;
    const age = P.age[i];
    if (P.away[i] === 0) {
      if (P.yearsSinceReturn[i] < NEVER) {
        P.yearsSinceReturn[i]++;
        if (support > 0 && P.yearsSinceReturn[i] <= followUp && isReturningTalent(P.education[i], P.competenceEconomic[i], age, p)) recipients++;
      }
      if (age < ageMin || age > ageMax || P.disabled[i]) continue;
      if (age >= ADULT_AGE && age <= youth) f.youthResidentsAtStart++;
      const x =
        outBase +
        (age < ADULT_AGE ? -p.outmigration_minor_penalty : age > agePivot ? -p.outmigration_age_decline * (age - agePivot) : 0) +
        p.outmigration_pressure_effect * (P.pressure[i] - p.reference_pressure) +
        p.outmigration_education_effect * (P.education[i] - p.reference_education) -
        p.outmigration_jobs_effect * (v.industry - p.reference_industry) -
        p.outmigration_identity_effect * (P.identity[i] - p.reference_identity) -
        (P.role[i] !== Role.none ? p.outmigration_role_effect : 0);
      if (below(D.u(keys[i], MIGRATION_DRAWS.leave), mobility, x)) {
        P.away[i] = 1;
        P.yearsAway[i] = 0;
        P.yearsSinceReturn[i] = NEVER;
        P.occupation[i] = Occupation.migrantWorker;
        f.departures++;
        if (age >= ADULT_AGE && age <= youth) f.youthDepartures++;
        if (P.role[i] === Role.secretary) v.branch.secretary = -1;
        P.role[i] = Role.none;
        const st = P.status[i];
        if (st >= Status.applicant && st <= Status.developmentTarget && D.chance(keys[i], MIGRATION_DRAWS.dropOnLeaving, p.candidate_drop_on_migration)) {
          changeStatus(v, i, Status.none, county.t);
          f.dropoutsMigration++;
        }
      }
    } else {
      f.awayAtStart++;
      if (P.yearsAway[i] < 254) P.yearsAway[i]++;
      const h = P.household[i];
      const familyNeed = H.dependants[h] > 0 && H.earners[h] <= p.family_need_max_earners ? 1 : 0;
      const x =
        retBase -
        p.return_tie_decay * (P.yearsAway[i] - 1) +
        familyLogOdds * familyNeed +
        p.return_identity_effect * (P.identity[i] * efficacy - p.return_identity_reference) +
        p.return_opportunity_effect * (v.industry - p.reference_industry) +
        p.return_age_effect * Math.max(0, age - returnPivot) +
        (isReturningTalent(P.education[i], P.competenceEconomic[i], age, p) ? incentive : 0);
      if (below(D.u(keys[i], MIGRATION_DRAWS.return), mobility, x)) {
        P.away[i] = 0;
        P.yearsAway[i] = 0;
        P.yearsSinceReturn[i] = 0;
        // Returnees bring skills and savings (§5: returnee entrepreneurs 4.5M → 12M).
        P.competenceEconomic[i] += p.returnee_skill_gain * (1 - P.competenceEconomic[i]);
        f.returns++;
        if (support > 0 && isReturningTalent(P.education[i], P.competenceEconomic[i], age, p)) recipients++;
      }
    }
  }
  f.leverRecipients.returnee_support += recipients;
}

/** The migration process. */
export const migration: Process<County> = {
  name: 'migration',
  description: 'Out-migration of the young and pressured; return by family need, identity, opportunity, incentives.',
  run(county, ctx) {
    const p = county.params;
    for (const v of county.villages) migrationVillage(v, county, p, ctx.draws(v.index));
  },
};

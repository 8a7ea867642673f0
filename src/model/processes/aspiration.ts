/**
 * Aspiration (model brief process 6): the wish of a resident adult (18-60) to join the Party, from
 * cultural identity, the branch's visibility and authority, expected benefit, social standing and
 * livelihood pressure; outstanding villagers (high income and economic competence, or entrepreneurs)
 * weigh the opportunity cost and may refuse (paper 2.1, 3.2-3.4, 4.4). Deterministic.
 */
import type { Process } from '../../core/schedule.js';
import type { County } from '../county.js';
import type { Village } from '../village.js';
import { ADULT_AGE, Occupation, Status } from '../villager.js';
import type { Params } from '../parameters.js';

function aspirationVillage(v: Village, county: County, p: Params): void {
  const L = v.levers;
  const P = v.people.cols;
  const alive = v.people.alive;
  const b = v.branch;
  const vw = p.visibility_authority_weight;
  const visibility = vw * b.authority + (1 - vw) * b.meetingQuality;
  // The stipend counts per 10,000 yuan (the lever is in 1,000 yuan).
  const benefitYoung = L.young_talent_stipend / 10 + p.aspiration_entrepreneurship_benefit * L.entrepreneurship_support;
  const outstandingIncome = p.outstanding_income_ratio * p.reference_income;
  const maxAge = p.aspiration_age_max;
  const youth = p.youth_age_max;
  const pivot = p.aspiration_age_pivot;
  for (let i = 0; i < v.people.highWater; i++) {
    if (alive[i] === 0) continue;
    const age = P.age[i];
    if (P.away[i] || age < ADULT_AGE || age > maxAge || P.status[i] >= Status.probationary) {
      P.aspiration[i] = 0;
      continue;
    }
    const outstanding = P.occupation[i] === Occupation.entrepreneur || (P.income[i] > outstandingIncome && P.competenceEconomic[i] > p.outstanding_competence) ? 1 : 0;
    const x =
      p.aspiration_intercept +
      p.aspiration_identity_effect * (P.identity[i] - p.reference_identity) +
      p.aspiration_authority_effect * (visibility - p.reference_visibility) +
      p.aspiration_benefit_effect * (age <= youth ? benefitYoung : 0) -
      p.aspiration_pressure_effect * (P.pressure[i] - p.reference_pressure) +
      p.aspiration_standing_effect * (P.standing[i] - p.reference_standing) -
      p.aspiration_age_decline * Math.max(0, age - pivot) -
      p.outstanding_refusal * outstanding;
    P.aspiration[i] = 1 / (1 + Math.exp(-x)); // sigmoid(x), inlined in the hot loop
  }
}

/** The aspiration process. */
export const aspiration: Process<County> = {
  name: 'aspiration',
  description: 'Who wants to join: identity, branch visibility, benefit, standing, pressure, refusal of the outstanding.',
  run(county) {
    const p = county.params;
    for (const v of county.villages) aspirationVillage(v, county, p);
  },
};

/**
 * Branch life (model brief process 8): meeting quality and study recover with supervision and decay
 * toward "photo-oriented" formality without it (paper 2.2, 2.3, 3.2); the branch's attention is drawn
 * to business in proportion to industry and lack of party-industry integration ("industrial prosperity
 * with party weakness", 2.3); authority follows meetings, study, economic credibility and cultural
 * efficacy, and falls with conflict; members' competences grow with study and training; warned
 * branches may receive an outside first secretary (4.1).
 */
import type { Process } from '../../core/schedule.js';
import { defineDecisions, type Draws } from '../../core/random.js';
import type { County } from '../county.js';
import { clamp } from '../math.js';
import type { Params } from '../parameters.js';
import type { Village } from '../village.js';
import { Status } from '../villager.js';
import { branchInWarning } from '../census.js';
import { culturalEfficacy } from './culture.js';
import { REFERENCE_MEMBER_COMPETENCE } from './pipeline.js';
import { trainCadres } from './succession.js';
import { activeCore, coreFactor, participationFactor } from './branch-capacity.js';

/** The decisions of branch life (keyed draws of the branch's group key). */
export const BRANCH_LIFE_DRAWS = defineDecisions({ firstSecretary: 0 });

/** Supervision saturation 0-1 for `visits` per year: visits / (visits + half-saturation). */
export function supervisionSaturation(visits: number, p: Params): number {
  return visits / (visits + p.supervision_half_saturation);
}

/**
 * Next year's meeting quality: recovery in the supervised share (times `capacity`, what the active core and
 * members' attendance allow, 0-1), drift to photo-oriented meetings in the rest — faster where members
 * cannot lead a meeting (their competence, written by the pipeline; paper 2.2).
 */
export function nextMeetingQuality(mq: number, sat: number, p: Params, capacity = 1, memberCompetence = REFERENCE_MEMBER_COMPETENCE): number {
  const weak = Math.max(0, 1 + p.meeting_member_competence_effect * (REFERENCE_MEMBER_COMPETENCE - memberCompetence));
  return clamp(mq + p.meeting_recovery * capacity * sat * (1 - mq) - p.photo_meeting_drift * weak * (1 - sat) * mq);
}

/** Share of attention drawn to business: 2 × bias × industry × (1 − integration), capped at `business_attention_max` (paper 2.3). */
export function businessAttention(industry: number, integration: number, p: Params): number {
  return Math.min(p.business_attention_max, 2 * p.business_priority_bias * industry * (1 - integration));
}

function branchVillage(v: Village, county: County, p: Params, D: Draws): void {
  const L = v.levers;
  const b = v.branch;
  // Outside first secretary for a branch in warning (4.1); billed per posted secretary-year (policy-cost).
  if (b.firstSecretaryYears > 0) b.firstSecretaryYears--;
  else if (L.first_secretary > 0) {
    if (branchInWarning(v) && D.group(BRANCH_LIFE_DRAWS.firstSecretary) < L.first_secretary) b.firstSecretaryYears = p.first_secretary_years;
  }
  if (b.firstSecretaryYears > 0) v.flows.leverRecipients.first_secretary = 1;
  const visits = p.supervision_base + L.supervision_visits + (b.firstSecretaryYears > 0 ? p.first_secretary_visits : 0);
  b.integration = b.integrationBase + (1 - b.integrationBase) * L.party_industry_integration;
  b.attention = businessAttention(v.industry, b.integration, p);
  // Attention drawn to business lets meetings, records and study slide (paper 2.3): supervision reaches
  // only the share of attention left to the organisation. The frail core (1.1) and members waiting for
  // relief (3.2: attendance) slow the recovery of meetings; the frail core slows study.
  const sat = supervisionSaturation(visits, p) * (1 - b.attention);
  const core = activeCore(v, p);
  const cf = coreFactor(core.resident > 0 ? core.core / core.resident : 1, p);
  const attendance = participationFactor(core.resident > 0 ? core.dependenceSum / core.resident : 0, p);
  b.meetingQuality = nextMeetingQuality(b.meetingQuality, sat, p, cf * attendance, b.memberCompetenceMean);
  b.study = clamp(
    b.study +
      (p.study_programme_effect * L.study_programme + p.study_supervision_effect * sat) * cf * (1 - b.study) -
      p.study_decay * (1 - sat) * (1 - L.study_programme) * b.study,
  );
  const target = clamp(
    p.authority_base +
      p.authority_meeting_weight * b.meetingQuality +
      p.authority_study_weight * b.study +
      p.authority_economic_credibility * v.industry * b.integration * 2 +
      p.authority_cultural_efficacy * culturalEfficacy(v.culturalLife, L.cultural_efficacy, p) -
      p.authority_conflict_weight * v.conflict +
      p.authority_member_competence_weight * (b.memberCompetenceMean - REFERENCE_MEMBER_COMPETENCE),
  );
  b.authority = clamp(b.authority + p.authority_rate * (target - b.authority));
  // Competences: members grow with study (training: trainCadres below).
  const P = v.people.cols;
  const alive = v.people.alive;
  const grow = p.competence_growth_member * (p.competence_growth_unstudied + b.study);
  for (let i = 0; i < v.people.highWater; i++) {
    if (alive[i] === 0 || P.away[i] === 1) continue;
    const st = P.status[i];
    if (st === Status.full || st === Status.probationary) P.competenceParty[i] += grow * (1 - P.competenceParty[i]);
  }
  // Training (4.1): the secretary and a few reserve cadres, with diminishing returns (succession.ts).
  trainCadres(v, p, p.secretary_training_effect * L.secretary_training);
  if (v.flows.recruits === 0 && b.yearsNoRecruit < 1000) b.yearsNoRecruit++;
}

/** The branch-life process. */
export const branchLife: Process<County> = {
  name: 'branch-life',
  description: 'Supervision, meeting quality, study, priority bias, authority, competences, first secretaries.',
  run(county, ctx) {
    const p = county.params;
    for (const v of county.villages) branchVillage(v, county, p, ctx.draws(v.index));
  },
};

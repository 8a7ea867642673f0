// Branch life (process 8): photo-oriented meetings without supervision, business priority bias,
// authority, first secretaries.
import { describe, expect, it } from 'vitest';
import { branchLife, businessAttention, nextMeetingQuality, supervisionSaturation } from '../../../src/model/processes/branch-life.js';
import { recruitmentEffort } from '../../../src/model/processes/pipeline.js';
import { defaultParams } from '../../../src/model/parameters.js';
import { Status } from '../../../src/model/villager.js';
import { policyCost } from '../../../src/model/processes/policy-cost.js';
import { handCounty, handVillage, person, runOnce } from '../helpers.js';

const p = defaultParams();

function branchVillage() {
  return handVillage(0, (v) => {
    for (let k = 0; k < 30; k++) person(v, { age: 50, status: Status.full, stageYears: 10 });
    for (let k = 0; k < 5; k++) person(v, { age: 25, status: Status.activist });
  });
}

describe('branch life', () => {
  it('drifts meeting quality toward photo-oriented meetings without supervision and recovers it with supervision', () => {
    expect(nextMeetingQuality(0.6, 0, p)).toBeCloseTo(0.6 * (1 - p.photo_meeting_drift), 12);
    expect(nextMeetingQuality(0.6, 1, p)).toBeCloseTo(0.6 + p.meeting_recovery * 0.4, 12);
    // Over years in the process: minimal supervision lowers quality, heavy supervision raises it.
    const run = (visits: number) => {
      const v = branchVillage();
      v.branch.meetingQuality = 0.5;
      const c = handCounty([v], { parameters: { supervision_base: 0.5 }, levers: { supervision_visits: visits } });
      const path = [v.branch.meetingQuality];
      for (let y = 0; y < 10; y++) {
        runOnce(c, branchLife, 1, 2026 + y, 1 + y);
        path.push(v.branch.meetingQuality);
      }
      return path;
    };
    const unsupervised = run(0);
    const supervised = run(12);
    for (let y = 1; y < unsupervised.length; y++) {
      expect(unsupervised[y]).toBeLessThan(unsupervised[y - 1]);
      expect(supervised[y]).toBeGreaterThan(supervised[y - 1]);
    }
    // equilibrium r·s / (r·s + d·(1 − s)): ≈0.20 at 0.5 visits, ≈0.86 at 12.5 visits
    expect(unsupervised.at(-1)!).toBeLessThan(0.3);
    expect(supervised.at(-1)!).toBeGreaterThan(0.75);
  });

  it('saturates supervision: half effect at the half-saturation number of visits', () => {
    expect(supervisionSaturation(p.supervision_half_saturation, p)).toBeCloseTo(0.5, 12);
    expect(supervisionSaturation(0, p)).toBe(0);
  });

  it('draws more attention to business with more industry and less with more party-industry integration', () => {
    expect(businessAttention(0.6, 0.2, p)).toBeGreaterThan(businessAttention(0.3, 0.2, p));
    expect(businessAttention(0.6, 0.8, p)).toBeLessThan(businessAttention(0.6, 0.2, p));
    expect(businessAttention(0.6, 1, p)).toBe(0);
    expect(businessAttention(1, 0, { ...p, business_priority_bias: 1 })).toBe(0.9);
    // In the process, the integration lever removes the bias, and recruitment effort rises.
    const attention = (integration: number) => {
      const v = branchVillage();
      v.industry = 0.7;
      const c = handCounty([v], { levers: { party_industry_integration: integration } });
      runOnce(c, branchLife);
      return { attention: v.branch.attention, effort: recruitmentEffort(v, c.params) };
    };
    const low = attention(0);
    const high = attention(1);
    expect(low.attention).toBeGreaterThan(0.2);
    expect(high.attention).toBe(0);
    expect(high.effort).toBeGreaterThan(low.effort);
  });

  it('dispatches a first secretary only to a branch in warning, and records the posting for billing', () => {
    const warned = handVillage(0, (v) => {
      for (let k = 0; k < 30; k++) person(v, { age: 66, status: Status.full, stageYears: 10 }); // mean age ≥ 60 and no activists
    });
    const healthy = branchVillage();
    healthy.index = 1;
    for (let k = 0; k < 30; k++) healthy.people.cols.age[k] = 40;
    const c = handCounty([warned, healthy], { levers: { first_secretary: 1 } });
    runOnce(c, branchLife);
    expect(warned.branch.firstSecretaryYears).toBeGreaterThan(0);
    expect(warned.flows.leverRecipients.first_secretary).toBe(1);
    expect(healthy.branch.firstSecretaryYears).toBe(0);
    expect(healthy.flows.leverRecipients.first_secretary).toBe(0);
    runOnce(c, policyCost);
    expect(warned.spending.first_secretary).toBe(c.policy.unitCosts.first_secretary);
    expect(healthy.spending.first_secretary).toBeUndefined();
  });

  it('counts years without a recruit', () => {
    const v = branchVillage();
    v.branch.yearsNoRecruit = 2;
    const c = handCounty([v]);
    runOnce(c, branchLife);
    expect(v.branch.yearsNoRecruit).toBe(3);
  });
});

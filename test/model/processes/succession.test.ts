// Succession (process 9): a qualified resident member succeeds; a gap is flagged when none qualifies.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/model/parameters.js';
import { succession, isReadySuccessor } from '../../../src/model/processes/succession.js';
import { Role, Status } from '../../../src/model/villager.js';
import { handCounty, handVillage, person, runOnce } from '../helpers.js';

describe('succession', () => {
  it('replaces a secretary past the age limit at term end by the qualified resident member', () => {
    let qualified = -1;
    let away = -1;
    let popular = -1;
    const v = handVillage(0, (v) => {
      person(v, { age: 64, status: Status.full, role: Role.secretary, competenceParty: 0.9, competenceEconomic: 0.9 });
      qualified = person(v, { age: 40, status: Status.full, competenceParty: 0.7, competenceEconomic: 0.7, standing: 0.5 }); // standing above succession_standing_bar (composite readiness)
      away = person(v, { age: 35, status: Status.full, away: 1, competenceParty: 0.95, competenceEconomic: 0.95, standing: 0.9 });
      popular = person(v, { age: 45, status: Status.full, competenceParty: 0.5, competenceEconomic: 0.9, standing: 1 }); // party work below the bar
      person(v, { age: 30, status: Status.activist, competenceParty: 1, competenceEconomic: 1, standing: 1 }); // not a member
    });
    v.branch.secretary = 0;
    v.branch.secretaryTenure = 4; // this year ends the 5-year term
    const c = handCounty([v]);
    runOnce(c, succession);
    expect(v.branch.secretary).toBe(qualified);
    expect(v.people.cols.role[qualified]).toBe(Role.secretary);
    expect(v.people.cols.role[0]).toBe(Role.committee);
    expect(v.branch.successionGap).toBe(0);
    expect(v.branch.secretaryTenure).toBe(0);
    expect(v.people.cols.role[away]).toBe(Role.none);
    expect(v.people.cols.role[popular]).toBe(Role.none);
  });

  it('flags a gap and seats the best available member when none qualifies for a vacant post', () => {
    let best = -1;
    const v = handVillage(0, (v) => {
      person(v, { age: 50, status: Status.full, competenceParty: 0.3, competenceEconomic: 0.3, standing: 0.2 });
      best = person(v, { age: 52, status: Status.full, competenceParty: 0.5, competenceEconomic: 0.5, standing: 0.5 });
    });
    v.branch.secretary = -1;
    const c = handCounty([v]);
    runOnce(c, succession);
    expect(v.branch.successionGap).toBe(1);
    expect(v.branch.secretary).toBe(best);
  });

  it('keeps an able incumbent past the age limit, with a gap, when no successor qualifies', () => {
    const v = handVillage(0, (v) => {
      person(v, { age: 63, status: Status.full, role: Role.secretary, competenceParty: 0.8, competenceEconomic: 0.8 });
      person(v, { age: 40, status: Status.full, competenceParty: 0.3, competenceEconomic: 0.3 });
    });
    v.branch.secretary = 0;
    v.branch.secretaryTenure = 4;
    const c = handCounty([v]);
    runOnce(c, succession);
    expect(v.branch.secretary).toBe(0);
    expect(v.branch.successionGap).toBe(1);
  });

  it('leaves the post vacant when the branch has no resident full member', () => {
    const v = handVillage(0, (v) => {
      person(v, { age: 40, status: Status.full, away: 1, competenceParty: 0.9, competenceEconomic: 0.9 });
      person(v, { age: 40, status: Status.probationary, competenceParty: 0.9, competenceEconomic: 0.9 });
    });
    const c = handCounty([v]);
    runOnce(c, succession);
    expect(v.branch.secretary).toBe(-1);
    expect(v.branch.successionGap).toBe(1);
  });

  it('clears the post of a secretary who has left for work away', () => {
    const v = handVillage(0, (v) => {
      person(v, { age: 40, status: Status.full, role: Role.secretary, away: 1 });
      person(v, { age: 40, status: Status.full, competenceParty: 0.8, competenceEconomic: 0.8 });
    });
    v.branch.secretary = 0;
    runOnce(handCounty([v]), succession);
    expect(v.branch.secretary).toBe(1);
    expect(v.people.cols.role[0]).toBe(Role.none);
  });

  it('counts a ready successor only among resident full members under the age bound with both competences above the bar', () => {
    const { succession_competence_bar: bar, succession_age_max: maxAge } = defaultParams();
    const v = handVillage(0, (v) => {
      person(v, { age: maxAge - 1, status: Status.full, competenceParty: bar + 0.05, competenceEconomic: bar + 0.05 });
      person(v, { age: maxAge, status: Status.full, competenceParty: bar + 0.05, competenceEconomic: bar + 0.05 });
      person(v, { age: maxAge - 10, status: Status.full, competenceParty: bar + 0.05, competenceEconomic: bar - 0.05 });
      person(v, { age: maxAge - 10, status: Status.full, away: 1, competenceParty: bar + 0.05, competenceEconomic: bar + 0.05 });
    });
    expect([0, 1, 2, 3].map((i) => isReadySuccessor(v, i, bar, maxAge))).toEqual([true, false, false, false]);
  });
});

// Aspiration (process 6): who wants to join, and who refuses.
import { describe, expect, it } from 'vitest';
import { aspiration } from '../../../src/model/processes/aspiration.js';
import { Occupation, Status } from '../../../src/model/villager.js';
import { handCounty, handVillage, person, runOnce } from '../helpers.js';

describe('aspiration', () => {
  it('gives no aspiration to children, migrants, the over-60s and those already members', () => {
    let kid = -1, migrant = -1, elder = -1, member = -1, adult = -1;
    const v = handVillage(0, (v) => {
      kid = person(v, { age: 17, aspiration: 0.5 });
      migrant = person(v, { age: 30, away: 1, aspiration: 0.5 });
      elder = person(v, { age: 61, aspiration: 0.5 });
      member = person(v, { age: 30, status: Status.probationary, aspiration: 0.5 });
      adult = person(v, { age: 30 });
    });
    runOnce(handCounty([v]), aspiration);
    const A = v.people.cols.aspiration;
    expect([A[kid], A[migrant], A[elder], A[member]]).toEqual([0, 0, 0, 0]);
    expect(A[adult]).toBeGreaterThan(0);
  });

  it('is lowered by livelihood pressure and by being outstanding (entrepreneurs refuse), raised by identity and authority', () => {
    let base = -1, pressed = -1, ent = -1, proud = -1;
    const v = handVillage(0, (v) => {
      base = person(v, { age: 30, pressure: 0.4 });
      pressed = person(v, { age: 30, pressure: 0.9 });
      ent = person(v, { age: 30, pressure: 0.4, occupation: Occupation.entrepreneur });
      proud = person(v, { age: 30, pressure: 0.4, identity: 0.9 });
    });
    const c = handCounty([v]);
    runOnce(c, aspiration);
    const A = v.people.cols.aspiration;
    expect(A[pressed]).toBeLessThan(A[base]);
    expect(A[ent]).toBeLessThan(A[base]);
    expect(A[proud]).toBeGreaterThan(A[base]);
    const before = A[base];
    v.branch.authority = 0.9;
    v.branch.meetingQuality = 0.9;
    runOnce(c, aspiration);
    expect(A[base]).toBeGreaterThan(before);
  });
});

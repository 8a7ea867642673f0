// Members leaving the active core (process 10): quitting clears roles; frailty leaves the active core.
import { describe, expect, it } from 'vitest';
import { memberExit, isActiveCore } from '../../../src/model/processes/member-exit.js';
import { defaultParams } from '../../../src/model/parameters.js';
import { Role, Status } from '../../../src/model/villager.js';
import { handCounty, handVillage, person, runOnce } from '../helpers.js';

describe('member exit', () => {
  it('clears the roles of a member who leaves the Party', () => {
    const v = handVillage(0, (v) => {
      person(v, { age: 50, status: Status.full, role: Role.secretary });
      person(v, { age: 50, status: Status.full, role: Role.committee });
      person(v, { age: 30, status: Status.activist });
    });
    v.branch.secretary = 0;
    runOnce(handCounty([v], { parameters: { member_quit_rate: 1 } }), memberExit);
    expect(v.branch.secretary).toBe(-1);
    expect(v.flows.memberQuits).toBe(2);
    expect([0, 1].map((i) => v.people.cols.role[i])).toEqual([Role.none, Role.none]);
    expect(v.people.cols.status[2]).toBe(Status.activist); // only full members quit
  });

  it('takes the frail, the disabled and those away out of the active core', () => {
    const p = defaultParams();
    expect(isActiveCore(p.frailty_age - 1, 0, 0, p)).toBe(true);
    expect(isActiveCore(p.frailty_age, 0, 0, p)).toBe(false);
    expect(isActiveCore(50, 0, 1, p)).toBe(false);
    expect(isActiveCore(50, 1, 0, p)).toBe(false);
  });
});

/**
 * Members leaving the active core (model brief process 10). Deaths and registration transfers are
 * handled in demography and migration moves members away (they stay members); here full members may
 * leave the Party (quitting or expulsion, rare: §1), and frailty — age at or past `frailty_age`, or
 * disability — takes members out of the active core (counted by the `members_active_core` metric).
 */
import type { Process } from '../../core/schedule.js';
import { defineDecisions } from '../../core/random.js';
import type { County } from '../county.js';
import type { Params } from '../parameters.js';
import { Role, Status } from '../villager.js';
import { changeStatus } from '../status-change.js';

/** The decisions of member exit (keyed draws of the member). */
export const MEMBER_EXIT_DRAWS = defineDecisions({ quit: 0 });

/** True if a member counts in the active core: resident, not disabled, younger than the frailty age. */
export function isActiveCore(age: number, away: number, disabled: number, p: Params): boolean {
  return away === 0 && disabled === 0 && age < p.frailty_age;
}

/** The member-exit process. */
export const memberExit: Process<County> = {
  name: 'member-exit',
  description: 'Leaving the Party (quit/expulsion); frailty takes members out of the active core.',
  run(county, ctx) {
    const p = county.params;
    for (const v of county.villages) {
      const D = ctx.draws(v.index);
      const P = v.people.cols;
      const alive = v.people.alive;
      const keys = v.people.keys;
      for (let i = 0; i < v.people.highWater; i++) {
        if (alive[i] === 0 || P.status[i] !== Status.full) continue;
        if (D.chance(keys[i], MEMBER_EXIT_DRAWS.quit, p.member_quit_rate)) {
          changeStatus(v, i, Status.none, county.t);
          v.flows.memberQuits++;
          if (v.branch.secretary === i) v.branch.secretary = -1;
          P.role[i] = Role.none;
        }
      }
    }
  },
};

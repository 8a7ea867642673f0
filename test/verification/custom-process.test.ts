/**
 * The example of docs/verification.md, kept running: a user adds a process to the model (youth-league
 * referrals that turn some young residents into applicants) and checks it with the reusable
 * invariants (checkInvariants, checkAccounting) plus a property of their own, over random scenarios.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineDecisions } from '../../src/core/random.js';
import type { Process } from '../../src/core/schedule.js';
import type { County } from '../../src/model/county.js';
import { checkAccounting, checkInvariants, takeStocks, type VillageStocks } from '../../src/model/invariants.js';
import { PROCESSES } from '../../src/model/model.js';
import { Status } from '../../src/model/villager.js';
import { inputsOf, runWithState, smallScenarioArb } from './helpers.js';

/** The process's one decision (its keyed draw's index). */
const REFERRAL_DRAWS = defineDecisions({ refer: 0 });

/** Youth-league referrals: a resident aged 18-28 with no status applies with probability 0.02 a year. */
const referrals: Process<County> = {
  name: 'youth-league-referrals',
  run(county, ctx) {
    for (const v of county.villages) {
      const D = ctx.draws(v.index); // keyed draws: D.chance(villager's key, decision index, p)
      const P = v.people.cols;
      for (let i = 0; i < v.people.highWater; i++) {
        if (v.people.alive[i] === 0 || P.away[i] === 1 || P.status[i] !== Status.none) continue;
        if (P.age[i] < 18 || P.age[i] > 28 || !D.chance(v.people.keys[i], REFERRAL_DRAWS.refer, 0.02)) continue;
        P.status[i] = Status.applicant;
        P.stageYears[i] = 0;
        v.flows.stageIn[Status.applicant]++; // keep the stage accounting
        v.flows.applications++; // and the named counter that mirrors it
      }
    }
  },
};

describe('a user-added process checked with the reusable invariants', () => {
  it('keeps every invariant and refers only residents aged 18-28', () => {
    // Applications (referrals and the pipeline's own) over the five scenarios together: a single small
    // scenario of 3 years may, by chance, see none (about 2 referrals expected in each).
    let referred = 0;
    fc.assert(
      fc.property(smallScenarioArb(), (s) => {
        const errors: string[] = [];
        let before: VillageStocks[] = [];
        const processes = [...PROCESSES.slice(0, 6), referrals, ...PROCESSES.slice(6)];
        runWithState(inputsOf(s), {
          years: s.years,
          seed: s.seed,
          processes,
          onYear(county, t) {
            if (t > 0) errors.push(...checkAccounting(before, county));
            errors.push(...checkInvariants(county));
            before = takeStocks(county);
            for (const v of county.villages) referred += v.flows.applications;
          },
        });
        expect(errors.slice(0, 10)).toEqual([]);
      }),
      { seed: 42, numRuns: 5, endOnFailure: true },
    );
    expect(referred).toBeGreaterThan(0);
  }, 60_000);
});

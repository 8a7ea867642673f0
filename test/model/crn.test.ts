// Common random numbers that hold per villager: a decision of one villager takes its number from the
// villager's identity key and the decision's fixed index, so what happens to others (an extra departure,
// death or birth; a decision taken only in one scenario) does not move anyone else's draws; a dead
// villager's ties do not pass to a newborn in the same slot; and two scenarios that differ only after year
// k are identical up to year k.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { runReplicate } from '../../src/talent/replicate.js';
import { demography, removeVillager } from '../../src/model/processes/demography.js';
import { migration } from '../../src/model/processes/migration.js';
import { pipeline } from '../../src/model/processes/pipeline.js';
import { culture } from '../../src/model/processes/culture.js';
import { tieHolds, TIES, type Village } from '../../src/model/village.js';
import { Status } from '../../src/model/villager.js';
import { generatedCounty, runOnce } from './helpers.js';
import type { County } from '../../src/model/county.js';

/** Two identical generated counties (same seed) of one village. */
function twins(size = 1500): [County, County] {
  return [generatedCounty(1, size, {}, 7), generatedCounty(1, size, {}, 7)];
}

/** Values of a column by identity key, over the living villagers of a village. */
function byKey(v: Village, col: keyof Village['people']['cols']): Map<number, number> {
  const m = new Map<number, number>();
  const c = v.people.cols[col];
  v.people.forEach((i) => m.set(v.people.keys[i], c[i]));
  return m;
}

describe('common random numbers per villager', () => {
  it('migration: an extra departing candidate (and its dropout draw) leaves every other villager\'s decision unchanged', () => {
    const [a, b] = twins();
    const va = a.villages[0];
    const vb = b.villages[0];
    // In b, the first resident applicant-age villager becomes an applicant certain to leave (its dropout
    // draw is taken only in b); in a, the same villager is disabled and never leaves.
    const P = vb.people.cols;
    let who = -1;
    for (let i = 0; i < vb.people.highWater && who < 0; i++) if (P.away[i] === 0 && P.age[i] >= 20 && P.age[i] <= 30 && !P.disabled[i]) who = i;
    expect(who).toBeGreaterThanOrEqual(0);
    P.status[who] = Status.applicant;
    P.pressure[who] = 1;
    P.identity[who] = 0;
    P.education[who] = 3;
    va.people.cols.disabled[who] = 1;
    runOnce(a, migration, 3);
    runOnce(b, migration, 3);
    expect(vb.people.cols.away[who]).toBe(1);
    expect(va.people.cols.away[who]).toBe(0);
    const awayA = byKey(va, 'away');
    const awayB = byKey(vb, 'away');
    const key = vb.people.keys[who];
    let others = 0;
    for (const [k, x] of awayA) {
      if (k === key) continue;
      others++;
      expect(awayB.get(k)).toBe(x);
    }
    expect(others).toBeGreaterThan(1000);
    expect(va.flows.departures + va.flows.returns).toBeGreaterThan(10); // the others did move
  });

  it('demography: an extra death leaves the other villagers\' deaths and births unchanged, and newborn keys follow the mother', () => {
    const [a, b] = twins();
    const va = a.villages[0];
    const vb = b.villages[0];
    // In b, the first man dies just before the year (his death frees a slot, which changes which slots
    // the year's newborns take). A man, so that no birth depends on him.
    let who = 0;
    while (vb.people.cols.sex[who] !== 1) who++;
    const gone = va.people.keys[who];
    removeVillager(vb, who, 'death', 1);
    runOnce(a, demography, 5);
    runOnce(b, demography, 5);
    const keysA = new Set<number>();
    va.people.forEach((i) => keysA.add(va.people.keys[i]));
    const keysB = new Set<number>();
    vb.people.forEach((i) => keysB.add(vb.people.keys[i]));
    // Same survivors and the same newborns (by key) except the one who died only in b.
    expect([...keysB].sort()).toEqual([...keysA].filter((k) => k !== gone).sort());
    expect(vb.flows.births).toBe(va.flows.births);
    expect(vb.flows.births).toBeGreaterThan(5);
    // Same sex for the same newborn key.
    const sexA = byKey(va, 'sex');
    const sexB = byKey(vb, 'sex');
    for (const [k, x] of sexB) expect(sexA.get(k)).toBe(x);
  });

  it('pipeline: an extra applicant (and its draws) leaves the other candidates\' steps unchanged', () => {
    const [a, b] = twins(2500);
    const va = a.villages[0];
    const vb = b.villages[0];
    const P = vb.people.cols;
    let who = -1;
    for (let i = 0; i < vb.people.highWater && who < 0; i++) if (P.status[i] === Status.none && P.away[i] === 0 && P.age[i] === 25 && !P.disabled[i]) who = i;
    expect(who).toBeGreaterThanOrEqual(0);
    P.status[who] = Status.applicant;
    P.stageYears[who] = 3;
    P.pressure[who] = 1; // retreat draw in b only
    runOnce(a, pipeline, 9);
    runOnce(b, pipeline, 9);
    const stA = byKey(va, 'status');
    const stB = byKey(vb, 'status');
    const key = vb.people.keys[who];
    let moved = 0;
    for (const [k, x] of stA) {
      if (k === key) continue;
      expect(stB.get(k)).toBe(x);
    }
    for (const f of ['applications', 'newActivists', 'newTargets', 'recruits'] as const) moved += va.flows[f];
    expect(moved).toBeGreaterThan(0);
  });

  it('pipeline: the review of a candidacy draws the same numbers in whichever year it happens', () => {
    // The same development targets reviewed in 2026 and, in a copy, in 2031: every target reviewed in both
    // gets the same outcome (screening and vote are events of the candidacy, not yearly draws).
    const outcome = (year: number) => {
      const [c] = twins(3000);
      const v = c.villages[0];
      const P = v.people.cols;
      let made = 0;
      for (let i = 0; i < v.people.highWater && made < 60; i++) {
        if (P.status[i] !== Status.none || P.away[i] || P.disabled[i] || P.age[i] < 20 || P.age[i] > 50) continue;
        P.status[i] = Status.developmentTarget;
        P.candidacies[i] = 1;
        P.stageYears[i] = 2;
        made++;
      }
      runOnce(c, pipeline, 4, year, year - 2025);
      return byKey(v, 'status');
    };
    const early = outcome(2026);
    const late = outcome(2031);
    let both = 0;
    for (const [k, s] of early) {
      const t = late.get(k);
      const reviewed = (x: number | undefined) => x === Status.none || x === Status.probationary;
      if (!reviewed(s) || !reviewed(t)) continue;
      both++;
      expect(t).toBe(s);
    }
    expect(both).toBeGreaterThan(20);
  });

  it('ties: a dead villager\'s ties do not pass to a newborn who takes the slot', () => {
    const [c] = twins();
    const v = c.villages[0];
    // Find a tie i → j and kill j; then have a birth reuse j's slot.
    let holder = -1;
    let k0 = -1;
    for (let i = 0; i < v.people.highWater && holder < 0; i++) {
      for (let k = 2; k < TIES; k++) if (v.ties[i * TIES + k] >= 0 && v.ties[i * TIES + k] !== i) { holder = i; k0 = k; break; }
    }
    const e = holder * TIES + k0;
    const j = v.ties[e];
    expect(tieHolds(v, e)).toBe(true);
    v.people.cols.age[j] = 119;
    v.people.cols.disabled[j] = 1;
    runOnce(c, demography, 5);
    expect(v.people.has(j)).toBe(true); // the slot was reused by a newborn this year
    expect(v.people.cols.age[j]).toBe(0);
    expect(v.ties[e]).toBe(j); // the entry still names the slot …
    expect(tieHolds(v, e)).toBe(false); // … but the tie is broken
    // Culture reads only holding ties: the holder's update does not depend on the newborn's identity.
    const ids = v.people.cols.identity.slice();
    const life = v.culturalLife;
    const after = (newbornIdentity: number) => {
      v.people.cols.identity.set(ids);
      v.culturalLife = life;
      v.people.cols.identity[j] = newbornIdentity;
      runOnce(c, culture, 5);
      return v.people.cols.identity[holder];
    };
    expect(after(1)).toBe(after(0));
  });

  it('two scenarios that differ only from year k + 1 are identical up to year k and differ after', () => {
    const k = 3;
    const county = { villages: 3, population: 1500 };
    const base = { ...loadScenario('baseline'), years: 8, county: { ...loadScenario('baseline').county, ...county } };
    const org = loadScenario('organizational-fortification');
    const late = { ...org, years: 8, county: base.county, policies: org.policies.map((p) => ({ ...p, from: k + 1 })) };
    const y0 = base.startYear;
    for (const r of [0, 1]) {
      const a = runReplicate(base, r);
      const b = runReplicate(late, r);
      const strip = (rows: typeof a, upTo: boolean) =>
        rows.filter((x) => (upTo ? x.year <= y0 + k : x.year > y0 + k)).map(({ scenario, ...rest }) => rest);
      expect(strip(b, true)).toEqual(strip(a, true));
      expect(strip(b, false)).not.toEqual(strip(a, false));
    }
  });
});

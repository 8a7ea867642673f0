/**
 * Analytic benchmark: the culture process in isolation, with no cultural programmes, against its
 * mean-field equation. From src/model/processes/culture.ts, a resident's identity moves in one year as
 *   id' = (1 − ε·g(age))·[(1 − c)·((1 − s)·id + s·m) + c·CL],
 * where m is the mean identity of its ties, s = identity_social_rate, c = identity_cultural_life_rate,
 * ε = identity_erosion_youth, g the erosion age factor and CL the village cultural life (no clamping is
 * needed: each step is a convex combination of values in [0, 1]); then
 *   CL' = clamp(CL − d·CL + σ·(π·Ī' − CL)),  d = cultural_life_decay, σ = cultural_life_support,
 * with π = 1 − dependence_participation_effect × the residents' mean wait-for-relief dependence (issue 14:
 * villagers waiting for relief take less part; culture alone never changes dependence, so π is the
 * village's constant, read at t = 0 from the state the generator and the initial livelihood pass set).
 * Averaging over residents, the social term drops out exactly when the mean of the tie means equals the
 * mean identity, i.e. on a network where every villager is the tie of exactly as many others as it has
 * ties (regular in- and out-degree): here the ring i → i+1, …, i+6 (mod n). With everyone resident and
 * of one age group (one g), the mean-field pair
 *   Ī' = (1 − ε·g)·[(1 − c)·Ī + c·CL],  CL' = clamp((1 − d)·CL + σ·(π·Ī' − CL))
 * is then exact up to two stated approximations:
 *   (a) the model updates identities in place, in slot order, so the last six villagers read the already
 *       updated identities of villagers 0-5 (21 of the 6n tie readings): an error in Ī' of at most
 *       (1 − εg)(1 − c)·s·(21/6)·max|Δid|/n per year, with max|Δid| the largest yearly change of
 *       villagers 0-5, measured from consecutive year-ends (a bound from the run, not a fit);
 *   (b) identities are stored as float32: at most 2⁻²⁴ relative error per value per year.
 * The mean-field map is non-expansive in the max norm (each row's coefficients sum to at most 1), so the
 * yearly errors add up: that sum is the tolerance. The process draws no random numbers, so there is no
 * sampling error; the initial identities come from the county generator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { County } from '../../src/model/county.js';
import { defaultInputs } from '../../src/model/default-inputs.js';
import { clamp } from '../../src/model/math.js';
import { PARAMETER_INDEX, resolveParams } from '../../src/model/parameters.js';
import { culture, erosionAgeFactor } from '../../src/model/processes/culture.js';
import { participationFactor } from '../../src/model/processes/branch-capacity.js';
import { TIES } from '../../src/model/village.js';
import { runWithState } from './helpers.js';

/** Puts every villager in the village, at `age`, on the ring network i → i+1..i+TIES (mod n). */
function ringSetup(age: number) {
  return (county: County) => {
    for (const v of county.villages) {
      const n = v.people.highWater;
      const P = v.people.cols;
      for (let i = 0; i < n; i++) {
        P.away[i] = 0;
        P.age[i] = age;
        for (let k = 0; k < TIES; k++) v.ties[i * TIES + k] = (i + 1 + k) % n;
      }
    }
  };
}

interface Comparison {
  years: number[];
  sim: [number, number][][];
  mf: [number, number][][];
  tol: number[][];
}

/** Runs culture alone and the mean-field recursion from the same initial village means. */
function compare(parameters: Record<string, number>, age: number, years: number, seed: number): Comparison {
  const p = resolveParams(parameters);
  const g = erosionAgeFactor(age, p);
  const s = p.identity_social_rate;
  const c = p.identity_cultural_life_rate;
  const eps = p.identity_erosion_youth * g;
  const out: Comparison = { years: [], sim: [], mf: [], tol: [] };
  let state: { I: number; CL: number; err: number; n: number; pi: number }[] = [];
  let first: number[][] = [];
  runWithState(defaultInputs({ parameters, county: { villages: 3, population: 1500 } }), {
    years,
    seed,
    processes: [culture],
    setup: ringSetup(age),
    onYear(county, t) {
      const sim = county.villages.map((v): [number, number] => {
        let sum = 0;
        for (let i = 0; i < v.people.highWater; i++) sum += v.people.cols.identity[i];
        return [sum / v.people.highWater, v.culturalLife];
      });
      const now = county.villages.map((v) => Array.from(v.people.cols.identity.subarray(0, TIES)));
      if (t === 0) {
        state = sim.map(([I, CL], k) => {
          const v = county.villages[k];
          let dep = 0;
          for (let i = 0; i < v.people.highWater; i++) dep += v.people.cols.dependence[i];
          return { I, CL, err: 0, n: v.people.highWater, pi: participationFactor(dep / v.people.highWater, p) };
        });
      }
      else {
        state = state.map((x, k) => {
          const maxDelta = Math.max(...now[k].map((id, j) => Math.abs(id - first[k][j])));
          const I = (1 - eps) * ((1 - c) * x.I + c * x.CL);
          const CL = clamp(x.CL - p.cultural_life_decay * x.CL + p.cultural_life_support * (x.pi * I - x.CL));
          const err = x.err + (1 - eps) * (1 - c) * s * (21 / TIES) * maxDelta / x.n + 2 ** -24;
          return { I, CL, err, n: x.n, pi: x.pi };
        });
      }
      first = now;
      out.years.push(t);
      out.sim.push(sim);
      out.mf.push(state.map((x) => [x.I, x.CL]));
      out.tol.push(state.map((x) => x.err));
    },
  });
  return out;
}

const CULTURE_PARAMS = ['identity_social_rate', 'identity_erosion_youth', 'identity_cultural_life_rate', 'cultural_life_decay', 'cultural_life_support'];

describe('culture in isolation vs its mean-field equation', () => {
  it('follows the mean-field pair (Ī, CL) under default parameters (printed)', () => {
    const cmp = compare({}, 20, 20, 3);
    const lines = ['culture, ring network, residents aged 20, village 0: mean identity and cultural life, simulated / mean-field (tolerance)'];
    for (const t of [0, 1, 2, 5, 10, 20]) {
      const [I, CL] = cmp.sim[t][0];
      const [mI, mCL] = cmp.mf[t][0];
      lines.push(`  t=${String(t).padStart(2)}  Ī ${I.toFixed(6)} / ${mI.toFixed(6)}   CL ${CL.toFixed(6)} / ${mCL.toFixed(6)}   (±${cmp.tol[t][0].toExponential(1)})`);
    }
    console.log(lines.join('\n'));
    for (let t = 0; t < cmp.years.length; t++) {
      cmp.sim[t].forEach(([I, CL], g) => {
        expect(Math.abs(I - cmp.mf[t][g][0])).toBeLessThanOrEqual(cmp.tol[t][g]);
        expect(Math.abs(CL - cmp.mf[t][g][1])).toBeLessThanOrEqual(cmp.tol[t][g]);
      });
    }
    // The benchmark is not trivial: identity moves by more than the tolerance.
    expect(Math.abs(cmp.sim[20][0][0] - cmp.sim[0][0][0])).toBeGreaterThan(10 * cmp.tol[20][0]);
  });

  it('follows the mean-field pair for culture parameters drawn within their ranges and any age group', () => {
    const arbs: Record<string, fc.Arbitrary<number>> = {};
    for (const name of CULTURE_PARAMS) {
      const spec = PARAMETER_INDEX.get(name);
      if (!spec) throw new Error(`parameter ${name} not declared`);
      arbs[name] = fc.double({ min: spec.min, max: spec.max, noNaN: true });
    }
    fc.assert(
      fc.property(fc.record(arbs), fc.constantFrom(20, 45, 70), fc.integer({ min: 0, max: 1000 }), (params, age, seed) => {
        const cmp = compare(params, age, 10, seed);
        for (let t = 0; t < cmp.years.length; t++) {
          cmp.sim[t].forEach(([I, CL], g) => {
            expect(Math.abs(I - cmp.mf[t][g][0])).toBeLessThanOrEqual(cmp.tol[t][g]);
            expect(Math.abs(CL - cmp.mf[t][g][1])).toBeLessThanOrEqual(cmp.tol[t][g]);
          });
        }
      }),
      { seed: 42, numRuns: 12, endOnFailure: true },
    );
  }, 60_000);
});

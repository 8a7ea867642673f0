// Light properties over random parameter and lever draws within their declared ranges (small county,
// few years): no NaN anywhere, counts non-negative, shares and 0-1 indices in [0, 1], villager
// attributes in range, and the population accounting identity. Deeper invariants live in test/verification/.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PARAMETERS } from '../../src/model/parameters.js';
import { LEVERS, type LeverValues } from '../../src/model/levers.js';
import { METRICS } from '../../src/model/metrics.js';
import { takeCensus } from '../../src/model/census.js';
import { stepModel } from './helpers.js';

const paramsArb = fc.record(
  Object.fromEntries(
    PARAMETERS.map((p) => [p.name, p.integer ? fc.integer({ min: p.min, max: p.max }) : fc.double({ min: p.min, max: p.max, noNaN: true })]),
  ) as Record<string, fc.Arbitrary<number>>,
);
// Each lever off or at a random value in its range (so the baseline and strong policies are both drawn).
const leversArb = fc.record(
  Object.fromEntries(LEVERS.map((l) => [l.name, fc.oneof(fc.constant(0), fc.double({ min: l.min, max: l.max, noNaN: true }))])) as Record<string, fc.Arbitrary<number>>,
);
const shockArb = fc.record({
  mobility: fc.double({ min: 0, max: 1, noNaN: true }),
  conflict: fc.double({ min: 0, max: 0.5, noNaN: true }),
  migrantWage: fc.double({ min: 0.5, max: 1, noNaN: true }),
});

const UNIT_INTERVAL = new Set(['share', 'share of branches', 'quality 0-1', 'identity 0-1', 'index 0-1', 'pressure 0-1', '1/year']);
const UNIT_COLUMNS = ['standing', 'identity', 'aspiration', 'competenceParty', 'competenceEconomic', 'pressure'] as const;

describe('model properties over random parameter draws', () => {
  it('keeps counts non-negative, shares in [0, 1], population accounting exact and no NaN', () => {
    fc.assert(
      fc.property(paramsArb, leversArb, fc.option(shockArb, { nil: undefined }), fc.integer({ min: 1, max: 1000 }), (parameters, levers, shock, seed) => {
        let prevPop = -1;
        const bad: string[] = [];
        stepModel(
          { parameters, levers: levers as Partial<LeverValues>, shock, county: { villages: 2, population: 1600 } },
          4,
          (c, year, t) => {
            for (let g = 0; g < c.villages.length; g++) {
              for (const m of METRICS) {
                const x = m.perGroup(c, g);
                if (!Number.isFinite(x) || x < 0 || (UNIT_INTERVAL.has(m.unit) && x > 1)) bad.push(`${m.name} = ${x} in village ${g}, ${year}`);
              }
              const v = c.villages[g];
              const P = v.people.cols;
              for (let i = 0; i < v.people.highWater; i++) {
                if (!v.people.alive[i]) continue;
                for (const col of UNIT_COLUMNS) {
                  const a = P[col][i];
                  if (!(a >= 0 && a <= 1)) bad.push(`${col} = ${a}`);
                }
                if (!Number.isFinite(P.income[i])) bad.push(`income = ${P.income[i]}`);
              }
              for (const k of ['authority', 'meetingQuality', 'study', 'integration', 'attention'] as const) {
                if (!(v.branch[k] >= 0 && v.branch[k] <= 1)) bad.push(`branch.${k} = ${v.branch[k]}`);
              }
            }
            // population(t) = population(t−1) + births − deaths − transfers out, summed over villages
            let pop = 0;
            let flow = 0;
            for (const v of c.villages) {
              const cs = takeCensus(v, c.params);
              pop += cs.residents + cs.away;
              flow += v.flows.births - v.flows.deathsResident - v.flows.deathsAway - v.flows.transfersOut;
            }
            if (t > 0) expect(pop).toBe(prevPop + flow);
            prevPop = pop;
          },
          seed,
        );
        expect(bad.slice(0, 5)).toEqual([]);
      }),
      { seed: 42, numRuns: 12 },
    );
  });
});

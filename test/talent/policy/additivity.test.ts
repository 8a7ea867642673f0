// Why the portfolio's allocation is exact (issue 16): villages do not interact, so a portfolio that gives each
// village type its own mix has, replicate by replicate, the county effect of the sum over types of each type's
// share of villages times that mix's effect in the type's villages when applied everywhere — and spends the sum
// of the types' spends. Checked on a small county against runs of the whole model.
import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../../../src/core/rows.js';
import { typeMetricName } from '../../../src/model/metrics.js';
import { VILLAGE_TYPES } from '../../../src/model/village-type.js';
import { scenarioFromObject } from '../../../src/scenario/load.js';
import { runReplicate } from '../../../src/talent/replicate.js';
import { buildPolicyModel } from '../../../src/talent/policy/binding.js';
import { mixPolicies, withPolicies } from '../../../src/talent/policy/mix.js';

const base = scenarioFromObject({ name: 'b', years: 3, seed: 3, county: { villages: 12, population: 4800, segregation: 1 } });
const A = { supervision_visits: 12, care_relief: 1, returnee_support: 5 };
const B = { cultural_programmes: 1, young_talent_stipend: 4, first_secretary: 1 };
const metrics = ['branches_renewed_share', 'policy_cost', ...VILLAGE_TYPES.flatMap((t) => ['branches_renewed_share', 'villages', 'policy_cost'].map((m) => typeMetricName(m, t)))];

function at(rows: SeriesRow[], metric: string, year: number): number {
  return rows.find((r) => r.metric === metric && r.year === year)!.value;
}

describe('village-type additivity', () => {
  it('gives the portfolio the sum of the per-type effects and spends of the uniform mixes', () => {
    const firstHalf = VILLAGE_TYPES.slice(0, 4);
    const portfolio = withPolicies(base, 'p', [
      ...mixPolicies(A, 'default', { villageType: [...firstHalf] }),
      ...mixPolicies(B, 'default', { villageType: VILLAGE_TYPES.slice(4) }),
    ]);
    for (const replicate of [0, 1]) {
      const run = (s: typeof base) => runReplicate(s, replicate, { model: buildPolicyModel, metrics });
      const [b, a, c, p] = [base, withPolicies(base, 'a', mixPolicies(A)), withPolicies(base, 'c', mixPolicies(B)), portfolio].map(run);
      const horizon = 2025 + base.years;
      let predicted = 0;
      let types = 0;
      for (const t of VILLAGE_TYPES) {
        const n = at(b, typeMetricName('villages', t), horizon);
        if (n > 0) types++;
        const mine = firstHalf.includes(t) ? a : c;
        predicted += (n / base.county.villages) * (at(mine, typeMetricName('branches_renewed_share', t), horizon) - at(b, typeMetricName('branches_renewed_share', t), horizon));
      }
      expect(types, 'the county has villages of several types').toBeGreaterThan(2);
      const effect = at(p, 'branches_renewed_share', horizon) - at(b, 'branches_renewed_share', horizon);
      expect(effect).toBeCloseTo(predicted, 12);
      for (let year = 2026; year <= horizon; year++) {
        const spend = VILLAGE_TYPES.reduce((s, t) => s + at(firstHalf.includes(t) ? a : c, typeMetricName('policy_cost', t), year), 0);
        expect(at(p, 'policy_cost', year)).toBeCloseTo(spend, 6);
      }
    }
  });
});

/**
 * The experiment engine (`talentsim/experiment`) with a model that is not the talent model: a toy
 * cooperative in which each member leaves with probability 5% a year and each of 10 places a year is
 * filled with probability `recruit`. Written as a core model (`talentsim/core`) and a model binding, it
 * gets ensembles with common random numbers, paired differences and intervals from the engine, which
 * names no model. Run: `node examples/engine-only.mjs`.
 */
import { bernoulli, metricMeta } from 'talentsim/core';
import { ensemble } from 'talentsim/experiment';
import { loadScenario } from 'talentsim/scenario';

const members = {
  name: 'members', label: { en: 'Members', zh: '成员' }, unit: 'persons', description: 'Members of the cooperative.',
  direction: 'higher', format: 'count', main: 1, perGroup: (m, g) => m.members[g], aggregate: 'sum',
};

/** The cooperative model: groups are villages of the scenario's county; `recruit` from its parameters. */
export const cooperativeBinding = {
  id: 'cooperative',
  factory(scenario) {
    const recruit = scenario.parameters.recruit ?? 0.3;
    return {
      name: 'cooperative',
      create: () => ({ members: new Array(scenario.county.villages).fill(20) }),
      groups: (m) => m.members.length,
      processes: [{
        name: 'turnover',
        run(m, ctx) {
          for (let g = 0; g < m.members.length; g++) {
            const s = ctx.stream(g);
            let leave = 0;
            for (let i = 0; i < m.members[g]; i++) if (bernoulli(s, 0.05)) leave++;
            let join = 0;
            for (let i = 0; i < 10; i++) if (bernoulli(s, recruit)) join++;
            m.members[g] += join - leave;
          }
        },
      }],
      metrics: [members],
    };
  },
  metrics: [metricMeta(members)],
};

// Scenarios only carry the run settings here; `recruit` is this model's own parameter (unchecked by the engine).
const base = { ...loadScenario('baseline'), name: 'base', years: 10, parameters: { recruit: 0.3 } };
const more = { ...base, name: 'more-recruits', parameters: { recruit: 0.4 } };
const res = await ensemble([base, more], { model: cooperativeBinding, workers: 1, replicates: 8 });
const end = res.comparison.find((c) => c.scenario === 'more-recruits' && c.year === 2035);
console.log(`more-recruits vs base in 2035: ${end.diff.toFixed(1)} members [${end.diff_ci_low.toFixed(1)}, ${end.diff_ci_high.toFixed(1)}]`);

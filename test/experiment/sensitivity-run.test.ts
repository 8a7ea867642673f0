// The engine's sensitivity and robustness runs are domain-free: any binding that declares factors can be
// analysed (here the toy model, whose `toy_effect` adds to every counter each year and `toy_noise` does nothing).
import { describe, expect, it } from 'vitest';
import { resolveModel, type ModelBinding, type ModelFactory } from '../../src/experiment/binding.js';
import { ExperimentInputError } from '../../src/experiment/errors.js';
import { robustness } from '../../src/experiment/robustness.js';
import { sensitivity } from '../../src/experiment/sensitivity-run.js';
import type { Factor } from '../../src/experiment/sensitivity/factor.js';
import { buildModel } from '../fixtures/toy-model.mjs';
import { toyScenario } from './toy.js';

const factory = buildModel as ModelFactory;
const FACTORS: Factor[] = [{ name: 'toy_effect', min: 0, max: 1 }, { name: 'toy_noise', min: 0, max: 1 }];

async function toyBinding(withFactors = true): Promise<ModelBinding> {
  const { metrics } = (await resolveModel(factory, toyScenario('a'))).binding;
  return {
    id: 'toy',
    factory,
    metrics: metrics.map((m) => (m.name === 'total' ? { ...m, sensitivity: 1 } : m)),
    ...(withFactors ? { factors: (names?: readonly string[]) => FACTORS.filter((f) => !names || names.includes(f.name)) } : {}),
  };
}

describe('sensitivity with any binding', () => {
  it('finds the factor that moves the outcome and not the inert one, on the outcomes the binding marks', async () => {
    const res = await sensitivity(toyScenario('base', { replicates: 1 }), { model: await toyBinding(), method: 'morris', samples: 4, bootstrap: 0, workers: 1 });
    expect(res.outcomes.map((o) => o.name)).toEqual(['total']);
    const muStar = Object.fromEntries(res.rows.filter((r) => r.index === 'mu_star').map((r) => [r.parameter, r.value]));
    // toy_effect over its whole range adds 4 villages × 4 years = 16 to the total; toy_noise nothing (CRN).
    // 1e-6: horizon values are read back as written, to 10 significant digits (totals of about 30).
    expect(muStar.toy_effect).toBeCloseTo(16, 6);
    expect(muStar.toy_noise).toBe(0);
  });

  it('ranks scenarios over factor draws, and refuses a binding that declares no factors', async () => {
    const scenarios = [toyScenario('baseline'), toyScenario('boost', { parameters: { toy_effect: 0.25 } })];
    const res = await robustness(scenarios, { model: await toyBinding(), samples: 3, params: ['toy_noise'], workers: 1 });
    const boost = res.rows.find((r) => r.scenario === 'boost' && r.outcome === 'total')!;
    expect(boost.beats_baseline).toBe(1);
    await expect(sensitivity(toyScenario('base'), { model: await toyBinding(false), method: 'morris', workers: 1 }))
      .rejects.toThrow(ExperimentInputError);
  });
});

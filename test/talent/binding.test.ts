// talentBinding: the talent model as the engine sees it — the model of a scenario, the identity of a
// replicate's rows, validated scenario points, the parameters as factors, the compiled module for workers.
import { describe, expect, it } from 'vitest';
import { runModelReplicate } from '../../src/experiment/run-model-replicate.js';
import { loadScenario } from '../../src/scenario/index.js';
import { ScenarioLoadError } from '../../src/scenario/errors.js';
import { talentBinding } from '../../src/talent/binding.js';
import { TALENT_METRICS } from '../../src/talent/metrics.js';
import { parameterFactors } from '../../src/talent/parameter-factors.js';

const tiny = () => {
  const s = loadScenario('baseline');
  return { ...s, years: 2, county: { ...s.county, villages: 2, population: 300 } };
};

describe('talentBinding', () => {
  it('builds the talent model of a scenario, whose metrics are the declared ones', () => {
    const rows = runModelReplicate(talentBinding.factory, tiny(), 0, ['members_full']);
    expect(rows.map((r) => r.year)).toEqual([2025, 2026, 2027]);
    expect(talentBinding.factory(tiny(), { replicate: 0 }).metrics.map((m) => m.name)).toEqual(talentBinding.metrics.map((m) => m.name));
    expect(talentBinding.metrics).toBe(TALENT_METRICS);
  });

  it('identifies a replicate by what it simulates: not by replicates, source or description', () => {
    const s = tiny();
    const id = talentBinding.identity!(s);
    expect(talentBinding.identity!({ ...s, replicates: 99, source: 'elsewhere.yaml', description: 'other words' })).toBe(id);
    expect(talentBinding.identity!({ ...s, seed: s.seed + 1 })).not.toBe(id);
  });

  it('sets a point validated like a scenario file, and declares the parameters as its factors', () => {
    const at = talentBinding.atPoint!(tiny(), { seed: 5, farm_income: 15000 });
    expect(at.seed).toBe(5);
    expect(at.parameters.farm_income).toBe(15000);
    expect(() => talentBinding.atPoint!(tiny(), { farm_incom: 1 })).toThrow(ScenarioLoadError);
    expect(() => talentBinding.atPoint!(tiny(), { farm_income: -1 })).toThrow(ScenarioLoadError);
    expect(talentBinding.factors!()).toEqual(parameterFactors());
  });

  it('sets levers and any scenario path at a point, and declares levers as factors', () => {
    const culture = { ...loadScenario('cultural-identity'), years: 2 };
    const at = talentBinding.atPoint!(culture, { cultural_programmes: 0.25, 'county.villages': 18, 'policies.care_relief': 0.5 });
    expect(Object.fromEntries(at.policies.map((p) => [p.lever, p.value]))).toEqual({ cultural_programmes: 0.25, cultural_efficacy: 1, care_relief: 0.5 });
    expect(at.county).toMatchObject({ villages: 18, population: 27000 }); // villages alone: the mean village size kept
    expect(() => talentBinding.atPoint!(culture, { cultural_programmes: 2 })).toThrow(/^point: policies\.cultural_programmes: expected a number in \[0, 1\]/);
    expect(talentBinding.factors!(['care_relief', 'parameters.farm_income'])).toEqual([
      { name: 'care_relief', min: 0, max: 1 },
      { ...parameterFactors(['farm_income'])[0], name: 'parameters.farm_income' },
    ]);
    expect(() => talentBinding.factors!(['policies.care_releif'])).toThrow(/unknown lever "care_releif"; did you mean "care_relief"/);
  });

  it('names itself as the module worker threads load', () => {
    expect(talentBinding.id).toBe('talentsim');
    expect(talentBinding.workerModule).toEqual({ url: new URL('../../src/talent/binding.ts', import.meta.url).href, exportName: 'talentBinding' });
  });
});

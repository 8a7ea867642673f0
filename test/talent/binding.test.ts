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

  it('names itself as the module worker threads load', () => {
    expect(talentBinding.id).toBe('talentsim');
    expect(talentBinding.workerModule).toEqual({ url: new URL('../../src/talent/binding.ts', import.meta.url).href, exportName: 'talentBinding' });
  });
});

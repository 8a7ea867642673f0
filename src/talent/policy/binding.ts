/**
 * `policyBinding`: the talent model as policy design runs it — the same model and scenarios as
 * {@link talentBinding}, with extra metrics to measure spend and read results by village type: each lever's
 * spending (`policy_cost_<lever>`), the number of villages, and every metric restricted to each village type
 * (`metric@type`). Runs collect only the metrics they ask for, so the extra ones cost nothing unless used.
 */
import { metricMeta } from '../../core/metrics.js';
import type { ModelDefinition } from '../../core/run.js';
import type { ModelBinding } from '../../experiment/binding.js';
import { METRICS, metricsByVillageType, POLICY_DESIGN_METRICS } from '../../model/metrics.js';
import { talentModel } from '../../model/model.js';
import { compileScenario } from '../../scenario/compile.js';
import type { Scenario } from '../../scenario/types.js';
import { scenarioAtPoint, scenarioIdentity } from '../binding.js';
import { parameterFactors } from '../parameter-factors.js';

/** Every metric of the policy binding: the model's, the spend metrics, then all of them by village type. */
const DESIGN_METRICS = (() => {
  const base = [...METRICS, ...POLICY_DESIGN_METRICS];
  return Object.freeze([...base, ...metricsByVillageType(base)]);
})();

/** Builds the talent model with the policy-design metrics (the policy binding's factory). */
export function buildPolicyModel(scenario: Scenario): ModelDefinition<unknown> {
  return talentModel(compileScenario(scenario), { metrics: DESIGN_METRICS }) as ModelDefinition<unknown>;
}

/** The policy-design binding (see the module comment). */
export const policyBinding: ModelBinding = Object.freeze({
  id: 'talentsim-policy',
  factory: buildPolicyModel,
  workerModule: Object.freeze({ url: import.meta.url, exportName: 'policyBinding' }),
  metrics: Object.freeze(DESIGN_METRICS.map((m) => Object.freeze(metricMeta(m)))),
  identity: scenarioIdentity,
  atPoint: scenarioAtPoint,
  factors: parameterFactors,
});

/** The talent-dynamics model of the paper: entities, processes, parameters, levers, metrics. */
export { talentModel, PROCESSES, type TalentModelOptions } from './model.js';
export { METRICS, METRIC_INDEX, metricDirection } from './metrics.js';
export { PARAMETERS, PARAMETER_INDEX, defaultParams, resolveParams, type Params, type ParamName, type ParamSpec } from './parameters.js';
export {
  LEVERS, LEVER_INDEX, PATHWAYS, PATHWAY_INDEX, COST_BASES, COST_LEVELS, leverUnitCost, zeroLevers, noShock, defineLever, checkLeverDeclaration,
  type LeverSpec, type LeverName, type LeverValues, type AnyLeverValues, type LeverDeclaration, type CostBasis, type CostLevel,
  type ShockState, type Pathway, type PathwaySpec, type Label,
} from './levers.js';
export { ETHNICITIES, defaultCounty, type CountyConfig, type Ethnicity } from './county-config.js';
export type { ModelInputs, PolicyYear, TargetedLever } from './inputs.js';
export { defaultInputs, type DefaultInputsOptions } from './default-inputs.js';
export type { County } from './county.js';
export type { Village, Branch, VillageFlows, Households } from './village.js';
export { Status, Occupation, Education, Role, VILLAGER_COLUMNS } from './villager.js';
export { census, takeCensus, isWarning, type Census } from './census.js';
export {
  VILLAGE_TYPES, VILLAGE_TYPE_PARTS, VILLAGE_ATTRIBUTES, villageTypeCode, villageTypeName, villageTypeLabel, villageAttributes, branchFoundation,
  FOUNDATION_THRESHOLD, INDUSTRY_THRESHOLD, type VillageType,
} from './village-type.js';
export { villageMatches, applyVillagePolicy, type VillageSelector, type Band } from './targeting.js';
export { metricsByVillageType, typeMetricName, leverCostMetricName, POLICY_DESIGN_METRICS } from './metrics.js';

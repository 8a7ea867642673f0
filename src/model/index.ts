/** The talent-dynamics model of the paper: entities, processes, parameters, levers, metrics. */
export { talentModel, PROCESSES, type TalentModelOptions } from './model.js';
export { METRICS, METRIC_INDEX, metricDirection } from './metrics.js';
export { PARAMETERS, PARAMETER_INDEX, defaultParams, resolveParams, type Params, type ParamName, type ParamSpec } from './parameters.js';
export {
  LEVERS, LEVER_INDEX, PATHWAYS, PATHWAY_INDEX, COST_BASES, zeroLevers, noShock, defineLever, checkLeverDeclaration,
  type LeverSpec, type LeverName, type LeverValues, type AnyLeverValues, type LeverDeclaration, type CostBasis,
  type ShockState, type Pathway, type PathwaySpec, type Label,
} from './levers.js';
export { ETHNICITIES, defaultCounty, type CountyConfig, type Ethnicity } from './county-config.js';
export type { ModelInputs, PolicyYear } from './inputs.js';
export { defaultInputs, type DefaultInputsOptions } from './default-inputs.js';
export type { County } from './county.js';
export type { Village, Branch, VillageFlows, Households } from './village.js';
export { Status, Occupation, Education, Role, VILLAGER_COLUMNS } from './villager.js';
export { census, takeCensus, isWarning, type Census } from './census.js';
export {
  VILLAGE_TYPES, VILLAGE_TYPE_THRESHOLDS, VILLAGE_ATTRIBUTES, villageType, villageAttributes, branchFoundation, type VillageType,
} from './village-type.js';

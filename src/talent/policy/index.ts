/**
 * Policy design (issue 16): dose-response of single levers, budget frontiers of the pathways, targeting by
 * village type, and a robust county portfolio — with lever costs from src/model/levers.ts and spend measured
 * in the model. docs/policy-design.md describes the methods.
 */
export { policyBinding, buildPolicyModel } from './binding.js';
export {
  doseResponse, doseResponseCsv, doseValues, leverList, POLICY_OUTCOMES, DOSE_RESPONSE_COLUMNS,
  type DoseResponseOptions, type DoseResponseRow, type DoseResponseResult,
} from './dose-response.js';
export {
  frontier, frontierCsv, rankingCsv, searchCsv, parseFrontierCsv, rankPathways, pathwayLevers, objectiveSign, evaluateMixes, mixScenario,
  COMBINED, DEFAULT_OBJECTIVE, BUDGET_TOLERANCE, FRONTIER_COLUMNS,
  type FrontierOptions, type FrontierPoint, type FrontierResult, type RankingRow, type RankingChange, type MixContext, type MixRequest, type EvaluatedMix,
} from './frontier.js';
export {
  optimizePortfolio, chooseOptions, portfolioCsv, portfolioYaml, portfolioScenario, PORTFOLIO_COLUMNS,
  type OptimizeOptions, type PortfolioResult, type PortfolioRow, type PortfolioComparison, type LibraryMix,
} from './portfolio.js';
export { parameterDraws, assumptionParameterNames, type DrawSource } from './draws.js';
export { simplexSearch, pollPoints, type SimplexSearchOptions, type SearchResult, type SearchStep, type BatchObjective } from './search.js';
export {
  mixValues, measuredRates, mixPolicies, withPolicies, guessedRate, valuesKey, RATE_GUESS,
  type SpendRates, type LeverSettings, type MixValues,
} from './mix.js';
export {
  evaluateCandidates, estimate, pairedEstimate, measuredSpend,
  type PolicyCandidate, type EvaluationSettings, type Evaluation, type Estimate,
} from './evaluate.js';

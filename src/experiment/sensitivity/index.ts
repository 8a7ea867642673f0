/** Global sensitivity and robustness analysis: designs (LHS, Morris, Saltelli), their indices, scenario discovery. */
export * from './factor.js';
export * from './lhs.js';
export * from './morris.js';
export * from './sobol.js';
export * from './discovery.js';
export { percentile } from './percentile.js';

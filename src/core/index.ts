/** The domain-free simulation core: agent store, random streams, year schedule, metrics, run. */
export * from './random.js';
export * from './store.js';
export * from './schedule.js';
export * from './metrics.js';
export * from './rows.js';
export * from './run.js';

/**
 * Calibration by history matching, domain-free: targets and implausibility, space-filling designs,
 * regression emulators, the wave loop, representative points, diagnostics, the posterior sample (CSV text,
 * parsing, per-replicate draws) and the calibration record. Everything here is browser-safe except
 * `./files.js` (durable writes and the posterior reader), which is re-exported at the end.
 */
export * from './targets.js';
export * from './implausibility.js';
export * from './design.js';
export * from './emulator.js';
export * from './region.js';
export * from './representative.js';
export * from './diagnostics.js';
export * from './history-matching.js';
export * from './posterior.js';
export * from './calibration-report.js';
export * from './files.js';

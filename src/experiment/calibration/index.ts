/**
 * Calibration by history matching, domain-free: targets and implausibility, space-filling designs,
 * regression emulators, the region sampler, the wave loop, representative points, diagnostics, the
 * posterior sample (CSV text, parsing, per-replicate draws) and the calibration record. Everything
 * exported here runs in a browser; the files on disk (durable writes, the posterior reader) are in
 * `./files.js`, imported separately.
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

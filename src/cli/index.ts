/** The CLI's programmatic entry: `main(argv, io)` and the io contract. */
export { main } from './main.js';
export { defaultCompareScenarios, defaultRobustnessScenarios } from './scenarios.js';
export { processIo, type CliIo } from './io.js';
export { EXIT } from './exit-codes.js';

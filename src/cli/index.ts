/** The CLI's programmatic entry: `main(argv, io)` and the io contract. */
export { main } from './main.js';
export { defaultCompareScenarios } from './commands/defaults.js';
export { processIo, type CliIo } from './io.js';
export { EXIT } from './exit-codes.js';

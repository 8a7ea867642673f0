/** `list`, `describe` and `schema`: what scenarios exist, one resolved in full, and the file format. */
import { builtinScenarioNames, describeScenario, loadScenario, scenarioJsonSchema } from '../../scenario/index.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** Lists the built-in scenarios with their descriptions. */
export function listCommand(io: CliIo): number {
  const names = builtinScenarioNames();
  const width = Math.max(...names.map((n) => n.length)) + 2;
  for (const name of names) {
    const s = loadScenario(name);
    io.stdout(`${name.padEnd(width)}${s.description.replace(/\s+/g, ' ').trim()}\n`);
  }
  return EXIT.ok;
}

/** Prints the fully resolved scenario as YAML. */
export function describeCommand(ref: string, io: CliIo): number {
  io.stdout(describeScenario(loadScenario(ref)));
  return EXIT.ok;
}

/** Prints the JSON Schema of the scenario format. */
export function schemaCommand(io: CliIo): number {
  io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  return EXIT.ok;
}

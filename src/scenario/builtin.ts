/**
 * The built-in scenarios: YAML files in the package's `scenarios/` directory, found from this module's URL
 * so it works from src/ (vitest, tsx) and from dist/ (compiled). Node-only.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioLoadError } from './errors.js';
import { closestName } from './suggest.js';

/** Absolute path of the package's `scenarios/` directory (src/scenario/ or dist/scenario/ → ../../scenarios). */
export const BUILTIN_SCENARIO_DIR: string = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const EXTENSIONS = ['.yaml', '.yml', '.json'];

function listFiles(): string[] {
  try {
    return readdirSync(BUILTIN_SCENARIO_DIR).filter((f) => EXTENSIONS.some((e) => f.endsWith(e))).sort();
  } catch {
    return [];
  }
}

/** Names of the built-in scenarios (file names without extension), sorted. */
export function builtinScenarioNames(): string[] {
  return listFiles().map((f) => f.replace(/\.(ya?ml|json)$/, ''));
}

/** The message for an unknown built-in name (with a did-you-mean and the list). */
export function unknownBuiltinMessage(name: string): string {
  const names = builtinScenarioNames();
  const s = closestName(name, names);
  return `unknown built-in scenario ${JSON.stringify(name)}; ${s ? `did you mean \`${s}\`? ` : ''}built-ins: ${names.join(', ')} (for a file, give a path such as ./${name}.yaml)`;
}

/** Absolute path of the built-in scenario `name`; throws ScenarioLoadError (with a suggestion) if unknown. */
export function builtinScenarioPath(name: string): string {
  const file = listFiles().find((f) => f.replace(/\.(ya?ml|json)$/, '') === name);
  if (!file) throw new ScenarioLoadError([{ file: name, path: '', message: unknownBuiltinMessage(name) }]);
  return join(BUILTIN_SCENARIO_DIR, file);
}

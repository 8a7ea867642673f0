/** `validate`: checks scenario files and prints every problem, one per line. */
import { safeLoadScenario, formatScenarioError } from '../../scenario/index.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** Validates each scenario; exit 2 if any has a problem. */
export function validateCommand(refs: readonly string[], io: CliIo): number {
  let bad = 0;
  for (const ref of refs) {
    const r = safeLoadScenario(ref);
    if (r.ok) io.stdout(`${ref}: ok (${r.scenario.name})\n`);
    else {
      bad++;
      for (const issue of r.issues) io.stderr(formatScenarioError(issue) + '\n');
    }
  }
  return bad ? EXIT.badInput : EXIT.ok;
}

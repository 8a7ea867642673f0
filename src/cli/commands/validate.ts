/** `validate`: checks scenario files and prints every problem, one per line (exit 2 if any), and every warning (exit 0). */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { scenarioReadOptions, scenarioReadSettings } from '../options.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const scenarioApi = () => import('../../scenario/index.js');

export default defineCommand({
  command: 'validate <scenarios..>',
  describe: 'check scenario files; print every problem, and what the loader would do on your behalf (warnings), one per line',
  builder: (y) => scenarioReadOptions(y).positional('scenarios', { type: 'string', array: true, demandOption: true }),
  async run(a, { io }) {
    const { safeLoadScenario, formatScenarioError } = await scenarioApi();
    const read = scenarioReadSettings(a);
    let bad = 0;
    for (const ref of a.scenarios) {
      const r = safeLoadScenario(ref, read);
      if (r.ok) {
        io.stdout(`${ref}: ok (${r.scenario.name})\n`);
        for (const w of r.warnings) io.stderr(`warning: ${formatScenarioError(w)}\n`);
      } else {
        bad++;
        for (const issue of r.issues) io.stderr(formatScenarioError(issue) + '\n');
      }
    }
    return bad ? EXIT.badInput : EXIT.ok;
  },
});

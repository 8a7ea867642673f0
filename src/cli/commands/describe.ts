/** `describe`: one scenario fully resolved (defaults included), printed as YAML. */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { scenarioReadOptions, scenarioReadSettings } from '../options.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const scenarioApi = () => import('../../scenario/index.js');

export default defineCommand({
  command: 'describe <scenario>',
  describe: 'print a scenario fully resolved (defaults included) as YAML',
  builder: (y) => scenarioReadOptions(y).positional('scenario', { type: 'string', demandOption: true }),
  async run(a, { io }) {
    const { describeScenario, formatScenarioError, loadScenario } = await scenarioApi();
    const scenario = loadScenario(a.scenario, { ...scenarioReadSettings(a), onWarning: (w) => io.stderr(`warning: ${formatScenarioError(w)}\n`) });
    io.stdout(describeScenario(scenario));
    return EXIT.ok;
  },
});

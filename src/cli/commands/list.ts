/** `list`: the built-in scenarios with their descriptions. */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const scenarioApi = () => import('../../scenario/index.js');

export default defineCommand({
  command: 'list',
  describe: 'list the built-in scenarios',
  builder: (y) => y,
  async run(_a, { io }) {
    const { builtinScenarioNames, loadScenario, textIn } = await scenarioApi();
    const names = builtinScenarioNames();
    const width = Math.max(...names.map((n) => n.length)) + 2;
    for (const name of names) {
      const s = loadScenario(name);
      io.stdout(`${name.padEnd(width)}${(textIn(s.description, 'en') ?? '').replace(/\s+/g, ' ').trim()}\n`);
    }
    return EXIT.ok;
  },
});

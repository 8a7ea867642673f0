/** `schema`: the JSON Schema of the scenario file format. */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const scenarioApi = () => import('../../scenario/index.js');

export default defineCommand({
  command: 'schema',
  describe: 'print the JSON Schema of scenario files',
  builder: (y) => y,
  async run(_a, { io }) {
    const { scenarioJsonSchema } = await scenarioApi();
    io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    return EXIT.ok;
  },
});

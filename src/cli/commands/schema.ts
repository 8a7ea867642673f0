/** `schema`: the JSON Schema of the scenario file format, or (`--levers`) every lever with its unit cost, range and source. */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const scenarioApi = () => import('../../scenario/index.js');
const leversApi = () => import('../../model/levers.js');

export default defineCommand({
  command: 'schema',
  describe: 'print the JSON Schema of scenario files (--levers: the levers with their costs and sources)',
  builder: (y) =>
    y
      .option('levers', { type: 'boolean', default: false, describe: 'print every lever: unit, range, unit cost with its low-high range, cost basis and source' })
      .option('json', { type: 'boolean', default: false, describe: 'with --levers: as JSON' }),
  async run(a, { io }) {
    if (a.levers) {
      const { LEVERS } = await leversApi();
      if (a.json) {
        io.stdout(JSON.stringify(LEVERS, null, 2) + '\n');
        return EXIT.ok;
      }
      for (const l of LEVERS) {
        io.stdout(
          `${l.name} (${l.label.en}, ${l.label.zh}; pathway ${l.pathway}, paper ${l.section})\n` +
            `  unit ${l.unit}, range ${l.min}-${l.max}\n` +
            `  unit cost ${l.unitCost} yuan (low ${l.unitCostLow}, high ${l.unitCostHigh}) per unit per ${l.costBasis === 'recipient' ? 'recipient' : l.costBasis === 'applied-village' ? 'village where it applies' : 'village'} per year; evidence: ${l.costEvidence}\n` +
            `  source: ${l.costSource}\n`,
        );
      }
      return EXIT.ok;
    }
    const { scenarioJsonSchema } = await scenarioApi();
    io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    return EXIT.ok;
  },
});

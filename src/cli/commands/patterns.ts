/** `patterns`: the baseline against the calibration patterns (target ranges with their sources). */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { intOption, scenarioReadOptions, scenarioReadSettings } from '../options.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const patternsApi = () => import('../../talent/calibration/patterns.js');
const scenarioApi = () => import('../../scenario/index.js');
const patternSpecs = () => import('../../talent/calibration/patterns.js');

export default defineCommand({
  command: 'patterns',
  describe: 'run the baseline and compare it with the calibration patterns (target ranges with sources)',
  builder: (y) =>
    scenarioReadOptions(y)
      .option('scenario', { type: 'string', default: 'baseline', describe: 'scenario to check' })
      .option('replicates', { type: 'number', default: 10, describe: 'replicates (at least 2: the intervals need them)' })
      .option('json', { type: 'boolean', default: false, describe: 'print [{name, source, low, high, simulated, ciLow, ciHigh, ok}]' }),
  // Exit 0 whatever the outcome: the table says which patterns are met.
  async run(a, { io }) {
    const replicates = intOption('replicates', a.replicates, 2, 10_000) ?? 10;
    const [{ checkPatterns }, { loadScenario }, { PATTERN_WINDOW }] = await Promise.all([patternsApi(), scenarioApi(), patternSpecs()]);
    const results = checkPatterns(loadScenario(a.scenario, scenarioReadSettings(a)), { replicates });
    if (a.json) {
      const out = results.map(({ name, source, low, high, simulated, ciLow, ciHigh, ok }) => ({ name, source, low, high, simulated, ciLow, ciHigh, ok }));
      io.stdout(JSON.stringify(out, null, 2) + '\n');
      return EXIT.ok;
    }
    const fmt = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(4));
    const w = Math.max(...results.map((r) => r.name.length)) + 2;
    io.stdout(`${'pattern'.padEnd(w)}${'target'.padEnd(20)}${'simulated [95% CI]'.padEnd(30)}ok\n`);
    for (const r of results) {
      io.stdout(
        `${r.name.padEnd(w)}${`${fmt(r.low)}-${fmt(r.high)}`.padEnd(20)}${`${fmt(r.simulated)} [${fmt(r.ciLow)}, ${fmt(r.ciHigh)}]`.padEnd(30)}${r.ok ? 'yes' : 'NO'}\n`,
      );
    }
    io.stdout(`\n${results.filter((r) => r.ok).length} of ${results.length} patterns met (${replicates} replicates, years ${PATTERN_WINDOW[0]}-${PATTERN_WINDOW[1]} of ${a.scenario}).\nSources:\n`);
    for (const r of results) io.stdout(`  ${r.name}: ${r.source}\n`);
    return EXIT.ok;
  },
});

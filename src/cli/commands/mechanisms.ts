/** `mechanisms`: the mechanism audit — each mechanism of the paper as a CRN pair, its parameter at the low vs high end of its range. */
import type { MechanismRow } from '../../talent/mechanisms.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { intOption, listOption, scenarioReadOptions, scenarioReadSettings } from '../options.js';
import { formatNumber } from '../table.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const auditApi = () => import('../../talent/mechanisms.js');
const scenarioApi = () => import('../../scenario/index.js');
const progressApi = () => import('../progress.js');

/** Plain-text table of the audit. */
function auditTable(rows: readonly MechanismRow[]): string {
  const cols = ['mechanism', 'section', 'parameter', 'low', 'high', 'outcome', 'expected', 'effect', 'ci_low', 'ci_high', 'ok'] as const;
  const cell = (r: MechanismRow, c: (typeof cols)[number]): string =>
    c === 'ok' ? (r.ok ? 'yes' : 'NO') : typeof r[c] === 'number' ? formatNumber(r[c] as number, c === 'effect' || c === 'ci_low' || c === 'ci_high') : String(r[c]);
  const cells = rows.map((r) => cols.map((c) => cell(r, c)));
  const w = cols.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j].length)) + 2);
  const line = (xs: readonly string[]) => xs.map((x, j) => x.padEnd(w[j])).join('').trimEnd();
  return [line(cols), ...cells.map(line)].join('\n');
}

export default defineCommand({
  command: 'mechanisms',
  describe: 'the mechanism audit: each mechanism of the paper as a CRN pair (its parameter at the low vs high end of its range), paired effect with 95% CI',
  builder: (y) =>
    scenarioReadOptions(y)
      .option('scenario', { type: 'string', default: 'baseline', describe: 'scenario both arms start from' })
      .option('replicates', { type: 'number', describe: 'replicates per arm (default 8; at least 2)' })
      .option('years', { type: 'number', describe: 'years simulated (default 20)' })
      .option('villages', { type: 'number', describe: 'villages of the county (default: the scenario\'s; population scaled with them)' })
      .option('seed', { type: 'number', describe: 'seed (default: the scenario\'s)' })
      .option('only', { type: 'string', array: true, describe: 'only these mechanisms (names or parameters)' })
      .option('workers', { type: 'number', describe: 'worker threads (default: number of cores); results do not depend on it' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
      .option('json', { type: 'boolean', default: false, describe: 'print a JSON array of {mechanism, section, parameter, low, high, outcome, expected, effect, ci_low, ci_high, ok}' }),
  // Exit 0 whatever the outcome: the table says which mechanisms act as the paper says.
  async run(a, { io }) {
    const replicates = intOption('replicates', a.replicates, 2, 100_000);
    const years = intOption('years', a.years, 1, 200);
    const villages = intOption('villages', a.villages, 1, 100_000);
    const seed = intOption('seed', a.seed, 0);
    const workers = intOption('workers', a.workers, 1, 1024);
    const [{ mechanismAudit, MECHANISM_DEFAULTS }, { loadScenario }, { withProgress }] = await Promise.all([auditApi(), scenarioApi(), progressApi()]);
    let base = loadScenario(a.scenario, scenarioReadSettings(a));
    if (seed !== undefined) base = { ...base, seed };
    const started = Date.now();
    const rows = await withProgress(a.quiet || a.json ? undefined : io, 'mechanisms', undefined, (onProgress) =>
      mechanismAudit(base, { replicates, years, villages, only: listOption(a.only), workers, onProgress }),
    );
    const seconds = (Date.now() - started) / 1000;
    if (a.json) {
      io.stdout(JSON.stringify(rows, null, 2) + '\n');
      return EXIT.ok;
    }
    io.stdout(auditTable(rows) + '\n');
    io.stdout(
      `\n${rows.filter((r) => r.ok).length} of ${rows.length} mechanisms act in the paper's direction (paired high − low at the horizon, 95% CI; ` +
        `${replicates ?? MECHANISM_DEFAULTS.replicates} replicates, ${years ?? MECHANISM_DEFAULTS.years} years, ${villages ?? base.county.villages} villages, seed ${base.seed}; ${seconds.toFixed(1)} s).\n`,
    );
    return EXIT.ok;
  },
});

/** `hindcast`: the 2010 → 2024 hindcast against its targets (county, township and Party figures with tolerances). */
import { availableParallelism } from 'node:os';
import { defineCommand } from '../command.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { COMMON_OPTIONS, intOption } from '../options.js';
import { progressReporter } from '../progress.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const hindcastApi = () => import('../../talent/calibration/hindcast.js');
const calibrateApi = () => import('../../talent/calibration/calibrate.js');
const filesApi = () => import('../../experiment/calibration/files.js');
const factorsApi = () => import('../../talent/parameter-factors.js');
const scenarios = () => import('../scenarios.js');

/** A number for the table: 4 significant digits, or whole above 100. */
function fmt(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return Math.abs(x) >= 100 ? x.toFixed(0) : String(Number(x.toPrecision(4)));
}

/** The representative point of a calibration folder's calibration.json (what `calibrate` proposes as defaults). */
async function representativePoint(dir: string): Promise<Record<string, number>> {
  const { readFile } = await import('node:fs/promises');
  const path = `${dir}/calibration.json`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`--calibration: ${path} not found (give the folder a calibrate run wrote)`);
  }
  const record = JSON.parse(text) as { representative?: { point?: Record<string, number> } | null };
  const point = record.representative?.point;
  if (!point) throw new UsageError(`--calibration: ${path} has no representative point (nothing was accepted)`);
  return point;
}

export default defineCommand({
  command: 'hindcast',
  describe: 'run the 2010 → 2024 hindcast and compare it with its targets (census, township and Party figures)',
  builder: (y) =>
    y
      .option('scenario', { type: 'string', default: 'hindcast-2010', describe: 'hindcast scenario (built-in name or file)' })
      .option('replicates', { type: 'number', default: 10, describe: 'replicates' })
      .option('calibration', { type: 'string', describe: 'run at the representative point of this calibrate output folder' })
      .option('posterior', { type: 'string', describe: 'posterior.csv: each replicate runs with its own draw (intervals include parameter uncertainty)' })
      .option('workers', COMMON_OPTIONS.workers)
      .option('quiet', COMMON_OPTIONS.quiet)
      .option('json', { type: 'boolean', default: false, describe: 'print [{name, source, low, high, simulated, ci_low, ci_high, ok, use, …}]' }),
  // Exit 0 whatever the outcome: the table says which targets are met.
  async run(a, { io }) {
    const [{ hindcast }, { loadScenarios }] = await Promise.all([hindcastApi(), scenarios()]);
    const replicates = intOption('replicates', a.replicates, 2, 100_000)!;
    const workers = intOption('workers', a.workers, 1, 1024) ?? availableParallelism();
    const [scenario] = loadScenarios([a.scenario], {});
    const point = a.calibration ? await representativePoint(a.calibration) : undefined;
    let posterior;
    if (a.posterior) {
      const [{ readPosteriorFile }, { parameterFactors }] = await Promise.all([filesApi(), factorsApi()]);
      posterior = await readPosteriorFile(a.posterior, parameterFactors());
    }
    const progress = progressReporter(a.quiet || a.json ? undefined : io, 'hindcast', { unit: 'runs' });
    let rows;
    try {
      rows = await hindcast({ scenario, replicates, workers, point, posterior, onProgress: (p) => progress.update(p) });
    } finally {
      progress.stop();
    }
    if (a.json) {
      const { jsonRows } = await calibrateApi();
      io.stdout(JSON.stringify(jsonRows(rows), null, 2) + '\n');
      return EXIT.ok;
    }
    const w = Math.max(...rows.map((r) => r.name.length)) + 2;
    io.stdout(`${'target'.padEnd(w)}${'use'.padEnd(6)}${'observed'.padEnd(11)}${'tolerance'.padEnd(22)}${'simulated [95% CI]'.padEnd(30)}met\n`);
    for (const r of rows) {
      io.stdout(
        `${r.name.padEnd(w)}${(r.use === 'calibration' ? 'cal' : 'held').padEnd(6)}${fmt(r.observed).padEnd(11)}${`[${fmt(r.low)}, ${fmt(r.high)}]`.padEnd(22)}` +
          `${`${fmt(r.simulated)} [${fmt(r.ci_low)}, ${fmt(r.ci_high)}]`.padEnd(30)}${r.ok ? 'yes' : 'NO'}\n`,
      );
    }
    const cal = rows.filter((r) => r.use === 'calibration');
    const held = rows.filter((r) => r.use !== 'calibration');
    const at = point ? `the representative point of ${a.calibration}` : posterior ? `draws of ${a.posterior}` : 'the default parameters';
    io.stdout(
      `\n${cal.filter((r) => r.ok).length} of ${cal.length} calibration targets and ${held.filter((r) => r.ok).length} of ${held.length} held-out targets met ` +
        `(${replicates} replicates of ${scenario.name} at ${at}; tolerance = observed ± 3 sqrt(V_obs + V_disc)).\nSources:\n`,
    );
    for (const r of rows) io.stdout(`  ${r.name}: ${r.source}\n`);
    return EXIT.ok;
  },
});

/**
 * `calibrate`: history matching of the assumption parameters against the 2010 → 2024 hindcast; writes
 * posterior.csv, calibration.json, runs.csv, hindcast.json, the charts and calibration.html.
 */
import { availableParallelism } from 'node:os';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { COMMON_OPTIONS, intOption, listOption } from '../options.js';
import { progressReporter, type ProgressReporter } from '../progress.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const calibrateApi = () => import('../../talent/calibration/calibrate.js');
const reportApi = () => import('../../report/calibration-report.js');
const shardApi = () => import('../../experiment/shard.js');
const scenarios = () => import('../scenarios.js');

/** Method names, as `calibrate.ts` declares them (kept here as a literal so `--help` loads nothing). */
const METHODS = ['history-matching'] as const;

export default defineCommand({
  command: 'calibrate',
  describe: 'calibrate the assumption parameters against the 2010 → 2024 hindcast (history matching)',
  builder: (y) =>
    y
      .option('method', { type: 'string', choices: METHODS, default: METHODS[0], describe: 'calibration method' })
      .option('budget', { type: 'number', describe: 'most simulator runs (design points of --replicates replicates each); default 8000' })
      .option('runs-per-wave', { type: 'number', describe: 'design points per wave (default min(2000, (budget − 2)/2))' })
      .option('waves', { type: 'number', describe: 'most waves (default 4)' })
      .option('replicates', { type: 'number', describe: 'replicates per design point (default 3)' })
      .option('rank', { type: 'number', choices: [1, 2, 3], describe: 'which largest target implausibility decides: 1 the maximum (default), 2 or 3' })
      .option('params', { type: 'string', describe: 'comma-separated parameters to calibrate (default: every parameter with basis assumption)' })
      .option('seed', { type: 'number', describe: 'seed of the designs (default 1; the runs use the scenario seed)' })
      .option('scenario', { type: 'string', default: 'hindcast-2010', describe: 'hindcast scenario (built-in name or file)' })
      .option('workers', COMMON_OPTIONS.workers)
      .option('shard', { type: 'string', describe: 'run only shard K/N of the first unfinished wave, then stop (join the runs/ folders and rerun with --resume)' })
      .option('resume', { type: 'boolean', default: false, describe: 'reuse the runs already in --out (same points, same scenario)' })
      .option('quiet', COMMON_OPTIONS.quiet)
      .option('out', { type: 'string', demandOption: true, describe: 'output directory' }),
  async run(a, { io }) {
    const [{ calibrate }, { writeCalibrationReport }, { parseShard }, { loadScenarios }] = await Promise.all([calibrateApi(), reportApi(), shardApi(), scenarios()]);
    const budget = intOption('budget', a.budget, 7, 10_000_000);
    const runsPerWave = intOption('runs-per-wave', a.runsPerWave, 3, 10_000_000);
    const maxWaves = intOption('waves', a.waves, 1, 100);
    const replicates = intOption('replicates', a.replicates, 2, 10_000);
    const seed = intOption('seed', a.seed, 0, 0xffffffff);
    const workers = intOption('workers', a.workers, 1, 1024) ?? availableParallelism();
    const shard = a.shard !== undefined ? parseShard(a.shard) : undefined;
    const [scenario] = loadScenarios([a.scenario], {});
    let bar: ProgressReporter | undefined;
    let label = '';
    const progressIo = a.quiet ? undefined : io;
    let outcome;
    try {
      outcome = await calibrate({
        scenario, parameters: listOption(a.params), budget, runsPerWave, maxWaves, replicates, seed, implausibilityRank: a.rank,
        outDir: a.out, workers, resume: a.resume, shard,
        onProgress: (p) => {
          const now = p.purpose === 'design' ? `calibrate wave ${p.wave}${shard ? ` ${shard.index}/${shard.count}` : ''}` : 'calibrate checks';
          if (now !== label) {
            bar?.stop();
            bar = progressReporter(progressIo, now, { unit: 'runs' });
            label = now;
          }
          bar!.update(p);
        },
        onWave: (w) => {
          bar?.stop();
          bar = undefined;
          label = '';
          if (!a.quiet) io.stdout(`wave ${w.wave}: ${w.runs} runs, ${w.nonImplausible} not ruled out (${(100 * w.share).toFixed(1)}%)\n`);
        },
      });
    } finally {
      bar?.stop();
    }
    if (outcome.kind === 'shard') {
      io.stdout(
        `shard ${shard!.index}/${shard!.count} of ${outcome.wave}: ${outcome.computed} replicates computed, ${outcome.skipped} resumed, parts in ${a.out}/runs\n` +
          `when every shard is done, copy all runs/ folders into one --out and run the same command without --shard, with --resume\n`,
      );
      return EXIT.ok;
    }
    const { result, hindcast, files, unidentified } = outcome;
    const report = await writeCalibrationReport(a.out);
    const cal = hindcast.filter((r) => r.use === 'calibration');
    const held = hindcast.filter((r) => r.use !== 'calibration');
    io.stdout(
      `${result.totalRuns} runs, ${result.waves.length} wave(s), stopped by ${result.stopReason}; ${result.accepted.length} parameter sets not ruled out\n` +
        (result.representative
          ? `representative point (${result.representative.choice}): ${cal.filter((r) => r.ok).length} of ${cal.length} calibration targets, ${held.filter((r) => r.ok).length} of ${held.length} held-out targets met\n`
          : 'no parameter set is non-implausible: see calibration.html for the targets no run reaches\n') +
        `identified: ${result.identification.filter((p) => p.identified).map((p) => p.name).join(', ') || 'none'}; not identified: ${unidentified.length} of ${result.identification.length}\n` +
        `wrote ${[...files, ...report.charts.flatMap((c) => [c.svg, c.png]), report.page].join(', ')}\n`,
    );
    return EXIT.ok;
  },
});

/** `report`: rebuilds charts and report.html of an output directory from its files. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from '../command.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { LANG_OPTION } from '../options.js';
import { writeHtmlReport } from '../outputs.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const reportApi = () => import('../../report/rebuild.js');
const lockApi = () => import('../../experiment/lock.js');

export default defineCommand({
  command: 'report <dir>',
  describe: 'rebuild report.html, the one-page summaries and the charts of an output directory',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true })
      .option('robustness', { type: 'string', describe: 'robustness output directory whose results are added (default: DIR/robustness if present)' })
      .option('lang', LANG_OPTION),
  async run(a, { io, commandLine }) {
    const dir = a.dir;
    if (dir.trim() === '') throw new UsageError('report: expected the path of an output folder, found ""');
    if (!existsSync(dir)) throw new UsageError(`${dir}: no such folder; give the output directory of a finished run or compare`);
    if (a.robustness !== undefined && !existsSync(join(a.robustness, 'robustness.csv'))) {
      throw new UsageError(`${a.robustness}: no robustness.csv; give the output directory of a finished robustness run`);
    }
    const { withOutputLock } = await lockApi();
    // The report writes into the folder: not while a run writes there.
    return withOutputLock(dir, async () => {
      if (!existsSync(join(dir, 'comparison.csv')) && existsSync(join(dir, 'robustness.csv'))) {
        // A robustness folder alone: its own report.
        const { rebuildRobustnessReport } = await reportApi();
        io.stdout(`report: ${await rebuildRobustnessReport(dir, a.lang !== undefined ? { lang: a.lang } : undefined)}\n`);
        return EXIT.ok;
      }
      for (const f of ['series.csv', 'summary.json', 'manifest.json']) {
        if (!existsSync(join(dir, f))) throw new UsageError(`${dir}: no ${f}; give the output directory of a finished run or compare`);
      }
      return writeHtmlReport(dir, io, { robustnessDir: a.robustness, lang: a.lang });
    }, { command: commandLine });
  },
});

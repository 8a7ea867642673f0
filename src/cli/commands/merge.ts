/** `merge`: joins shard output directories into what one machine would have written (and writes the report). */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { COMMON_OPTIONS, outOption } from '../options.js';
import { printFailures, writeHtmlReport } from '../outputs.js';
import { outcomeTable } from '../table.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const experimentApi = () => import('../../experiment/index.js');
const lockApi = () => import('../../experiment/lock.js');

export default defineCommand({
  command: 'merge <dirs..>',
  describe: 'join shard output directories into what one machine would have written',
  builder: (y) =>
    y
      .positional('dirs', { type: 'string', array: true, demandOption: true })
      .option('out', { type: 'string', demandOption: true, describe: 'output directory' })
      .option('report', { type: 'boolean', default: true, describe: 'write report.html (--no-report to skip)' })
      .option('allow-version-mismatch', COMMON_OPTIONS.allowVersionMismatch)
      .option('quiet', { type: 'boolean', default: false, describe: 'no outcome table' }),
  async run(a, { io, commandLine }) {
    const [{ mergeShards }, { withOutputLock }] = await Promise.all([experimentApi(), lockApi()]);
    const out = outOption(a.out);
    return withOutputLock(out, async () => {
      const result = await mergeShards(a.dirs, out, { command: commandLine, allowVersionMismatch: a.allowVersionMismatch });
      printFailures(io, result.failures);
      if (result.summary && result.comparison.length && !a.quiet) io.stdout(outcomeTable(result.summary) + '\n');
      io.stdout(`wrote ${result.files.join(', ')}\n`);
      let code: number = result.failures.length === 0 ? EXIT.ok : EXIT.failure;
      // The report compares scenarios: an ensemble's; a sweep has sweep.csv instead.
      if (a.report && result.plan.kind === 'ensemble') code = Math.max(code, await writeHtmlReport(out, io));
      return code;
    }, { command: commandLine });
  },
});

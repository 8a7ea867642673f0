/** `compare`: scenarios side by side against baseline — the run outputs plus comparison.csv, a table and report.html. */
import { defineCommand } from '../command.js';
import { ensembleOptions, ensembleSettings, LANG_OPTION } from '../options.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const ensembleRun = () => import('../ensemble-run.js');
const scenarios = () => import('../scenarios.js');

export default defineCommand({
  command: 'compare [scenarios..]',
  describe: 'run scenarios side by side against baseline: also comparison.csv and report.html',
  builder: (y) =>
    ensembleOptions(y)
      .positional('scenarios', { type: 'string', array: true, describe: 'built-in names or files (default: all built-ins but guangxi)' })
      .option('out', { type: 'string', default: 'out/compare', describe: 'output directory' })
      .option('baseline', {
        type: 'string',
        describe: 'the baseline: a scenario\'s name or reference, or another scenario to run as the baseline (default: "baseline" if given, else the first)',
      })
      .option('allow-mismatch', {
        type: 'boolean',
        default: false,
        describe: 'pair scenarios of another county, horizon or start year with the baseline anyway (refused otherwise: their differences are not a policy\'s effect)',
      })
      .option('report', { type: 'boolean', default: true, describe: 'write report.html and charts (--no-report to skip)' })
      .option('robustness', { type: 'string', describe: 'robustness output directory to add to the report' })
      .option('lang', LANG_OPTION),
  async run(a, { io, commandLine }) {
    const [{ runEnsemble }, { defaultCompareScenarios }] = await Promise.all([ensembleRun(), scenarios()]);
    const refs = a.scenarios?.length ? a.scenarios : defaultCompareScenarios();
    const report = a.report && a.shard === undefined;
    return runEnsemble(
      {
        ...ensembleSettings(a), scenarios: refs, out: a.out, report, robustness: a.robustness, lang: a.lang, table: true, baseline: a.baseline,
        allowMismatch: a.allowMismatch, commandLine,
      },
      io,
    );
  },
});

/** `run`: an ensemble of one scenario written to an output directory (series.csv, summary.json, manifest.json). */
import { defineCommand } from '../command.js';
import { ensembleOptions, ensembleSettings, LANG_OPTION, SCENARIO_POSITIONAL, scenarioBaseName } from '../options.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const ensembleRun = () => import('../ensemble-run.js');

export default defineCommand({
  command: 'run <scenario>',
  describe: 'run an ensemble of one scenario: series.csv, summary.json, manifest.json',
  builder: (y) =>
    ensembleOptions(y)
      .positional('scenario', SCENARIO_POSITIONAL)
      .option('out', { type: 'string', describe: 'output directory (default out/<scenario name or file>)' })
      .option('report', { type: 'boolean', describe: 'also write report.html, the one-page summaries and the charts (default: only with --lang)' })
      .option('lang', LANG_OPTION),
  async run(a, { io, commandLine }) {
    const { runEnsemble } = await ensembleRun();
    const out = a.out ?? `out/${scenarioBaseName(a.scenario)}`;
    const report = (a.report ?? a.lang !== undefined) && a.shard === undefined;
    return runEnsemble({ ...ensembleSettings(a), scenarios: [a.scenario], out, report, lang: a.lang, table: false, commandLine }, io);
  },
});

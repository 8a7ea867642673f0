/**
 * The talentsim command line: a thin yargs shell over the public API. `main(argv, io)` parses, runs one
 * command and returns its exit code (0 success, 1 failure while running, 2 bad input or usage); all
 * output goes through `io`, errors print without stack traces.
 */
import yargs, { type Argv } from 'yargs';
import { talentsimVersion } from '../experiment/version.js';
import { describeError, EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { defaultCompareScenarios } from './commands/defaults.js';
import { addAnalysisCommands } from './analysis-commands.js';

// Commands are imported when chosen, so `--help` and usage errors do not pay for loading the model and mathjs.
const ensembleCommand: typeof import('./commands/ensemble-command.js').ensembleCommand = async (...a) =>
  (await import('./commands/ensemble-command.js')).ensembleCommand(...a);
const validateCommand = async (refs: readonly string[], io: CliIo) => (await import('./commands/validate.js')).validateCommand(refs, io);
const listCommand = async (io: CliIo) => (await import('./commands/info.js')).listCommand(io);
const describeCommand = async (ref: string, io: CliIo) => (await import('./commands/info.js')).describeCommand(ref, io);
const schemaCommand = async (io: CliIo) => (await import('./commands/info.js')).schemaCommand(io);
const mergeCommand: typeof import('./commands/merge.js').mergeCommand = async (...a) => (await import('./commands/merge.js')).mergeCommand(...a);
const patternsCommand = async (args: import('./commands/patterns.js').PatternsArgs, io: CliIo) =>
  (await import('./commands/patterns.js')).patternsCommand(args, io);
const reportCommand: typeof import('./commands/report.js').reportCommand = async (...a) => (await import('./commands/report.js')).reportCommand(...a);

type Args = Record<string, unknown>;

function runOptions(y: Argv): Argv {
  return y
    .option('years', { type: 'number', describe: 'years to simulate (overrides the scenario)' })
    .option('seed', { type: 'number', describe: 'run seed (overrides the scenario)' })
    .option('replicates', { type: 'number', describe: 'replicates per scenario (overrides the scenario)' })
    .option('workers', { type: 'number', describe: 'worker threads (default: number of cores); results do not depend on it' })
    .option('shard', { type: 'string', describe: 'run only shard K/N of the replicates (join with `merge`)' })
    .option('resume', { type: 'boolean', default: false, describe: 'skip replicates already in --out (same scenario hash required)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar or table' })
    .option('model', { type: 'string', hidden: true, describe: 'JS module exporting buildModel(scenario, {replicate}) (advanced)' });
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const command = ['talentsim', ...argv].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
  let selected: ((io: CliIo) => Promise<number> | number) | undefined;
  let helpText = '';
  const parser = yargs([...argv])
    .scriptName('talentsim')
    .usage('$0 <command> [options]\n\nAgent-based simulation of village Party-branch renewal: four policy pathways compared.')
    .exitProcess(false)
    .strict()
    .demandCommand(1, 'give a command (see --help)')
    .recommendCommands()
    .version(talentsimVersion())
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, io.columns || 100))
    .fail((msg, err) => {
      throw err ?? new CliUsage(msg ?? 'usage error');
    })
    .command(
      'run <scenario>',
      'run an ensemble of one scenario: series.csv, summary.json, manifest.json',
      (y) =>
        runOptions(y)
          .positional('scenario', { type: 'string', describe: 'built-in name or scenario file' })
          .option('out', { type: 'string', describe: 'output directory (default out/<scenario name or file>)' }),
      (a: Args) => {
        const scenario = String(a.scenario);
        const out = (a.out as string | undefined) ?? `out/${scenario.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '')}`;
        selected = (io2) =>
          ensembleCommand(
            { ...ensembleArgs(a), scenarios: [scenario], out, report: false, table: false, command },
            io2,
          );
      },
    )
    .command(
      'compare [scenarios..]',
      'run scenarios side by side against baseline: also comparison.csv and report.html',
      (y) =>
        runOptions(y)
          .positional('scenarios', { type: 'string', array: true, describe: 'built-in names or files (default: all built-ins but guangxi)' })
          .option('out', { type: 'string', default: 'out/compare', describe: 'output directory' })
          .option('report', { type: 'boolean', default: true, describe: 'write report.html and charts (--no-report to skip)' })
          .option('robustness', { type: 'string', describe: 'robustness output directory to add to the report' }),
      (a: Args) => {
        const list = (a.scenarios as string[] | undefined) ?? [];
        selected = async (io2) =>
          ensembleCommand(
            {
              ...ensembleArgs(a),
              scenarios: list.length ? list.map(String) : await defaultCompareScenarios(),
              out: String(a.out),
              report: Boolean(a.report) && a.shard === undefined,
              robustness: a.robustness as string | undefined,
              table: true,
              command,
            },
            io2,
          );
      },
    )
    .command(
      'validate <scenarios..>',
      'check scenario files; print every problem, one per line',
      (y) => y.positional('scenarios', { type: 'string', array: true }),
      (a: Args) => {
        selected = (io2) => validateCommand((a.scenarios as string[]).map(String), io2);
      },
    )
    .command('list', 'list the built-in scenarios', {}, () => {
      selected = (io2) => listCommand(io2);
    })
    .command(
      'describe <scenario>',
      'print a scenario fully resolved (defaults included) as YAML',
      (y) => y.positional('scenario', { type: 'string' }),
      (a: Args) => {
        selected = (io2) => describeCommand(String(a.scenario), io2);
      },
    )
    .command('schema', 'print the JSON Schema of scenario files', {}, () => {
      selected = (io2) => schemaCommand(io2);
    })
    .command(
      'merge <dirs..>',
      'join shard output directories into what one machine would have written',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true })
          .option('out', { type: 'string', demandOption: true, describe: 'output directory' })
          .option('report', { type: 'boolean', default: true, describe: 'write report.html (--no-report to skip)' })
          .option('quiet', { type: 'boolean', default: false }),
      (a: Args) => {
        selected = (io2) =>
          mergeCommand(
            { dirs: (a.dirs as string[]).map(String), out: String(a.out), report: Boolean(a.report), quiet: Boolean(a.quiet), command },
            io2,
          );
      },
    )
    .command(
      'report <dir>',
      'rebuild report.html and charts of an output directory',
      (y) =>
        y
          .positional('dir', { type: 'string' })
          .option('robustness', { type: 'string', describe: 'robustness output directory whose results are added (default: DIR/robustness if present)' }),
      (a: Args) => {
        selected = (io2) => reportCommand(String(a.dir), io2, { robustness: a.robustness as string | undefined });
      },
    );
  parser.command(
    'patterns',
    'run the baseline and compare it with the calibration patterns (target ranges with sources)',
    (y) =>
      y
        .option('scenario', { type: 'string', default: 'baseline', describe: 'scenario to check' })
        .option('replicates', { type: 'number', default: 10, describe: 'replicates' })
        .option('json', { type: 'boolean', default: false, describe: 'print [{name, source, low, high, simulated, ciLow, ciHigh, ok}]' }),
    (a: Args) => {
      selected = (io2) => patternsCommand({ scenario: String(a.scenario), replicates: Number(a.replicates), json: Boolean(a.json) }, io2);
    },
  );
  addAnalysisCommands(parser, (run) => (selected = run), command);

  try {
    await parser.parseAsync([...argv], {}, (_err: unknown, _args: unknown, output: string) => {
      if (output) helpText += output;
    });
  } catch (e) {
    if (e instanceof CliUsage) {
      io.stderr(`talentsim: ${e.message}\nRun \`talentsim --help\` for usage.\n`);
      return EXIT.badInput;
    }
    const d = describeError(e);
    io.stderr(d.lines.join('\n') + '\n');
    return d.code;
  }
  if (helpText) {
    io.stdout(helpText.endsWith('\n') ? helpText : helpText + '\n');
    return EXIT.ok;
  }
  if (!selected) return EXIT.ok;
  try {
    return await selected(io);
  } catch (e) {
    const d = describeError(e);
    io.stderr(d.lines.join('\n') + '\n');
    return d.code;
  }
}

/** A usage error raised by yargs (unknown option, missing argument…). */
class CliUsage extends Error {}

function ensembleArgs(a: Args) {
  return {
    years: a.years as number | undefined,
    seed: a.seed as number | undefined,
    replicates: a.replicates as number | undefined,
    workers: a.workers as number | undefined,
    shard: a.shard as string | undefined,
    resume: Boolean(a.resume),
    quiet: Boolean(a.quiet),
    model: a.model as string | undefined,
  };
}

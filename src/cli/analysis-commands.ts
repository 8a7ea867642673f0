/**
 * The `sensitivity` and `robustness` commands' yargs declarations, added to the CLI's parser in one call.
 * The command modules are imported only when chosen (like the other commands), so `--help` stays fast.
 */
import type { Argv } from 'yargs';
import type { CliIo } from './io.js';

type Args = Record<string, unknown>;
type Selected = (io: CliIo) => Promise<number> | number;

function analysisOptions(y: Argv): Argv {
  return y
    .option('samples', { type: 'number', describe: 'Morris: trajectories (default 10); Sobol: base sample N (default 256); robustness: parameter draws (default 20)' })
    .option('params', { type: 'string', describe: 'comma-separated parameters to vary (default: every declared parameter)' })
    .option('outcome', { type: 'string', array: true, describe: 'outcome metric(s) at the horizon (default: members_full, member_share_61plus, branches_warning_share, succession_ready_share)' })
    .option('seed', { type: 'number', describe: 'seed of the design (the runs use the scenario seed, the same for every point)' })
    .option('replicates', { type: 'number', describe: 'replicates per design point (default 1), averaged' })
    .option('years', { type: 'number', describe: 'years to simulate (overrides the scenario)' })
    .option('workers', { type: 'number', describe: 'worker threads (default: number of cores); results do not depend on it' })
    .option('shard', { type: 'string', describe: 'run only design-point shard K/N (then rerun without --shard, with --resume, on the joined parts)' })
    .option('resume', { type: 'boolean', default: false, describe: 'skip design points already in --out' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar or table' });
}

function baseName(ref: string): string {
  return ref.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');
}

/** Adds `sensitivity` and `robustness` to `parser`; `select` receives the chosen command's runner. */
export function addAnalysisCommands(parser: Argv, select: (run: Selected) => void, command: string): Argv {
  return parser
    .command(
      'sensitivity <scenario>',
      'global sensitivity (Morris or Sobol) of the horizon outcomes to the declared parameter ranges',
      (y) =>
        analysisOptions(y)
          .positional('scenario', { type: 'string', describe: 'built-in name or scenario file' })
          .option('method', { type: 'string', choices: ['morris', 'sobol'], default: 'morris', describe: 'Morris screening or Sobol indices' })
          .option('levels', { type: 'number', describe: 'Morris grid levels (even, default 4)' })
          .option('bootstrap', { type: 'number', describe: 'bootstrap resamples for the 95% intervals (default 1000)' })
          .option('top', { type: 'number', describe: 'parameters per outcome in the table and chart (default 10)' })
          .option('out', { type: 'string', describe: 'output directory (default out/sensitivity-<scenario>)' }),
      (a: Args) => {
        const scenario = String(a.scenario);
        select(async (io) =>
          (await import('./commands/sensitivity.js')).sensitivityCommand(
            {
              scenario,
              method: String(a.method),
              params: a.params as string | undefined,
              samples: a.samples as number | undefined,
              levels: a.levels as number | undefined,
              outcome: a.outcome as string[] | undefined,
              out: (a.out as string | undefined) ?? `out/sensitivity-${baseName(scenario)}`,
              workers: a.workers as number | undefined,
              shard: a.shard as string | undefined,
              resume: Boolean(a.resume),
              quiet: Boolean(a.quiet),
              seed: a.seed as number | undefined,
              bootstrap: a.bootstrap as number | undefined,
              replicates: a.replicates as number | undefined,
              years: a.years as number | undefined,
              top: a.top as number | undefined,
              command,
            },
            io,
          ),
        );
      },
    )
    .command(
      'robustness [scenarios..]',
      'run the pathways on Latin-hypercube parameter draws: share of draws each beats baseline and ranks first',
      (y) =>
        analysisOptions(y)
          .positional('scenarios', { type: 'string', array: true, describe: 'built-in names or files (default: baseline, the pathways and combined)' })
          .option('baseline', { type: 'string', describe: 'baseline scenario name (default: baseline, else the first)' })
          .option('out', { type: 'string', default: 'out/robustness', describe: 'output directory' }),
      (a: Args) => {
        select(async (io) =>
          (await import('./commands/robustness.js')).robustnessCommand(
            {
              scenarios: ((a.scenarios as string[] | undefined) ?? []).map(String),
              samples: a.samples as number | undefined,
              params: a.params as string | undefined,
              outcome: a.outcome as string[] | undefined,
              baseline: a.baseline as string | undefined,
              out: String(a.out),
              workers: a.workers as number | undefined,
              shard: a.shard as string | undefined,
              resume: Boolean(a.resume),
              quiet: Boolean(a.quiet),
              seed: a.seed as number | undefined,
              replicates: a.replicates as number | undefined,
              years: a.years as number | undefined,
              command,
            },
            io,
          ),
        );
      },
    );
}

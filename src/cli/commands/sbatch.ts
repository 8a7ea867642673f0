/**
 * `sbatch`: writes a SLURM job array whose task K runs shard K/N of `compare`, and the merge step as a job
 * that depends on the whole array; with `--submit` submits both. Declared as one yargs command module; the
 * scenario loader and the script writer are imported only when the command runs, so `--help` stays fast.
 */
import { fileURLToPath } from 'node:url';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { CliIo } from '../io.js';

/** What main.ts passes to a command module's handler (yargs merges it into the parsed arguments). */
export interface CommandContext {
  /** Chooses what runs once parsing is done; the runner returns the exit code. */
  select(run: (io: CliIo) => Promise<number>): void;
}

function builder(y: Argv) {
  return y
    .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'built-in names or scenario files, as for compare' })
    .option('shards', { type: 'number', demandOption: true, describe: 'N: array tasks, task K running shard K/N of the replicates' })
    .option('out', { type: 'string', demandOption: true, describe: 'output directory: the scripts, shard-K/, merged/ and logs/' })
    .option('submit', { type: 'boolean', default: false, describe: 'submit the array and the dependent merge job with sbatch' })
    .option('replicates', { type: 'number', describe: 'replicates per scenario (overrides the scenario)' })
    .option('years', { type: 'number', describe: 'years to simulate (overrides the scenario)' })
    .option('seed', { type: 'number', describe: 'run seed (overrides the scenario)' })
    .option('workers', { type: 'number', describe: 'worker threads per task (default: the task\'s CPUs)' })
    .option('partition', { type: 'string', describe: 'SLURM partition (default: the cluster\'s default)' })
    .option('time', { type: 'string', describe: 'wall-clock limit per task (default 01:00:00)' })
    .option('cpus', { type: 'number', describe: 'CPUs per task (default: --workers, else 1)' })
    .option('mem', { type: 'string', describe: 'memory per task (default 2G)' })
    .option('job-name', { type: 'string', describe: 'job name (default talentsim; the merge job adds -merge)' })
    .option('npx', { type: 'boolean', default: false, describe: 'start talentsim as `npx talentsim` instead of this installation\'s absolute path' });
}

type SbatchArgs = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>['argv']>>;

/** The bin that is running this command: bin/talentsim.js of this installation. */
function talentsimBin(): string {
  return fileURLToPath(new URL('../../../bin/talentsim.js', import.meta.url));
}

async function runSbatch(a: SbatchArgs, io: CliIo): Promise<number> {
  const { resolve } = await import('node:path');
  const { intOption, loadScenarios } = await import('./shared.js');
  const { ExperimentInputError, shellQuote, submitJobArray, writeJobArrayScripts } = await import('../../experiment/index.js');
  const { EXIT } = await import('../exit-codes.js');
  const shards = intOption('shards', a.shards, 1) ?? 1;
  const replicates = intOption('replicates', a.replicates, 1, 1_000_000);
  const years = intOption('years', a.years, 1, 500);
  const seed = intOption('seed', a.seed, 0, 0xffffffff);
  const workers = intOption('workers', a.workers, 1, 1024);
  const cpus = intOption('cpus', a.cpus, 1, 4096);
  // The tasks run these references: validate them (and the overrides) here, not in N failed tasks.
  const scenarios = loadScenarios(a.scenarios, { years, seed, replicates });
  const most = Math.max(...scenarios.map((s) => s.replicates));
  if (shards > most) {
    throw new ExperimentInputError(`--shards ${shards}: more shards than replicates (${most}); shards ${most + 1}..${shards} would have nothing to run`);
  }
  const cwd = io.cwd ?? process.cwd();
  const outDir = resolve(cwd, a.out);
  const files = await writeJobArrayScripts({
    scenarios: a.scenarios,
    shards,
    outDir,
    workDir: cwd,
    talentsim: a.npx ? ['npx', 'talentsim'] : [process.execPath, talentsimBin()],
    replicates,
    years,
    seed,
    workers,
    slurm: { partition: a.partition, time: a.time, cpusPerTask: cpus, mem: a.mem, jobName: a.jobName },
  });
  io.stdout(`wrote ${files.array} (${shards} tasks, task K runs shard K/${shards}) and ${files.merge}\n`);
  if (!a.submit) {
    io.stdout(
      `submit both (the merge runs once every task has succeeded):\n` +
        `  jid=$(sbatch --parsable ${shellQuote(files.array)})\n` +
        `  sbatch --dependency=afterok:$jid ${shellQuote(files.merge)}\n` +
        `or run this command again with --submit\n`,
    );
    return EXIT.ok;
  }
  const jobs = await submitJobArray(files);
  io.stdout(
    `submitted job array ${jobs.arrayJobId} (${shards} tasks) and merge job ${jobs.mergeJobId} (--dependency=afterok:${jobs.arrayJobId})\n` +
      `follow with: squeue -j ${jobs.arrayJobId},${jobs.mergeJobId}; logs in ${resolve(outDir, 'logs')}, merged outputs in ${resolve(outDir, 'merged')}\n`,
  );
  return EXIT.ok;
}

function contextOf(argv: object): CommandContext {
  if (!('select' in argv) || typeof argv.select !== 'function') throw new Error('sbatch: the command was registered without a CommandContext');
  const select = argv.select;
  return { select: (run) => select(run) };
}

/** `talentsim sbatch <scenarios..> --shards N --out DIR [--submit]`. */
export const sbatchCommand = commandModule({
  command: 'sbatch <scenarios..>',
  describe: 'write a SLURM job array running shard K/N of compare per task, plus the dependent merge job; --submit submits them',
  builder,
  handler: (a) => contextOf(a).select((io) => runSbatch(a, io)),
});

function commandModule<U>(m: CommandModule<object, U>): CommandModule<object, U> {
  return m;
}

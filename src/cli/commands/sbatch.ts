/**
 * `sbatch`: writes a SLURM job array whose task K runs shard K/N of `compare`, and the merge step as a job
 * that depends on the whole array; with `--submit` submits both. Relative paths resolve against the CLI's
 * working directory (`io.cwd`), which is also the directory the jobs run in.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { COMMON_OPTIONS, intOption, outOption, runCounts } from '../options.js';

// Loaded when the command runs, so `--help` and usage errors do not load the library.
const experimentApi = () => import('../../experiment/index.js');
const scenarios = () => import('../scenarios.js');

/** The bin that is running this command: bin/talentsim.js of this installation. */
function talentsimBin(): string {
  return fileURLToPath(new URL('../../../bin/talentsim.js', import.meta.url));
}

export default defineCommand({
  command: 'sbatch <scenarios..>',
  describe: 'write a SLURM job array running shard K/N of compare per task, plus the dependent merge job; --submit submits them',
  builder: (y) =>
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'built-in names or scenario files, as for compare' })
      .option('shards', { type: 'number', demandOption: true, describe: 'N: array tasks, task K running shard K/N of the replicates' })
      .option('out', { type: 'string', demandOption: true, describe: 'output directory: the scripts, shard-K/, merged/ and logs/' })
      .option('submit', { type: 'boolean', default: false, describe: 'submit the array and the dependent merge job with sbatch' })
      .option('replicates', COMMON_OPTIONS.replicates)
      .option('years', COMMON_OPTIONS.years)
      .option('seed', COMMON_OPTIONS.seed)
      .option('workers', { type: 'number', describe: 'worker threads per task (default: the task\'s CPUs)' })
      .option('partition', { type: 'string', describe: 'SLURM partition (default: the cluster\'s default)' })
      .option('time', { type: 'string', describe: 'wall-clock limit per task (default 01:00:00)' })
      .option('cpus', { type: 'number', describe: 'CPUs per task (default: --workers, else 1)' })
      .option('mem', { type: 'string', describe: 'memory per task (default 2G)' })
      .option('job-name', { type: 'string', describe: 'job name (default talentsim; the merge job adds -merge)' })
      .option('npx', { type: 'boolean', default: false, describe: 'start talentsim as `npx talentsim` instead of this installation\'s absolute path' }),
  async run(a, { io }) {
    const [{ ExperimentInputError, shellQuote, submitJobArray, writeJobArrayScripts }, { loadScenarios }] = await Promise.all([experimentApi(), scenarios()]);
    const shards = intOption('shards', a.shards, 1) ?? 1;
    const { replicates, years, seed, workers } = runCounts(a);
    outOption(a.out);
    const cpus = intOption('cpus', a.cpus, 1, 4096);
    // The tasks run these references: validate them (and the overrides) here, not in N failed tasks.
    const list = loadScenarios(a.scenarios, { years, seed, replicates });
    const most = Math.max(...list.map((s) => s.replicates));
    if (shards > most) {
      throw new ExperimentInputError(`--shards ${shards}: more shards than replicates (${most}); shards ${most + 1}..${shards} would have nothing to run`);
    }
    const outDir = resolve(io.cwd, a.out);
    const files = await writeJobArrayScripts({
      scenarios: a.scenarios,
      shards,
      outDir,
      workDir: io.cwd,
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
  },
});

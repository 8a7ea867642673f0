/**
 * SLURM job arrays for sharded ensembles: the text of a job-array batch script whose task K runs shard K/N
 * of `talentsim compare`, the text of a merge script submitted as a job that depends on the whole array,
 * writing both, and submitting them with `sbatch --parsable` through an injected process runner (so it is
 * testable without SLURM). It knows the command line, not the model.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { ExperimentInputError } from './errors.js';
import { writeFileDurable } from './files.js';

/** Resources asked of SLURM for each array task and for the merge job (every field optional). */
export interface SlurmSettings {
  /** `--partition`; absent: the cluster's default partition. */
  partition?: string;
  /** `--time` (wall-clock limit per task, e.g. `02:00:00`); default {@link SLURM_DEFAULTS}.time. */
  time?: string;
  /** `--cpus-per-task` of an array task (the merge asks for 1); default: the workers, else 1. */
  cpusPerTask?: number;
  /** `--mem` per task (e.g. `4G`); default {@link SLURM_DEFAULTS}.mem. */
  mem?: string;
  /** `--job-name` of the array (the merge job adds `-merge`); default `talentsim`. */
  jobName?: string;
}

/** Defaults of {@link SlurmSettings}: a modest default county needs far less than 2G per task. */
export const SLURM_DEFAULTS = { time: '01:00:00', mem: '2G', jobName: 'talentsim' } as const;

/** What {@link jobArrayScripts} needs. */
export interface JobArrayOptions {
  /** Scenario references exactly as `compare` takes them (built-in names or files relative to `workDir`). */
  scenarios: readonly string[];
  /** N: the number of array tasks, task K running shard K/N. */
  shards: number;
  /** Absolute output directory: shards in `shard-K/`, the merged result in `merged/`, logs in `logs/`. */
  outDir: string;
  /** Absolute directory the jobs run in (`--chdir`). */
  workDir: string;
  /** The words that start talentsim, e.g. `[process.execPath, '/abs/bin/talentsim.js']` or `['npx', 'talentsim']`. */
  talentsim: readonly string[];
  /** `--replicates`, `--years`, `--seed` passed to compare (absent: the scenario's own). */
  replicates?: number;
  years?: number;
  seed?: number;
  /** `--workers` of each task; absent: `$SLURM_CPUS_PER_TASK`. */
  workers?: number;
  slurm?: SlurmSettings;
}

/** The two batch scripts. */
export interface JobArrayScripts {
  /** The job array: `#SBATCH --array=1-N`, task K runs `compare ... --shard K/N`. */
  array: string;
  /** The merge job, to submit with `--dependency=afterok:<array job id>`. */
  merge: string;
}

/** Where {@link writeJobArrayScripts} put the scripts. */
export interface JobArrayFiles {
  array: string;
  merge: string;
}

/** File names of the scripts inside the output directory. */
export const JOB_ARRAY_FILES = { array: 'talentsim-array.sbatch', merge: 'talentsim-merge.sbatch' } as const;

/** The paths of the two scripts in `outDir`. */
export function jobArrayFiles(outDir: string): JobArrayFiles {
  return { array: join(outDir, JOB_ARRAY_FILES.array), merge: join(outDir, JOB_ARRAY_FILES.merge) };
}

const SAFE_WORD = /^[\w@%+=:,./-]+$/;

/** Quotes `word` for a POSIX shell: unchanged if it has only safe characters, else in single quotes. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** An `#SBATCH` value: sbatch reads double quotes and backslash escapes there, and `#` starts a comment. */
function directiveValue(value: string): string {
  if (SAFE_WORD.test(value)) return value;
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

function checkText(what: string, value: string | undefined, problems: string[]): void {
  if (value === undefined) return;
  if (value === '' || /[\r\n]/.test(value)) problems.push(`${what}: expected a non-empty value on one line, found ${JSON.stringify(value)}`);
}

function checkInteger(what: string, value: number | undefined, min: number, problems: string[]): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min) problems.push(`${what}: expected an integer ≥ ${min}, found ${value}`);
}

function validate(o: JobArrayOptions): void {
  const problems: string[] = [];
  if (o.scenarios.length === 0) problems.push('job array: give at least one scenario');
  for (const s of o.scenarios) checkText('scenario', s, problems);
  checkInteger('shards', o.shards, 1, problems);
  checkInteger('replicates', o.replicates, 1, problems);
  checkInteger('years', o.years, 1, problems);
  checkInteger('seed', o.seed, 0, problems);
  checkInteger('workers', o.workers, 1, problems);
  checkInteger('cpus per task', o.slurm?.cpusPerTask, 1, problems);
  for (const [what, dir] of [['output directory', o.outDir], ['working directory', o.workDir]] as const) {
    if (!isAbsolute(dir)) problems.push(`${what}: expected an absolute path, found ${dir}`);
    // sbatch's file-name patterns are disabled by a backslash, and a directive ends at the line.
    if (/[\\\r\n]/.test(dir)) problems.push(`${what}: SLURM cannot take a path with a backslash or a line break: ${JSON.stringify(dir)}`);
  }
  if (o.talentsim.length === 0) problems.push('job array: the command that starts talentsim is empty');
  const s = o.slurm ?? {};
  checkText('partition', s.partition, problems);
  checkText('time', s.time, problems);
  checkText('mem', s.mem, problems);
  checkText('job name', s.jobName, problems);
  if (problems.length) throw new ExperimentInputError(problems);
}

function directives(pairs: readonly (readonly [string, string | number | undefined])[]): string[] {
  return pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `#SBATCH --${k}${v === '' ? '' : `=${directiveValue(String(v))}`}`);
}

/** The text of the job-array script and of the merge script (validated; throws {@link ExperimentInputError}). */
export function jobArrayScripts(o: JobArrayOptions): JobArrayScripts {
  validate(o);
  const s = o.slurm ?? {};
  const n = o.shards;
  const jobName = s.jobName ?? SLURM_DEFAULTS.jobName;
  const time = s.time ?? SLURM_DEFAULTS.time;
  const mem = s.mem ?? SLURM_DEFAULTS.mem;
  const cpus = s.cpusPerTask ?? o.workers ?? 1;
  // `%` in a path would be read as one of sbatch's file-name patterns (%A, %a, %j): `%%` is a literal %.
  const logs = join(o.outDir, 'logs').replace(/%/g, '%%');
  const run = o.talentsim.map(shellQuote).join(' ');
  const files = jobArrayFiles(o.outDir);
  const overrides = [
    ...(o.replicates !== undefined ? ['--replicates', String(o.replicates)] : []),
    ...(o.years !== undefined ? ['--years', String(o.years)] : []),
    ...(o.seed !== undefined ? ['--seed', String(o.seed)] : []),
  ];
  const workers = o.workers !== undefined ? String(o.workers) : '"${SLURM_CPUS_PER_TASK:-1}"';
  // What both jobs ask for (the merge needs one CPU), and how both scripts start.
  const resources = (cpusPerTask: number, log: string): [string, string | number | undefined][] => [
    ['partition', s.partition],
    ['cpus-per-task', cpusPerTask],
    ['mem', mem],
    ['time', time],
    ['chdir', o.workDir],
    ['output', join(logs, log)],
  ];
  const prologue = ['', 'set -euo pipefail', `out=${shellQuote(o.outDir)}`];

  const array = [
    '#!/bin/bash',
    `# talentsim job array (written by \`talentsim sbatch\`): task K of ${n} runs shard K/${n} of the ensemble.`,
    `# Submit with the merge as a dependent job:  jid=$(sbatch --parsable ${shellQuote(files.array)})`,
    `#                                            sbatch --dependency=afterok:$jid ${shellQuote(files.merge)}`,
    `# A failed task K can be resubmitted alone (it resumes): sbatch --array=K ${shellQuote(files.array)}`,
    ...directives([['job-name', jobName], ['array', `1-${n}`], ...resources(cpus, 'array-%A_%a.out'), ['requeue', '']]),
    ...prologue,
    `${run} compare ${o.scenarios.map(shellQuote).join(' ')}${overrides.length ? ' ' + overrides.join(' ') : ''} \\`,
    `  --shard "$SLURM_ARRAY_TASK_ID/${n}" --workers ${workers} \\`,
    '  --out "$out/shard-$SLURM_ARRAY_TASK_ID" --resume',
    '',
  ].join('\n');

  const merge = [
    '#!/bin/bash',
    `# talentsim merge (written by \`talentsim sbatch\`): joins the ${n} shards of the job array into merged/.`,
    `# Submit after the array:  sbatch --dependency=afterok:<array job id> ${shellQuote(files.merge)}`,
    ...directives([['job-name', `${jobName}-merge`], ...resources(1, 'merge-%j.out'), ['kill-on-invalid-dep', 'yes']]),
    ...prologue,
    `${run} merge "$out"/shard-{1..${n}} --out "$out/merged"`,
    '',
  ].join('\n');
  return { array, merge };
}

/** Writes both scripts into `outDir` atomically (temp file + rename) and creates `outDir/logs` for SLURM's logs. */
export async function writeJobArrayScripts(o: JobArrayOptions): Promise<JobArrayFiles> {
  const scripts = jobArrayScripts(o);
  const files = jobArrayFiles(o.outDir);
  // SLURM does not create the directory of --output: a task whose log directory is missing fails at once.
  await mkdir(join(o.outDir, 'logs'), { recursive: true });
  await writeFileDurable(files.array, scripts.array);
  await writeFileDurable(files.merge, scripts.merge);
  return files;
}

/** What a finished process gave back. */
export interface ProcessResult {
  /** Exit code (null if killed by a signal). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; rejects if it cannot be started (an error with `code: 'ENOENT'` if not found). */
export type ProcessRunner = (command: string, args: readonly string[]) => Promise<ProcessResult>;

/** Where and with what environment {@link spawnProcess} runs a program (default: this process's). */
export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** The real {@link ProcessRunner}: spawns the program (no shell) and collects its output. */
export function spawnProcess(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The job ids SLURM gave the array and the merge job. */
export interface SubmittedJobArray {
  arrayJobId: string;
  mergeJobId: string;
}

/** Submitting to SLURM failed (sbatch missing, refused, or printed no job id). */
export class SlurmSubmitError extends Error {
  override readonly name = 'SlurmSubmitError';
}

async function sbatch(run: ProcessRunner, args: readonly string[], after = ''): Promise<string> {
  let r: ProcessResult;
  try {
    r = await run('sbatch', args);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new SlurmSubmitError(`sbatch not found: is SLURM installed?${after}`);
    throw e;
  }
  const file = args[args.length - 1];
  const said = r.stderr.trim() || r.stdout.trim();
  if (r.code !== 0) throw new SlurmSubmitError(`sbatch ${file} failed (exit ${r.code ?? 'by signal'})${said ? `: ${said}` : ''}${after}`);
  // --parsable prints "jobid" or "jobid;cluster".
  const id = r.stdout.trim().split(';')[0];
  if (!/^\d+$/.test(id)) throw new SlurmSubmitError(`sbatch ${file} printed no job id${said ? `: ${said}` : ''}${after}`);
  return id;
}

/**
 * Submits the job array, then the merge job with `--dependency=afterok:<array job id>` (it runs once every
 * task has succeeded and is cancelled if one fails). Throws {@link SlurmSubmitError}; if only the merge
 * submission fails, the message says how to submit it by hand.
 */
export async function submitJobArray(files: JobArrayFiles, run: ProcessRunner = spawnProcess): Promise<SubmittedJobArray> {
  const arrayJobId = await sbatch(run, ['--parsable', files.array]);
  const byHand = `\njob array ${arrayJobId} was submitted; submit the merge with: sbatch --dependency=afterok:${arrayJobId} ${shellQuote(files.merge)}`;
  const mergeJobId = await sbatch(run, ['--parsable', `--dependency=afterok:${arrayJobId}`, files.merge], byHand);
  return { arrayJobId, mergeJobId };
}

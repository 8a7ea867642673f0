/**
 * Helpers of the SLURM tests: `talentsim sbatch` run in this process, and the SLURM example of
 * docs/experiments.md read from the document itself (the documented command line and the two scripts
 * shown for it). The doc test checks the scripts against what the command writes; the cluster test submits
 * that same command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { shellQuote } from '../../src/experiment/slurm.js';
import { BIN, ROOT, type CliRun } from '../cli/cli-helpers.js';

/** Runs `talentsim sbatch ...args` in this process with `cwd` as the CLI's working directory. */
export async function sbatchMain(cwd: string, args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['sbatch', ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** The places the documented scripts show: working directory, node, talentsim bin. */
export const DOC_PLACES = { cwd: '/scratch/me', node: '/usr/bin/node', bin: '/opt/talentsim/bin/talentsim.js' } as const;

/** The documented example. */
export interface SlurmDocExample {
  /** Arguments after `talentsim sbatch`. */
  args: string[];
  /** The job-array script and the merge script as printed in the document. */
  array: string;
  merge: string;
}

/** Reads the SLURM section of docs/experiments.md. */
export function slurmDocExample(): SlurmDocExample {
  const doc = readFileSync(join(ROOT, 'docs', 'experiments.md'), 'utf8');
  const start = doc.indexOf('### SLURM job array');
  const end = doc.indexOf('\n### ', start + 1);
  if (start < 0 || end < 0) throw new Error('docs/experiments.md: no "### SLURM job array" section');
  const blocks = [...doc.slice(start, end).matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]);
  const line = blocks.flatMap((b) => b.split('\n')).find((l) => l.startsWith('talentsim sbatch '));
  const array = blocks.find((b) => b.startsWith('#!/bin/bash\n# talentsim job array'));
  const merge = blocks.find((b) => b.startsWith('#!/bin/bash\n# talentsim merge'));
  if (!line || !array || !merge) throw new Error('docs/experiments.md: the SLURM section lacks the sbatch command or one of its two scripts');
  if (/['"\\$]/.test(line)) throw new Error(`docs/experiments.md: keep the documented sbatch command free of quotes and $: ${line}`);
  return { args: line.trim().split(/\s+/).slice(2), array, merge };
}

/** A script written in `cwd` by this checkout's node and bin, with those places replaced by {@link DOC_PLACES}. */
export function asDocumented(script: string, cwd: string): string {
  return script
    .split(`${shellQuote(process.execPath)} ${shellQuote(BIN)}`)
    .join(`${DOC_PLACES.node} ${DOC_PLACES.bin}`)
    .split(cwd)
    .join(DOC_PLACES.cwd);
}

/** The `compare` arguments the documented command shards: its scenarios and run options, without --shards and --out. */
export function compareArgs(sbatchArgs: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sbatchArgs.length; i++) {
    const a = sbatchArgs[i];
    if (!a.startsWith('--')) out.push(a);
    else if (['--replicates', '--years', '--seed'].includes(a)) out.push(a, sbatchArgs[++i]);
    else if (['--shards', '--out', '--cpus', '--mem', '--time', '--partition', '--job-name', '--workers'].includes(a)) i++;
    else if (a !== '--npx') throw new Error(`compareArgs: unexpected option ${a} in the documented command`);
  }
  return out;
}

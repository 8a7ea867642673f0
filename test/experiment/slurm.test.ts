// The SLURM job-array scripts (exact text, quoting, validation) and their submission through a fake sbatch.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ExperimentInputError } from '../../src/experiment/errors.js';
import {
  jobArrayScripts,
  shellQuote,
  submitJobArray,
  SlurmSubmitError,
  type JobArrayOptions,
  type ProcessRunner,
} from '../../src/experiment/slurm.js';

const BASE: JobArrayOptions = {
  scenarios: ['baseline', 'cultural-identity'],
  shards: 4,
  outDir: '/scratch/me/runs/demo',
  workDir: '/scratch/me',
  talentsim: ['/usr/bin/node', '/opt/talentsim/bin/talentsim.js'],
  replicates: 40,
  years: 10,
};

describe('jobArrayScripts', () => {
  it('writes the job array: one shard per task, fail-fast, resumable, with the default resources', () => {
    expect(jobArrayScripts(BASE).array).toBe(
      [
        '#!/bin/bash',
        '# talentsim job array (written by `talentsim sbatch`): task K of 4 runs shard K/4 of the ensemble.',
        '# Submit with the merge as a dependent job:  jid=$(sbatch --parsable /scratch/me/runs/demo/talentsim-array.sbatch)',
        '#                                            sbatch --dependency=afterok:$jid /scratch/me/runs/demo/talentsim-merge.sbatch',
        '# A failed task K can be resubmitted alone (it resumes): sbatch --array=K /scratch/me/runs/demo/talentsim-array.sbatch',
        '#SBATCH --job-name=talentsim',
        '#SBATCH --array=1-4',
        '#SBATCH --cpus-per-task=1',
        '#SBATCH --mem=2G',
        '#SBATCH --time=01:00:00',
        '#SBATCH --chdir=/scratch/me',
        '#SBATCH --output=/scratch/me/runs/demo/logs/array-%A_%a.out',
        '#SBATCH --requeue',
        '',
        'set -euo pipefail',
        'out=/scratch/me/runs/demo',
        '/usr/bin/node /opt/talentsim/bin/talentsim.js compare baseline cultural-identity --replicates 40 --years 10 \\',
        '  --shard "$SLURM_ARRAY_TASK_ID/4" --workers "${SLURM_CPUS_PER_TASK:-1}" \\',
        '  --out "$out/shard-$SLURM_ARRAY_TASK_ID" --resume',
        '',
      ].join('\n'),
    );
  });

  it('writes the merge job: every shard of this array into merged/, cancelled if a task failed', () => {
    expect(jobArrayScripts(BASE).merge).toBe(
      [
        '#!/bin/bash',
        '# talentsim merge (written by `talentsim sbatch`): joins the 4 shards of the job array into merged/.',
        '# Submit after the array:  sbatch --dependency=afterok:<array job id> /scratch/me/runs/demo/talentsim-merge.sbatch',
        '#SBATCH --job-name=talentsim-merge',
        '#SBATCH --cpus-per-task=1',
        '#SBATCH --mem=2G',
        '#SBATCH --time=01:00:00',
        '#SBATCH --chdir=/scratch/me',
        '#SBATCH --output=/scratch/me/runs/demo/logs/merge-%j.out',
        '#SBATCH --kill-on-invalid-dep=yes',
        '',
        'set -euo pipefail',
        'out=/scratch/me/runs/demo',
        '/usr/bin/node /opt/talentsim/bin/talentsim.js merge "$out"/shard-{1..4} --out "$out/merged"',
        '',
      ].join('\n'),
    );
  });

  it('passes the given settings to both jobs; --workers sets the CPUs unless they are given', () => {
    const s = jobArrayScripts({ ...BASE, seed: 7, workers: 4, talentsim: ['npx', 'talentsim'], slurm: { partition: 'short', time: '02:30:00', mem: '8G', jobName: 'pathways' } });
    expect(s.array).toContain('#SBATCH --job-name=pathways\n#SBATCH --array=1-4\n#SBATCH --partition=short\n#SBATCH --cpus-per-task=4\n#SBATCH --mem=8G\n#SBATCH --time=02:30:00\n');
    expect(s.array).toContain('npx talentsim compare baseline cultural-identity --replicates 40 --years 10 --seed 7 \\\n  --shard "$SLURM_ARRAY_TASK_ID/4" --workers 4 \\');
    expect(s.merge).toContain('#SBATCH --job-name=pathways-merge\n#SBATCH --partition=short\n#SBATCH --cpus-per-task=1\n#SBATCH --mem=8G\n#SBATCH --time=02:30:00\n');
    expect(s.merge).toContain('npx talentsim merge');
    expect(jobArrayScripts({ ...BASE, workers: 4, slurm: { cpusPerTask: 2 } }).array).toContain('#SBATCH --cpus-per-task=2\n');
    const plain = jobArrayScripts({ ...BASE, replicates: undefined, years: undefined });
    expect(plain.array).toContain('compare baseline cultural-identity \\\n');
  });

  it('quotes paths and references for the shell and for #SBATCH, and keeps a literal % out of the file-name patterns', () => {
    const s = jobArrayScripts({
      ...BASE,
      scenarios: ['baseline', "my pathway's.yaml"],
      outDir: '/scratch/me/100% "runs"',
      talentsim: ['/usr/bin/node', '/home/me/my tools/bin/talentsim.js'],
    });
    expect(s.array).toContain(`out='/scratch/me/100% "runs"'\n`);
    expect(s.array).toContain(`'/home/me/my tools/bin/talentsim.js' compare baseline 'my pathway'\\''s.yaml' `);
    expect(s.array).toContain('#SBATCH --output="/scratch/me/100%% \\"runs\\"/logs/array-%A_%a.out"\n');
    expect(s.merge).toContain('#SBATCH --output="/scratch/me/100%% \\"runs\\"/logs/merge-%j.out"\n');
  });

  it('writes scripts that bash parses', () => {
    const s = jobArrayScripts({ ...BASE, scenarios: ["it's", 'a b'], outDir: "/tmp/o'd d" });
    for (const text of [s.array, s.merge]) expect(spawnSync('bash', ['-n'], { input: text }).status).toBe(0);
  });

  it('rejects bad input with every problem named', () => {
    const problems = (o: Partial<JobArrayOptions>): readonly string[] => {
      try {
        jobArrayScripts({ ...BASE, ...o });
      } catch (e) {
        if (e instanceof ExperimentInputError) return e.problems;
        throw e;
      }
      return [];
    };
    expect(problems({ shards: 0 })).toEqual(['shards: expected an integer ≥ 1, found 0']);
    expect(problems({ shards: 2.5 })).toEqual(['shards: expected an integer ≥ 1, found 2.5']);
    expect(problems({ scenarios: [] })).toEqual(['job array: give at least one scenario']);
    expect(problems({ outDir: 'runs/demo' })).toEqual(['output directory: expected an absolute path, found runs/demo']);
    expect(problems({ outDir: '/a\nb', slurm: { partition: 'x\ny', time: '' } })).toEqual([
      'output directory: SLURM cannot take a path with a backslash or a line break: "/a\\nb"',
      'partition: expected a non-empty value on one line, found "x\\ny"',
      'time: expected a non-empty value on one line, found ""',
    ]);
  });
});

describe('shellQuote', () => {
  it('gives bash back exactly the original words', () => {
    const words = ['plain', 'a b', "it's", '$HOME', '`x`', '"q"', '*', 'new\nline', '', 'back\\slash', '100%'];
    const r = spawnSync('bash', ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(words);
    expect(shellQuote('/opt/talentsim/bin/talentsim.js')).toBe('/opt/talentsim/bin/talentsim.js');
  });
});

/** A fake sbatch: records each call and answers with the next reply. */
function fakeSbatch(replies: (Partial<{ code: number; stdout: string; stderr: string }> | Error)[]) {
  const calls: string[][] = [];
  const run: ProcessRunner = async (command, args) => {
    calls.push([command, ...args]);
    const r = replies.shift() ?? {};
    if (r instanceof Error) throw r;
    return { code: r.code ?? 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  return { calls, run };
}

const FILES = { array: '/o/talentsim-array.sbatch', merge: '/o/talentsim-merge.sbatch' };

describe('submitJobArray', () => {
  it('submits the array, then the merge after it (afterok on the array job id)', async () => {
    const f = fakeSbatch([{ stdout: '4242\n' }, { stdout: '4243;cluster1\n' }]);
    expect(await submitJobArray(FILES, f.run)).toEqual({ arrayJobId: '4242', mergeJobId: '4243' });
    expect(f.calls).toEqual([
      ['sbatch', '--parsable', FILES.array],
      ['sbatch', '--parsable', '--dependency=afterok:4242', FILES.merge],
    ]);
  });

  it('says when sbatch is missing, refuses, or gives no job id', async () => {
    const enoent = Object.assign(new Error('spawn sbatch ENOENT'), { code: 'ENOENT' });
    await expect(submitJobArray(FILES, fakeSbatch([enoent]).run)).rejects.toThrow(new SlurmSubmitError('sbatch not found: is SLURM installed?'));
    await expect(submitJobArray(FILES, fakeSbatch([{ code: 1, stderr: 'sbatch: error: invalid partition specified: x\n' }]).run)).rejects.toThrow(
      `sbatch ${FILES.array} failed (exit 1): sbatch: error: invalid partition specified: x`,
    );
    await expect(submitJobArray(FILES, fakeSbatch([{ stdout: 'Submitted batch job 7\n' }]).run)).rejects.toThrow(
      `sbatch ${FILES.array} printed no job id: Submitted batch job 7`,
    );
  });

  it('if only the merge submission fails, says the array is queued and how to submit the merge', async () => {
    const f = fakeSbatch([{ stdout: '99\n' }, { code: 1, stderr: 'sbatch: error: Batch job submission failed' }]);
    await expect(submitJobArray(FILES, f.run)).rejects.toThrow(
      `sbatch ${FILES.merge} failed (exit 1): sbatch: error: Batch job submission failed\n` +
        `job array 99 was submitted; submit the merge with: sbatch --dependency=afterok:99 ${FILES.merge}`,
    );
  });
});

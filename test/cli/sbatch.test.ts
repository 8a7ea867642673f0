// `talentsim sbatch` without SLURM: the scripts it writes and its input checks (in-process `main`), and
// --submit against a fake sbatch on PATH (real binary). The real cluster run is in test/slurm/job-array.test.ts.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobArrayScripts, spawnProcess } from '../../src/experiment/slurm.js';
import { sbatchMain } from '../slurm/helpers.js';
import { BIN, tempDir } from './cli-helpers.js';

const T = 120_000;

/** Runs the real binary in `cwd` (the scripts' paths are resolved against it). */
function sbatchCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnProcess(process.execPath, [BIN, 'sbatch', ...args], { cwd, env });
}

describe('talentsim sbatch', () => {
  it('writes the job array and the merge script for the command line, atomically, and says how to submit them', async () => {
    const cwd = realpathSync(tempDir());
    const r = await sbatchMain(cwd, ['baseline', 'cultural-identity', '--shards', '3', '--replicates', '6', '--years', '4', '--seed', '9', '--mem', '3G', '--partition', 'short', '--out', 'runs/demo']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = join(cwd, 'runs', 'demo');
    const expected = jobArrayScripts({
      scenarios: ['baseline', 'cultural-identity'],
      shards: 3,
      outDir: out,
      workDir: cwd,
      talentsim: [process.execPath, BIN],
      replicates: 6,
      years: 4,
      seed: 9,
      slurm: { mem: '3G', partition: 'short' },
    });
    expect(readFileSync(join(out, 'talentsim-array.sbatch'), 'utf8')).toBe(expected.array);
    expect(readFileSync(join(out, 'talentsim-merge.sbatch'), 'utf8')).toBe(expected.merge);
    expect(readdirSync(out).sort()).toEqual(['logs', 'talentsim-array.sbatch', 'talentsim-merge.sbatch']);
    expect(r.stdout).toBe(
      `wrote ${out}/talentsim-array.sbatch (3 tasks, task K runs shard K/3) and ${out}/talentsim-merge.sbatch\n` +
        'submit both (the merge runs once every task has succeeded):\n' +
        `  jid=$(sbatch --parsable ${out}/talentsim-array.sbatch)\n` +
        `  sbatch --dependency=afterok:$jid ${out}/talentsim-merge.sbatch\n` +
        'or run this command again with --submit\n',
    );
    const npx = await sbatchMain(cwd, ['baseline', '--shards', '2', '--replicates', '2', '--npx', '--out', 'n']);
    expect(npx.code).toBe(0);
    expect(readFileSync(join(cwd, 'n', 'talentsim-array.sbatch'), 'utf8')).toContain('\nnpx talentsim compare baseline --replicates 2 \\\n');
  }, T);

  it('exits 2 on a bad shard count, an unknown scenario or more shards than replicates, and writes nothing', async () => {
    const cwd = tempDir();
    const [zero, frac, unknown, many, missing] = await Promise.all([
      sbatchMain(cwd, ['baseline', '--shards', '0', '--out', 'x']),
      sbatchMain(cwd, ['baseline', '--shards', '1.5', '--out', 'x']),
      sbatchMain(cwd, ['baseline', 'no-such-pathway', '--shards', '2', '--out', 'x']),
      sbatchMain(cwd, ['baseline', '--shards', '5', '--replicates', '4', '--out', 'x']),
      sbatchMain(cwd, ['baseline', '--out', 'x']),
    ]);
    for (const r of [zero, frac, unknown, many, missing]) expect(r.code).toBe(2);
    expect(zero.stderr).toBe('--shards: expected an integer ≥ 1, found 0\n');
    expect(frac.stderr).toBe('--shards: expected an integer ≥ 1, found 1.5\n');
    expect(unknown.stderr).toContain('no-such-pathway: unknown built-in scenario "no-such-pathway"');
    expect(many.stderr).toBe('--shards 5: more shards than replicates (4); shards 5..5 would have nothing to run\n');
    expect(missing.stderr).toContain('Missing required argument: shards');
    expect(existsSync(join(cwd, 'x'))).toBe(false);
  }, T);

  it('--submit submits the array, then the merge depending on it, and prints both job ids; without sbatch it exits 1', async () => {
    const cwd = realpathSync(tempDir());
    const bin = join(cwd, 'fake-bin');
    const empty = join(cwd, 'empty-path');
    mkdirSync(bin);
    mkdirSync(empty);
    const log = join(cwd, 'sbatch-calls.txt');
    // A fake sbatch: logs its arguments and answers like `sbatch --parsable` (job ids 501, then 502).
    writeFileSync(join(bin, 'sbatch'), `#!/bin/sh\necho "$*" >> '${log}'\nif [ -f '${log}.1' ]; then echo 502; else : > '${log}.1'; echo '501;cluster'; fi\n`);
    chmodSync(join(bin, 'sbatch'), 0o755);
    const args = ['baseline', '--shards', '2', '--replicates', '2', '--submit', '--out'];
    const [r, none] = await Promise.all([
      sbatchCli(cwd, [...args, 'o'], { ...process.env, PATH: `${bin}:/usr/bin:/bin` }),
      sbatchCli(cwd, [...args, 'p'], { ...process.env, PATH: empty }),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = join(cwd, 'o');
    expect(readFileSync(log, 'utf8')).toBe(`--parsable ${out}/talentsim-array.sbatch\n--parsable --dependency=afterok:501 ${out}/talentsim-merge.sbatch\n`);
    expect(r.stdout).toContain('submitted job array 501 (2 tasks) and merge job 502 (--dependency=afterok:501)\n');
    expect(r.stdout).toContain(`merged outputs in ${out}/merged\n`);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('error: sbatch not found: is SLURM installed?\n');
    expect(existsSync(join(cwd, 'p', 'talentsim-array.sbatch'))).toBe(true);
  }, T);

  it('is listed in the help', async () => {
    const r = await spawnProcess(process.execPath, [BIN, '--help']);
    expect(r.stdout).toContain('talentsim sbatch <scenarios..>');
  }, T);
});

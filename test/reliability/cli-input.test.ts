// Issue 17 through the real binary: bad scenario files of every kind are each refused with the file and
// path named while the others are still checked (items 6-8, 11-13, 17); `--out ""` and count options of
// every command are validated alike (items 9, 10); --workers is capped with a warning (15); user-correctable
// conditions exit 2 in words (16); `--shard -1/3` is reported as a bad shard (19).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyScenarios } from '../cli/cli-helpers.js';
import { cli, manifestOf, temp, TOY_MODEL } from './helpers.js';

const T = 180_000;

describe('issue 17 items 6-8, 11-13, 17: validate refuses every bad file by name and goes on', () => {
  it('names each problem, never hangs or crashes, never echoes a non-scenario file, and still checks the later files', async () => {
    const dir = temp();
    const own = join(dir, 'own');
    mkdirSync(own);
    const file = (name: string, text: string) => {
      writeFileSync(join(own, name), text);
      return join(own, name);
    };
    const fifo = join(own, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    let keys = 'name: many\nparameters:\n';
    for (let i = 0; i < 40_000; i++) keys += `  k${i}: 1\n`;
    const files = {
      long: file('long.yaml', `name: long\npolicies:\n  - lever: care_relief\n    value: "${Array(3000).fill('t').join('+')}"\n`),
      big: file('big.yaml', `name: big\n# ${'x'.repeat(2 * 1024 * 1024)}\n`),
      keys: file('keys.yaml', keys),
      set: file('set.yaml', 'name: set\nparameters: !!set\n  ? anything\n'),
      newline: file('newline.yaml', 'name: "a\\nb"\n'),
      passwd: file('passwd.yaml', 'name: passwd\nextends: /etc/passwd\n'),
      up: file('up.yaml', 'name: up\nextends: ../shared/parent.yaml\n'),
      dup: file('dup.yaml', 'name: dup\nyears: 3\nyears: 4\n'),
      ok: file('ok.yaml', 'extends: baseline\nname: fine\n'),
    };
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'parent.yaml'), 'extends: baseline\nname: parent\nyears: 4\n');
    const r = await cli(['validate', files.long, '/dev/zero', fifo, files.big, files.keys, files.set, files.newline, files.passwd, files.up, files.dup, files.ok], { timeoutMs: 60_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    const err = r.stderr;
    expect(err).toContain(`${files.long}: policies[0].value: invalid expression`);
    expect(err).toContain('expression too long (5999 characters; at most 500)');
    expect(err).toContain('/dev/zero: not a regular file (a character device)');
    expect(err).toContain(`${fifo}: not a regular file (a FIFO (named pipe))`);
    expect(err).toContain(`${files.big}: file too large (2.0 MiB; a scenario file may have at most 1 MiB)`);
    expect(err).toContain(`${files.keys}: too many YAML values (more than 10000)`);
    expect(err).toContain(`${files.set}: parameters: the YAML tag !!set is not allowed`);
    expect(err).toContain(`${files.newline}: name: expected a name of 1 to 100 printable characters; found "a\\nb"`);
    expect(err).toContain(`${files.passwd}: extends: "/etc/passwd" is outside the folders a scenario may extend from`);
    expect(err).toContain(`${files.up}: extends: "../shared/parent.yaml" is outside the folders`);
    expect(err).toContain(`${files.dup}: years: duplicate key \`years\` (line 3, column 1), first given at line 2`);
    expect(err).not.toMatch(/root:|daemon|Maximum call stack/);
    expect(r.stdout).toBe(`${files.ok}: ok (fine)\n`);

    const allowed = await cli(['validate', files.up, files.big, '--scenario-path', join(dir, 'shared'), '--max-scenario-bytes', String(3 * 1024 * 1024)]);
    expect(allowed.stdout).toBe(`${files.up}: ok (up)\n${files.big}: ok (big)\n`);
    expect(allowed.code).toBe(0);
  }, T);
});

describe('issue 17 items 9, 10, 16, 19: options validated alike, exit 2 in words', () => {
  it('refuses --out "" and an --out that is a file, before running anything', async () => {
    const dir = temp();
    const { base } = tinyScenarios(dir);
    const empty = await cli(['run', base, '--out', '', '--workers', '1', '--model', TOY_MODEL]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('--out: expected a folder path, found ""\n');
    expect(empty.stdout).toBe('');
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const onFile = await cli(['run', base, '--out', file, '--workers', '1', '--model', TOY_MODEL]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toBe(`${file}: is a file, not a folder; give a folder for the outputs (it is created if missing)\n`);
  }, T);

  it('refuses bad counts of patterns and sensitivity like those of run (exit 2, the option named)', async () => {
    for (const v of ['0', '-1', 'abc', '1.5']) {
      const r = await cli(['patterns', '--replicates', v]);
      expect(r.code, `--replicates ${v}: ${r.stdout}`).toBe(2);
      expect(r.stderr).toMatch(/^--replicates: expected an integer from 2 to 10000, found (0|-1|NaN|1\.5)\n$/);
      expect(r.stdout).toBe('');
    }
    const levels = await cli(['sensitivity', 'baseline', '--levels', '3', '--quiet']);
    expect(levels.code).toBe(2);
    expect(levels.stderr).toBe('--levels: expected an even integer from 2 to 1000, found 3\n');
  }, T);

  it('reports --shard -1/3 as a bad shard, not as an unknown argument', async () => {
    const dir = temp();
    const { base } = tinyScenarios(dir);
    const r = await cli(['run', base, '--shard', '-1/3', '--out', join(dir, 'o'), '--model', TOY_MODEL]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--shard: expected K/N such as 2/8, found "-1/3"\n');
  }, T);
});

describe('issue 17 item 15: --workers is capped at the tasks, the cores and the memory, with a warning', () => {
  it('starts no more threads than tasks and cores, says so, and gives the same bytes', async () => {
    const dir = temp();
    const { base } = tinyScenarios(dir);
    const run = (out: string, workers: string) => cli(['run', base, '--out', join(dir, out), '--workers', workers, '--replicates', '12', '--quiet', '--model', TOY_MODEL]);
    const [many, one] = [await run('many', '1024'), await run('one', '1')];
    expect(many.code, many.stderr).toBe(0);
    expect(one.code).toBe(0);
    const used = manifestOf(join(dir, 'many')).workers as number;
    expect(used).toBeLessThanOrEqual(Math.min(12, availableParallelism()));
    if (used < 12) expect(many.stderr).toMatch(new RegExp(`^warning: workers: 1024 asked for, using ${used} \\(`));
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, 'many', 'series.csv'), 'utf8')).toBe(readFileSync(join(dir, 'one', 'series.csv'), 'utf8'));
  }, T);
});

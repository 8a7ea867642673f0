// Issue 17, item 18 (second half): merge's copy step is durable — each part is written to a temp name,
// fsynced, renamed over its final name, and the folder fsynced — seen in the system calls of the real
// binary (strace; skipped with the reason printed where strace is not installed — CI installs it).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyScenarios } from '../cli/cli-helpers.js';
import { BIN, cli, ROOT, temp, TOY_MODEL } from './helpers.js';

function hasStrace(): boolean {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('issue 17 item 18: merge copies parts durably', () => {
  it('fsyncs each copied part before renaming it over its final name, and then its folder', async (ctx) => {
    if (!hasStrace()) {
      const why = 'skipped: the durable-copy test reads system calls with strace, which is not installed (apt-get install strace)';
      console.warn(why);
      ctx.skip(why);
    }
    const dir = temp();
    const { base } = tinyScenarios(dir);
    for (const k of [1, 2]) {
      const r = await cli(['run', base, '--out', join(dir, `s${k}`), '--shard', `${k}/2`, '--workers', '1', '--replicates', '4', '--quiet', '--model', TOY_MODEL]);
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = join(dir, 'merged');
    const log = join(dir, 'strace.log');
    execFileSync('strace', ['-f', '-y', '-qq', '-e', 'trace=fsync,fdatasync,rename,renameat,renameat2', '-o', log, process.execPath, BIN, 'merge', join(dir, 's1'), join(dir, 's2'), '--out', merged, '--no-report', '--quiet'], { cwd: ROOT, stdio: 'ignore' });
    const lines = readFileSync(log, 'utf8').split('\n');
    const synced = (path: string, before: number) => lines.slice(0, before).some((l) => /\bf(data)?sync\(\d+</.test(l) && l.includes(`<${path}>`));
    const syncedAfter = (path: string, after: number) => lines.slice(after).some((l) => /\bf(data)?sync\(\d+</.test(l) && l.includes(`<${path}>`));
    let copies = 0;
    lines.forEach((l, i) => {
      if (!/\brename(at2?)?\(/.test(l) || / = -1 /.test(l)) return;
      const paths = [...l.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      const [from, to] = paths.slice(-2);
      if (!to || !/\/merged\/parts\/baseline\/\d+\.csv$/.test(to)) return;
      copies++;
      expect(synced(from, i), `fsync of ${from} before its rename`).toBe(true);
      expect(syncedAfter(join(merged, 'parts', 'baseline'), i), `fsync of the folder after renaming ${to}`).toBe(true);
    });
    expect(copies).toBe(4);
  }, 180_000);
});

// Issue 17, items 1 and 16 through the real binary on small tmpfs mounts (root only; skipped with the
// reason printed otherwise — CI runs as root): on a full disk a rerun, a resume and a fresh run exit 1
// saying "disk full" and naming the file, and no file under a final name is incomplete; on a read-only
// mount the cause is "read-only file system", not ENOENT.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyOutputs } from '../../src/experiment/integrity.js';
import { readPartFile } from '../../src/experiment/parts.js';
import { cli, mountTmpfs, requireRoot, temp, tinyScenarioFile } from './helpers.js';

const T = 120_000;

/** Every file under `dir` (relative paths), temp files included. */
function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

/** Asserts that nothing incomplete stands under a final name in `out`: outputs match the manifest, parts their trailers, no temp files. */
async function nothingIncomplete(out: string): Promise<void> {
  if (existsSync(join(out, 'manifest.json'))) await verifyOutputs(out);
  const files = allFiles(out);
  expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  for (const f of files.filter((p) => /^parts\/[^/]+\/\d+\.csv$/.test(p))) {
    const r = await readPartFile(join(out, f), { unit: (await import('node:fs')).readFileSync(join(out, f), 'utf8').match(/unit=(\S+)/)?.[1] ?? '' });
    expect(r.ok, `${f}: ${r.ok ? '' : r.message}`).toBe(true);
  }
}

describe('issue 17 item 1: a full disk never truncates outputs silently', () => {
  it('exits 1 with "disk full" and the file named on a rerun and a resume, leaving complete files only', async (ctx) => {
    requireRoot(ctx, 'the full-disk test');
    // 20 replicates of a 4-village county over 3 years: parts about 220 KiB, series.csv about 165 KiB —
    // the first run fits in 512 KiB, a second copy of series.csv does not.
    const disk = mountTmpfs(512 * 1024);
    try {
      const scenario = tinyScenarioFile(temp(), 'tiny', { years: 3, replicates: 20 });
      const out = join(disk.dir, 'x');
      const args = ['run', scenario, '--out', out, '--workers', '1', '--quiet'];
      const first = await cli(args);
      expect(first.code, first.stderr).toBe(0);
      for (const extra of [[], ['--resume']]) {
        const again = await cli([...args, ...extra]);
        expect(again.code, again.stdout + again.stderr).toBe(1);
        expect(again.stderr).toMatch(/cannot write .*x\/series\.csv: disk full \(no space left on the device\) \[ENOSPC\]/);
        expect(again.stdout).not.toContain('wrote');
        await nothingIncomplete(out);
      }
    } finally {
      disk.unmount();
    }
  }, T);

  it('exits 1 on a fresh run into a disk too small, with no output under its final name, whatever the workers', async (ctx) => {
    requireRoot(ctx, 'the full-disk test');
    const disk = mountTmpfs(128 * 1024);
    try {
      const scenario = tinyScenarioFile(temp(), 'tiny', { years: 3, replicates: 20 });
      const out = join(disk.dir, 'x');
      const r = await cli(['run', scenario, '--out', out, '--workers', '2', '--quiet']);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      // The parts no longer fit: the run stops (a full disk is not a failed replicate).
      expect(r.stderr).toMatch(/cannot write .*x\/parts\/tiny\/\d+\.csv: disk full/);
      expect(r.stderr).not.toContain('failed: scenario');
      expect(existsSync(join(out, 'series.csv'))).toBe(false);
      expect(existsSync(join(out, 'manifest.json'))).toBe(false);
      await nothingIncomplete(out);
    } finally {
      disk.unmount();
    }
  }, T);
});

describe('issue 17 item 16: the cause of a failure is the true one', () => {
  it('says "read-only file system" (exit 1) for --out on a read-only mount', async (ctx) => {
    requireRoot(ctx, 'the read-only mount test');
    const disk = mountTmpfs(1024 * 1024, { readOnly: true });
    try {
      const scenario = tinyScenarioFile(temp(), 'tiny', { years: 2, replicates: 2 });
      const r = await cli(['run', scenario, '--out', join(disk.dir, 'x'), '--workers', '1', '--quiet']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/read-only file system \[EROFS\]/);
      expect(r.stderr).toContain(join(disk.dir, 'x'));
      expect(r.stderr).not.toContain('ENOENT');
    } finally {
      disk.unmount();
    }
  }, T);
});

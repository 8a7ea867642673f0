/**
 * Helpers for the reliability tests (issue 17): the real binary with a time limit, small tmpfs mounts for
 * the full-disk and read-only cases (root only: otherwise the test is skipped, saying why), tiny scenario
 * files, and reading manifests.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, TOY_MODEL, type CliRun } from '../cli/cli-helpers.js';

export { BIN, ROOT, TOY_MODEL };

/** True when the tests run as root (CI does): tmpfs mounts are possible. */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

/** Skips the test (printing why) unless running as root. */
export function requireRoot(ctx: { skip: (note?: string) => void }, what: string): void {
  if (IS_ROOT) return;
  const why = `skipped: ${what} needs root to mount a small tmpfs (run the tests as root, as CI does)`;
  console.warn(why);
  ctx.skip(why);
}

/** A mounted tmpfs of `bytes` (read-only if asked); `unmount` removes it. */
export interface Tmpfs {
  dir: string;
  unmount(): void;
}

/** Mounts a tmpfs of `bytes` bytes on a fresh temp folder (root only). */
export function mountTmpfs(bytes: number, options: { readOnly?: boolean } = {}): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'talentsim-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}${options.readOnly ? ',ro' : ''}`, 'tmpfs', dir]);
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `node bin/talentsim.js ...args`, killing it after `timeoutMs` (then `code` is null and `timedOut` true). */
export function cli(args: readonly string[], options: { env?: Record<string, string>; timeoutMs?: number; cwd?: string } = {}): Promise<CliRun & { timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** A fresh temp folder. */
export function temp(prefix = 'talentsim-rel-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a scenario file of the talent model: a 4-village county, `years` years, `replicates` replicates. */
export function tinyScenarioFile(dir: string, name = 'tiny', opts: { years?: number; replicates?: number; extra?: string } = {}): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(
    path,
    `extends: baseline\nname: ${name}\nyears: ${opts.years ?? 3}\nreplicates: ${opts.replicates ?? 4}\ncounty:\n  villages: 4\n  population: 4000\n${opts.extra ?? ''}`,
  );
  return path;
}

/** Parsed manifest.json of an output folder. */
export function manifestOf(dir: string): Record<string, unknown> & { files?: Record<string, { bytes: number; sha256: string }> } {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

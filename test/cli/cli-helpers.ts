/** Helpers for CLI tests: spawn the real binary or capture main()'s output in process, write tiny scenarios, read output bytes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { spawnProcess } from '../../src/experiment/slurm.js';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The real binary. */
export const BIN = join(ROOT, 'bin', 'talentsim.js');
/** The toy model module (for failure and kill tests that must not depend on the real model's speed). */
export const TOY_MODEL = join(ROOT, 'test', 'fixtures', 'toy-model.mjs');

/** What a finished CLI process gave back. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A CliIo for main() in process that keeps what it prints; `place` sets the working directory (default: the
 * repository root, as for {@link talentsim}) and the terminal facts (default: no terminal).
 */
export function captureIo(place: Partial<Pick<CliIo, 'cwd' | 'columns' | 'stderrIsTTY'>> = {}): CliIo & { out: string; err: string } {
  const io = { cwd: ROOT, ...place, out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/** Runs `node bin/talentsim.js ...args` to completion. */
export function talentsim(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return spawnProcess(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
}

/** A fresh temp directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'talentsim-cli-'));
}

/** Writes tiny scenarios (3 villages, 3 years, 3 replicates) extending two built-ins; returns their paths. */
export function tinyScenarios(dir: string): { base: string; fort: string } {
  const body = (ext: string, name: string) =>
    `extends: ${ext}\nname: ${name}\ndescription: tiny test county (${ext})\nyears: 3\nreplicates: 3\ncounty:\n  villages: 3\n  population: 3000\n`;
  const base = join(dir, 'tiny.yaml');
  const fort = join(dir, 'tiny-fort.yaml');
  writeFileSync(base, body('baseline', 'baseline'));
  writeFileSync(fort, body('organizational-fortification', 'tiny-fort'));
  return { base, fort };
}

/** The bytes of the deterministic outputs of a directory. */
export function outputs(dir: string, files = ['series.csv', 'comparison.csv', 'summary.json']): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

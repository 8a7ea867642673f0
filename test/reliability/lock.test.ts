// Issue 17, items 2 and 18 through the real binary: an exclusive lock on the output folder (a second run
// exits 2 naming the owner; a stale lock of a dead process is taken over), and the temp files a killed run
// left are removed by the next run in that folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/experiment/lock.js';
import { outputs, tinyScenarios } from '../cli/cli-helpers.js';
import { BIN, cli, manifestOf, ROOT, temp, TOY_MODEL } from './helpers.js';

const T = 180_000;

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((res) => child.on('exit', res));
  return child.pid!;
}

async function until(what: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!what()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((res) => setTimeout(res, 20));
  }
}

describe('issue 17 item 2: an exclusive lock on the output folder', () => {
  it('makes a second run on the same --out exit 2 naming the first, which finishes with its own replicates only', async () => {
    const dir = temp();
    const { base } = tinyScenarios(dir);
    const out = join(dir, 'out');
    const args = (seed: string) => ['run', base, '--out', out, '--workers', '1', '--replicates', '4', '--seed', seed, '--quiet', '--model', TOY_MODEL];
    const gate = join(dir, 'go'); // the first run's replicates wait for this file: it holds the lock until then
    const first = spawn(process.execPath, [BIN, ...args('1')], { cwd: ROOT, env: { ...process.env, TOY_WAIT_FOR: gate }, stdio: ['ignore', 'pipe', 'pipe'] });
    const firstDone = new Promise<number | null>((res) => first.on('exit', (code) => res(code)));
    await until(() => existsSync(join(out, LOCK_FILE)) && readFileSync(join(out, LOCK_FILE), 'utf8').endsWith('\n'));
    const owner = JSON.parse(readFileSync(join(out, LOCK_FILE), 'utf8'));
    expect(owner).toMatchObject({ pid: first.pid, host: hostname() });
    const second = await cli(args('7'));
    writeFileSync(gate, '');
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`${out}: in use by another talentsim run (pid ${first.pid} on ${hostname()}`);
    expect(await firstDone).toBe(0);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    const seeds = new Set(readFileSync(join(out, 'series.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[2]));
    expect([...seeds]).toEqual(['1']);
    expect((manifestOf(out).scenarios as { seed: number }[])[0].seed).toBe(1);
  }, T);

  it('takes over a stale lock of a dead process on this host, and refuses one held on another host', async () => {
    const dir = temp();
    const { base } = tinyScenarios(dir);
    const out = join(dir, 'out');
    mkdirSync(out);
    const args = ['run', base, '--out', out, '--workers', '1', '--replicates', '2', '--quiet', '--model', TOY_MODEL];
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: 999_999_999, host: 'another-machine', started: '2020-01-01T00:00:00.000Z' }));
    const refused = await cli(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`pid 999999999 on another-machine`);
    expect(refused.stderr).toContain(`delete ${join(out, LOCK_FILE)}`);
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: await deadPid(), host: hostname(), started: '2020-01-01T00:00:00.000Z' }));
    const taken = await cli(args);
    expect(taken.code, taken.stderr).toBe(0);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  }, T);
});

describe('issue 17 item 18: temp files left by kill -9 are removed at the next run in that folder', () => {
  it('resumes after kill -9 (taking over its lock), removes the temp files it left, and ends with the bytes of an uninterrupted run', async () => {
    const dir = temp();
    const { base, fort } = tinyScenarios(dir);
    const args = (out: string) => ['compare', base, fort, '--out', out, '--workers', '1', '--replicates', '6', '--no-report', '--quiet', '--model', TOY_MODEL];
    const whole = join(dir, 'whole');
    expect((await cli(args(whole))).code).toBe(0);
    const out = join(dir, 'killed');
    const child = spawn(process.execPath, [BIN, ...args(out)], { cwd: ROOT, env: { ...process.env, TOY_SLOW_MS: '200' }, stdio: 'ignore' });
    const exited = new Promise((res) => child.on('exit', res));
    const parts = join(out, 'parts', 'baseline');
    await until(() => existsSync(parts) && readdirSync(parts).filter((f) => /^\d+\.csv$/.test(f)).length >= 2);
    child.kill('SIGKILL');
    await exited;
    expect(JSON.parse(readFileSync(join(out, LOCK_FILE), 'utf8')).pid).toBe(child.pid); // left behind by kill -9
    // What a write cut by kill -9 leaves: a temp file beside its target (older than the next run).
    const leftovers = [join(parts, `.5.csv.${child.pid}.0badcafe.tmp`), join(out, `.series.csv.${child.pid}.0badf00d.tmp`)];
    for (const f of leftovers) {
      writeFileSync(f, 'scenario,replicate,seed,year,metric,val');
      utimesSync(f, new Date(Date.now() - 5_000), new Date(Date.now() - 5_000));
    }
    const resumed = await cli([...args(out), '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    for (const f of leftovers) expect(existsSync(f), f).toBe(false);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    expect(outputs(out)).toEqual(outputs(whole));
  }, T);
});

// End-to-end tests of the real binary (node bin/talentsim.js, built into dist/ by `npm run build`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOY_MODEL, outputs, talentsim, tempDir, tinyScenarios } from './cli-helpers.js';

// Spawned processes load the model and mathjs; generous timeouts keep the suite stable on a loaded 2-core box.
const T = 120_000;

describe('talentsim CLI: help and usage', () => {
  it('prints help with every command and exits 0', async () => {
    const r = await talentsim(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['run', 'compare', 'validate', 'list', 'describe', 'schema', 'merge', 'report']) expect(r.stdout).toContain(`talentsim ${c}`);
  }, T);

  it('exits 2 on an unknown command, without a stack trace', async () => {
    const r = await talentsim(['bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument: bogus');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, T);

  it('exits 2 on a missing argument and on a bad option value', async () => {
    const [a, b, c] = await Promise.all([
      talentsim(['run']),
      talentsim(['run', 'baseline', '--years', 'abc']),
      talentsim(['run', 'baseline', '--shard', '4/3']),
    ]);
    expect(a.code).toBe(2);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--years: expected an integer');
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('shard index must be an integer from 1 to 3');
  }, T);
});

describe('talentsim CLI: scenario commands', () => {
  it('lists the built-in scenarios with descriptions', async () => {
    const r = await talentsim(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^baseline\s+Current policy/m);
    expect(r.stdout).toMatch(/^organizational-fortification\s+\S/m);
  }, T);

  it('describes a scenario as resolved YAML and prints the JSON Schema', async () => {
    const [d, s] = await Promise.all([talentsim(['describe', 'baseline']), talentsim(['schema'])]);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^name: baseline$/m);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toHaveProperty('type', 'object');
  }, T);

  it('validates good files with exit 0 and prints every problem of bad ones with exit 2', async () => {
    const dir = tempDir();
    const { base } = tinyScenarios(dir);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'extends: baseline\nname: bad\nyeras: 3\nreplicates: -1\n');
    const ok = await talentsim(['validate', base]);
    expect(ok.code).toBe(0);
    const r = await talentsim(['validate', base, bad]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(r.stderr).toContain('yeras');
    expect(r.stderr).toContain('replicates');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, T);

  it('exits 2 when run is given a scenario that does not exist', async () => {
    const r = await talentsim(['run', 'no-such-scenario', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown built-in scenario "no-such-scenario"');
  }, T);
});

describe('talentsim CLI: run, compare, merge, report (real model, tiny county)', () => {
  it('runs a scenario and writes series.csv, summary.json and manifest.json', async () => {
    const dir = tempDir();
    const { base } = tinyScenarios(dir);
    const out = join(dir, 'out');
    const r = await talentsim(['run', base, '--out', out, '--workers', '1', '--seed', '5']);
    expect(r.code).toBe(0);
    const series = readFileSync(join(out, 'series.csv'), 'utf8');
    expect(series.split('\n')[0]).toBe('scenario,replicate,seed,year,metric,value');
    expect(series).toContain('\nbaseline,2,5,2028,members_full,');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.command).toContain('talentsim run');
    expect(manifest.node).toBe(process.version);
    expect(manifest.scenarios[0]).toMatchObject({ name: 'baseline', seed: 5, replicates: 3 });
  }, T);

  it('compares scenarios: table against baseline, comparison.csv, and the same bytes with 1 or 2 workers', async () => {
    const dir = tempDir();
    const { base, fort } = tinyScenarios(dir);
    const [a, b] = await Promise.all([
      talentsim(['compare', base, fort, '--out', join(dir, 'a'), '--workers', '1', '--no-report']),
      talentsim(['compare', base, fort, '--out', join(dir, 'b'), '--workers', '2', '--no-report']),
    ]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).toContain('Outcomes in 2028');
    expect(a.stdout).toMatch(/members_full/);
    expect(a.stdout).toMatch(/tiny-fort\s+\S+\s+[+-]?[\d.]+ \[/);
    expect(outputs(join(dir, 'b'))).toEqual(outputs(join(dir, 'a')));
    expect(existsSync(join(dir, 'a', 'report.html'))).toBe(false);
  }, T);

  it('merges CLI shards into the unsharded outputs, and refuses an incomplete set with exit 2', async () => {
    const dir = tempDir();
    const { base, fort } = tinyScenarios(dir);
    const runs = await Promise.all([
      talentsim(['compare', base, fort, '--out', join(dir, 'whole'), '--workers', '1', '--no-report', '--quiet']),
      talentsim(['compare', base, fort, '--out', join(dir, 's1'), '--workers', '1', '--shard', '1/2']),
      talentsim(['compare', base, fort, '--out', join(dir, 's2'), '--workers', '1', '--shard', '2/2']),
    ]);
    for (const r of runs) expect(r.code).toBe(0);
    expect(runs[1].stdout).toContain('shard 1/2');
    const m = await talentsim(['merge', join(dir, 's1'), join(dir, 's2'), '--out', join(dir, 'merged'), '--no-report']);
    expect(m.code).toBe(0);
    expect(outputs(join(dir, 'merged'))).toEqual(outputs(join(dir, 'whole')));
    const bad = await talentsim(['merge', join(dir, 's1'), '--out', join(dir, 'bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('shard 2/2 is missing');
  }, T);

  it('writes the report with compare and rebuilds it with `report`; `report` on a non-output dir exits 2', async () => {
    const dir = tempDir();
    const { base, fort } = tinyScenarios(dir);
    const out = join(dir, 'out');
    const r = await talentsim(['compare', base, fort, '--out', out, '--workers', '1', '--quiet']);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    const again = await talentsim(['report', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('report.html');
    const empty = await talentsim(['report', tempDir()]);
    expect(empty.code).toBe(2);
  }, T);

  it('exits 2 on --resume when the scenario changed since the parts were written', async () => {
    const dir = tempDir();
    const { base } = tinyScenarios(dir);
    const out = join(dir, 'out');
    expect((await talentsim(['run', base, '--out', out, '--workers', '1', '--replicates', '1'])).code).toBe(0);
    const r = await talentsim(['run', base, '--out', out, '--workers', '1', '--replicates', '1', '--years', '2', '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run without --resume');
  }, T);
});

describe('talentsim CLI: failures and interruption (toy model)', () => {
  it('exits 1 when a replicate throws, reports it, and keeps the others', async () => {
    const dir = tempDir();
    const { base } = tinyScenarios(dir);
    const out = join(dir, 'out');
    const r = await talentsim(['run', base, '--out', out, '--workers', '2', '--replicates', '4', '--model', TOY_MODEL], { TOY_FAIL: 'baseline:1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('failed: scenario baseline replicate 1 (seed 1): toy failure in replicate 1');
    expect(JSON.parse(readFileSync(join(out, 'failures.json'), 'utf8'))).toHaveLength(1);
    const reps = new Set(readFileSync(join(out, 'series.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]));
    expect([...reps].sort()).toEqual(['0', '2', '3']);
  }, T);

  it('resumes after kill -9 in the middle and ends with the bytes of an uninterrupted run', async () => {
    const dir = tempDir();
    const { base, fort } = tinyScenarios(dir);
    const args = (out: string) => ['compare', base, fort, '--out', out, '--workers', '1', '--replicates', '8', '--no-report', '--quiet', '--model', TOY_MODEL];
    const whole = join(dir, 'whole');
    expect((await talentsim(args(whole))).code).toBe(0);

    const out = join(dir, 'killed');
    const { spawn } = await import('node:child_process');
    const { BIN, ROOT } = await import('./cli-helpers.js');
    const child = spawn(process.execPath, [BIN, ...args(out)], { cwd: ROOT, env: { ...process.env, TOY_SLOW_MS: '150' }, stdio: 'ignore' });
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    const partsDone = () => {
      let n = 0;
      for (const unit of ['baseline', 'tiny-fort']) for (let r = 0; r < 8; r++) if (existsSync(join(out, 'parts', unit, `${r}.csv`))) n++;
      return n;
    };
    const deadline = Date.now() + 60_000;
    while (partsDone() < 3 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
    child.kill('SIGKILL');
    await exited;
    const before = partsDone();
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(16); // killed in the middle, not after the end
    expect(existsSync(join(out, 'series.csv'))).toBe(false);

    const resumed = await talentsim([...args(out), '--resume']);
    expect(resumed.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.replicatesResumed).toBe(before);
    expect(manifest.replicatesComputed).toBe(16 - before);
    expect(outputs(out)).toEqual(outputs(whole));
  }, T);
});

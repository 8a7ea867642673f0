// Per-group outputs (groups.csv for a model that does not name its groups; villages.csv for talentsim):
// tidy rows whose group values add up to the series, byte-identical with any workers, shards and resume.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensemble } from '../../src/experiment/ensemble.js';
import { mergeShards } from '../../src/experiment/merge.js';
import { TOY_MODEL, tempDir, toyScenarios } from './toy.js';

const read = (dir: string, f = 'groups.csv') => readFileSync(join(dir, f), 'utf8');

describe('per-group output', () => {
  it('writes one row per replicate, year, group and metric, summing to the series', async () => {
    const dir = tempDir();
    const res = await ensemble(toyScenarios().slice(0, 2), { model: TOY_MODEL, workers: 1, outDir: dir, replicates: 2, perGroup: true });
    expect(res.files).toContain(join(dir, 'groups.csv'));
    const lines = read(dir).trim().split('\n');
    expect(lines[0]).toBe('scenario,replicate,year,group,metric,value');
    expect(lines.length - 1).toBe(2 * 2 * 5 * 4 * 3); // scenarios × replicates × years × groups × metrics
    const series = read(dir, 'series.csv').trim().split('\n').slice(1).map((l) => l.split(','));
    const total = (sc: string, r: number, y: number) =>
      lines.slice(1).map((l) => l.split(',')).filter((f) => f[0] === sc && f[1] === String(r) && f[2] === String(y) && f[4] === 'total').reduce((s, f) => s + Number(f[5]), 0);
    for (const f of series.filter((x) => x[4] === 'total')) expect(total(f[0], Number(f[1]), Number(f[3]))).toBe(Number(f[5]));
  });

  it('is byte-identical with 1 or 2 workers, split into shards and merged, and resumed after a lost part', async () => {
    const opts = { model: TOY_MODEL, replicates: 3, perGroup: { metrics: ['total'] } } as const;
    const [a, b, s1, s2, m] = [tempDir(), tempDir(), tempDir(), tempDir(), tempDir()];
    await ensemble(toyScenarios(), { ...opts, workers: 1, outDir: a });
    await ensemble(toyScenarios(), { ...opts, workers: 2, outDir: b });
    expect(read(b)).toBe(read(a));
    expect(read(a).split('\n')[1]).toMatch(/^baseline,0,2025,0,total,\d+$/);
    await ensemble(toyScenarios(), { ...opts, workers: 1, outDir: s1, shard: { index: 1, count: 2 } });
    await ensemble(toyScenarios(), { ...opts, workers: 1, outDir: s2, shard: { index: 2, count: 2 } });
    await mergeShards([s1, s2], m);
    expect(read(m)).toBe(read(a));
    rmSync(join(a, 'parts', 'boost', '1.groups.csv'));
    const resumed = await ensemble(toyScenarios(), { ...opts, workers: 1, outDir: a, resume: true });
    expect(resumed.computed).toBe(1); // only the replicate whose per-group part was lost
    expect(read(a)).toBe(read(b));
  });

  it('needs an output directory and known metrics', async () => {
    await expect(ensemble(toyScenarios(), { model: TOY_MODEL, workers: 1, perGroup: true })).rejects.toThrow(/needs an output directory/);
    await expect(ensemble(toyScenarios(), { model: TOY_MODEL, workers: 1, outDir: tempDir(), perGroup: { metrics: ['nope'] } })).rejects.toThrow(/unknown metric\(s\) nope/);
  });
});

// sweep: a grid or Latin hypercube over factors, each point named by its values, compared with the
// scenario as given (the reference point) on common random numbers; resumable and shardable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/experiment/merge.js';
import { sweep } from '../../src/experiment/sweep.js';
import { TOY_MODEL, tempDir, toyScenario } from './toy.js';

const files = (dir: string) => Object.fromEntries(['series.csv', 'sweep.csv', 'sweep-summary.csv', 'summary.json'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('sweep', () => {
  it('writes sweep.csv (point × metric × year) and sweep-summary.csv (horizon) against the reference, with factor columns', async () => {
    const dir = tempDir();
    const base = toyScenario('base', { replicates: 3, parameters: { toy_effect: 0 } });
    const res = await sweep(base, { grid: { toy_effect: [0, 0.5] } }, { model: TOY_MODEL, workers: 1, outDir: dir });
    expect(res.plan.units.map((u) => u.scenario.name)).toEqual(['reference', 'toy_effect=0', 'toy_effect=0.5']);
    const lines = readFileSync(join(dir, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('point,toy_effect,metric,year,n,mean,sd,ci_low,ci_high,diff,diff_ci_low,diff_ci_high,p_better');
    expect(lines.length - 1).toBe(3 * 3 * 5); // 3 points × 3 metrics × 5 years
    // The reference has no differences; the point equal to it differs by exactly 0 (CRN); `top` has no direction.
    expect(lines[1]).toMatch(/^reference,0,total,2025,3,[\d.]+,[\d.]+,[\d.]+,[\d.]+,,,,$/);
    const summary = readFileSync(join(dir, 'sweep-summary.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(summary.map((f) => `${f[0]}/${f[2]}/${f[3]}`)).toEqual(
      ['reference', 'toy_effect=0', 'toy_effect=0.5'].flatMap((p) => ['total', 'mean_count', 'top'].map((m) => `${p}/${m}/2029`)),
    );
    const same = summary.find((f) => f[0] === 'toy_effect=0' && f[2] === 'total')!;
    expect(same.slice(9)).toEqual(['0', '0', '0', '0']);
    const boost = summary.find((f) => f[0] === 'toy_effect=0.5' && f[2] === 'total')!;
    expect(Number(boost[9])).toBeCloseTo(8, 9); // 4 villages × 4 years × 0.5, exact under common random numbers
    expect(boost[12]).toBe('1');
    expect(summary.find((f) => f[0] === 'toy_effect=0.5' && f[2] === 'top')![12]).toBe('');
  });

  it('runs a Latin hypercube over the factors the binding declares, named by the values', async () => {
    const res = await sweep(toyScenario('base', { replicates: 1 }), { lhs: { samples: 4, factors: [{ name: 'toy_effect', min: 0, max: 1 }] } }, { model: TOY_MODEL, workers: 1 });
    const names = res.plan.units.slice(1).map((u) => u.scenario.name);
    expect(names).toHaveLength(4);
    for (const n of names) expect(n).toMatch(/^toy_effect=0?\.?\d+$/);
    const values = res.plan.units.slice(1).map((u) => u.columns.toy_effect).sort();
    values.forEach((v, i) => expect(Math.floor(v * 4)).toBe(i)); // one value per stratum
  });

  it('gives byte-identical outputs split into shards and merged, and resumed', async () => {
    const grid = { grid: { toy_effect: [0, 0.25, 1] } };
    const base = toyScenario('base', { replicates: 4 });
    const whole = tempDir();
    await sweep(base, grid, { model: TOY_MODEL, workers: 2, outDir: whole });
    const [a, b] = [tempDir(), tempDir()];
    await sweep(base, grid, { model: TOY_MODEL, workers: 1, outDir: a, shard: { index: 1, count: 2 } });
    await sweep(base, grid, { model: TOY_MODEL, workers: 1, outDir: b, shard: { index: 2, count: 2 } });
    const merged = tempDir();
    await mergeShards([a, b], merged);
    expect(files(merged)).toEqual(files(whole));
    const resumed = await sweep(base, grid, { model: TOY_MODEL, workers: 1, outDir: merged, resume: true });
    expect(resumed.computed).toBe(0);
    expect(files(merged)).toEqual(files(whole));
  });
});

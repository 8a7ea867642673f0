// Issue 2's promise, with the real binary and the real model: the same scenario and seed give
// byte-identical series.csv (and summary.json) on two runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { talentsim, tempDir } from './cli-helpers.js';

describe('talentsim run is reproducible', () => {
  it('writes byte-identical series.csv for the same seed, and different series for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const runs = await Promise.all([
      talentsim(['run', 'scenarios/baseline.yaml', '--years', '5', '--seed', '3', '--out', a, '--quiet']),
      talentsim(['run', 'scenarios/baseline.yaml', '--years', '5', '--seed', '3', '--out', b, '--quiet']),
      talentsim(['run', 'scenarios/baseline.yaml', '--years', '5', '--seed', '4', '--out', c, '--quiet']),
    ]);
    for (const r of runs) expect(r.code).toBe(0);
    const read = (dir: string, f: string) => readFileSync(join(dir, f));
    expect(read(a, 'series.csv').equals(read(b, 'series.csv'))).toBe(true);
    expect(read(a, 'summary.json').equals(read(b, 'summary.json'))).toBe(true);
    expect(read(a, 'series.csv').equals(read(c, 'series.csv'))).toBe(false);
    expect(read(a, 'series.csv').toString().split('\n')[0]).toBe('scenario,replicate,seed,year,metric,value');
  }, 240_000);
});

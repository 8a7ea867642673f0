// paramScan: one scenario over a grid of parameter values, the varied values as extra columns.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paramScan } from '../../src/experiment/param-scan.js';
import { TOY_MODEL, tempDir, toyScenario } from './toy.js';

describe('paramScan', () => {
  it('adds the varied parameters as columns after the fixed columns, seed included', async () => {
    const dir = tempDir();
    const res = await paramScan(toyScenario('base'), { seed: [1, 2], toy_effect: [0, 0.5] }, { model: TOY_MODEL, workers: 1, outDir: dir });
    expect(res.plan.columns).toEqual(['scenario', 'replicate', 'seed', 'year', 'metric', 'value', 'toy_effect']);
    const lines = readFileSync(join(dir, 'series.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('scenario,replicate,seed,year,metric,value,toy_effect');
    expect(lines.length - 1).toBe(4 * 1 * 5 * 3); // 4 grid points × 1 replicate × 5 years × 3 metrics
    // Each point is named by its values (not by the scenario's name).
    expect(lines[1]).toMatch(/^seed=1;toy_effect=0,0,1,2025,total,\d+,0$/);
    expect(lines[lines.length - 1]).toMatch(/^seed=2;toy_effect=0\.5,0,2,2029,top,[\d.]+,0\.5$/);
    expect(existsSync(join(dir, 'comparison.csv'))).toBe(false);
  });

  it('returns rows with the scan columns in memory', async () => {
    const res = await paramScan(toyScenario('base'), { toy_effect: [0, 1] }, { model: TOY_MODEL, workers: 1, replicates: 1 });
    const totals = res.rows!.filter((r) => r.metric === 'total' && r.year === 2029);
    expect(totals.map((r) => r.toy_effect)).toEqual([0, 1]);
    expect(totals[1].value - totals[0].value).toBe(16); // CRN: same draws, +1 per village-year
  });
});

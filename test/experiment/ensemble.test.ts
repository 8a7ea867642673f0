// ensemble: replicates of several scenarios of a model (the toy model) with statistics against a baseline;
// byte-identical outputs whatever the workers, the failures and the resume.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensemble } from '../../src/experiment/ensemble.js';
import { ExperimentInputError } from '../../src/experiment/errors.js';
import { COMPARISON_COLUMNS } from '../../src/experiment/types.js';
import { TOY_MODEL, outputs, tempDir, toyScenario, toyScenarios } from './toy.js';

const scenarios = toyScenarios;

describe('ensemble', () => {
  it('writes byte-identical outputs with 1 and 2 workers', async () => {
    const a = tempDir();
    const b = tempDir();
    await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, outDir: a });
    await ensemble(scenarios(), { model: TOY_MODEL, workers: 2, outDir: b });
    expect(outputs(b)).toEqual(outputs(a));
    expect(readFileSync(join(a, 'series.csv'), 'utf8').split('\n')[0]).toBe('scenario,replicate,seed,year,metric,value');
  });

  it('orders series rows by scenario, replicate, year and metric declaration order', async () => {
    const res = await ensemble(scenarios().slice(0, 2), { model: TOY_MODEL, workers: 1, replicates: 2 });
    const keys = res.rows!.map((r) => `${r.scenario}|${r.replicate}|${r.year}|${r.metric}`);
    expect(keys.slice(0, 4)).toEqual(['baseline|0|2025|total', 'baseline|0|2025|mean_count', 'baseline|0|2025|top', 'baseline|0|2026|total']);
    expect(res.rows!.length).toBe(2 * 2 * 5 * 3);
    expect(res.rows![res.rows!.length - 1]).toMatchObject({ scenario: 'boost', replicate: 1, year: 2029, metric: 'top' });
  });

  it('gives a scenario identical to baseline every diff exactly 0 and p_better 0 (none without a direction)', async () => {
    const res = await ensemble(scenarios(), { model: TOY_MODEL, workers: 1 });
    const same = res.comparison.filter((c) => c.scenario === 'same-as-baseline');
    expect(same.length).toBe(3 * 5);
    for (const c of same) {
      expect(c.diff).toBe(0);
      expect(c.diff_ci_low).toBe(0);
      expect(c.diff_ci_high).toBe(0);
      // `top` has direction 'none': no side is better, so no p_better at all.
      expect(c.p_better).toBe(c.metric === 'top' ? NaN : 0);
    }
    // The baseline's own rows have no differences (empty cells in comparison.csv, not zeros).
    for (const c of res.comparison.filter((x) => x.scenario === 'baseline')) expect([c.diff, c.diff_ci_low, c.diff_ci_high, c.p_better]).toEqual([NaN, NaN, NaN, NaN]);
    // the boosted scenario really differs (so the zero above is not vacuous)
    const boost = res.comparison.find((c) => c.scenario === 'boost' && c.metric === 'total' && c.year === 2029)!;
    expect(boost.diff).toBeCloseTo(4 * 4 * 0.25, 9); // 4 villages × 4 years × 0.25, exact under CRN up to rounding
    expect(boost.p_better).toBe(1);
  });

  it('writes comparison.csv with the comparison columns', async () => {
    const dir = tempDir();
    await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, outDir: dir });
    const head = readFileSync(join(dir, 'comparison.csv'), 'utf8').split('\n')[0];
    expect(head).toBe(COMPARISON_COLUMNS.join(','));
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.baseline).toBe('baseline');
    expect(summary.scenarios.map((s: { name: string }) => s.name)).toEqual(['baseline', 'boost', 'same-as-baseline']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.talentsim).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.scenarios[1].hash).toBe(summary.scenarios[1].hash);
  });

  it('keeps the other replicates when one throws, and reports it', async () => {
    process.env.TOY_FAIL = 'boost:1';
    try {
      const dir = tempDir();
      const res = await ensemble(scenarios(), { model: TOY_MODEL, workers: 2, outDir: dir });
      expect(res.failures).toEqual([{ scenario: 'boost', replicate: 1, seed: 7, error: 'toy failure in replicate 1' }]);
      expect(JSON.parse(readFileSync(join(dir, 'failures.json'), 'utf8'))).toEqual(res.failures);
      const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
      expect(summary.scenarios[1]).toMatchObject({ name: 'boost', replicates: 6, completed: 5, failed: 1 });
      expect(existsSync(join(dir, 'parts', 'boost', '0.csv'))).toBe(true);
      expect(existsSync(join(dir, 'parts', 'boost', '1.csv'))).toBe(false);
      const series = readFileSync(join(dir, 'series.csv'), 'utf8');
      expect(series).toContain('\nboost,2,7,2025,total,');
      expect(series).not.toContain('\nboost,1,7,');
    } finally {
      delete process.env.TOY_FAIL;
    }
  });

  it('resumes after an interruption to the same bytes, computing only the missing replicates', async () => {
    const whole = tempDir();
    await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, outDir: whole });
    const dir = tempDir();
    // an interrupted run: only shard 1/2 of the replicates reached disk
    await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, outDir: dir, shard: { index: 1, count: 2 } });
    const res = await ensemble(scenarios(), { model: TOY_MODEL, workers: 2, outDir: dir, resume: true });
    expect(res.skipped).toBe(9);
    expect(res.computed).toBe(9);
    expect(outputs(dir)).toEqual(outputs(whole));
  });

  it('refuses to resume when the scenario changed since the parts were written', async () => {
    const dir = tempDir();
    await ensemble([toyScenario('baseline')], { model: TOY_MODEL, workers: 1, outDir: dir, replicates: 2 });
    const changed = toyScenario('baseline', { years: 5 });
    await expect(ensemble([changed], { model: TOY_MODEL, workers: 1, outDir: dir, resume: true })).rejects.toThrow(ExperimentInputError);
    // without --resume the stale parts are discarded and the run starts over
    const res = await ensemble([changed], { model: TOY_MODEL, workers: 1, outDir: dir, replicates: 2 });
    expect(res.failures).toEqual([]);
  });

  it('reports progress for every replicate', async () => {
    const seen: number[] = [];
    await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, replicates: 2, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('rejects duplicate scenario names and unknown metrics as input errors', async () => {
    await expect(ensemble([toyScenario('a'), toyScenario('a')], { model: TOY_MODEL, workers: 1 })).rejects.toThrow(/appears twice/);
    await expect(ensemble([toyScenario('a')], { model: TOY_MODEL, workers: 1, metrics: ['nope'] })).rejects.toThrow(/unknown metric "nope"/);
  });

  it('switches common random numbers off with crn: false', async () => {
    const res = await ensemble([toyScenario('baseline', { crn: false }), toyScenario('twin', { crn: false })], { model: TOY_MODEL, workers: 1 });
    expect(res.comparison.filter((c) => c.scenario === 'twin').some((c) => c.diff !== 0)).toBe(true);
  });
});

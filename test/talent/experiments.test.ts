// The engine's analyses with the talent default: sensitivity and robustness of the talent model through
// the experiment machinery (the estimators themselves are tested on Ishigami and the g-function in
// test/experiment/sensitivity/, robustnessRows in test/experiment/robustness.test.ts).
// A tiny county (2 villages × 150 villagers, 3 years) keeps every model run well under a second.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { SENSITIVITY_COLUMNS } from '../../src/experiment/sensitivity-run.js';
import { ROBUSTNESS_COLUMNS } from '../../src/experiment/robustness.js';
import { robustness, sensitivity } from '../../src/talent/experiments.js';
import { SENSITIVITY_OUTCOMES } from '../../src/talent/metrics.js';
import { tempDir } from '../experiment/toy.js';

function tiny(name: string): Scenario {
  const s = loadScenario(name);
  return { ...s, years: 3, county: { ...s.county, villages: 2, population: 300 } };
}

const PARAMS = ['outmigration_base', 'farm_income', 'secretary_age_limit'];

function csvRows(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

describe('sensitivity on the talent model', () => {
  it('gives Morris mu, mu_star and sigma with finite values for every outcome and parameter', async () => {
    const dir = tempDir('talentsim-sens-');
    const res = await sensitivity(tiny('baseline'), { method: 'morris', params: PARAMS, samples: 3, bootstrap: 50, workers: 1, outDir: dir });
    expect(res.points).toBe(3 * (PARAMS.length + 1));
    expect(res.rows.length).toBe(SENSITIVITY_OUTCOMES.length * PARAMS.length * 3);
    for (const r of res.rows) {
      expect(r.method).toBe('morris');
      expect(Number.isFinite(r.value)).toBe(true);
      expect(r.ci_low! <= r.ci_high!).toBe(true);
      if (r.index !== 'mu') expect(r.value).toBeGreaterThanOrEqual(0);
    }
    expect(res.rows.slice(0, 3).map((r) => `${r.outcome}/${r.parameter}/${r.index}`)).toEqual([
      'members_full/outmigration_base/mu', 'members_full/outmigration_base/mu_star', 'members_full/outmigration_base/sigma',
    ]);
    const file = csvRows(join(dir, 'sensitivity.csv'));
    expect(Object.keys(file[0])).toEqual([...SENSITIVITY_COLUMNS]);
    expect(file.length).toBe(res.rows.length);
    expect(csvRows(join(dir, 'design.csv')).length).toBe(res.points);
    // the design points really differ in the model: some outcome moves across the design
    const moved = Object.values(res.values!).some((v) => Math.max(...v) > Math.min(...v));
    expect(moved).toBe(true);
  });

  it('gives identical indices with 1 and 2 workers', async () => {
    const opts = { method: 'morris' as const, params: PARAMS.slice(0, 2), samples: 2, bootstrap: 20 };
    const one = await sensitivity(tiny('baseline'), { ...opts, workers: 1 });
    const two = await sensitivity(tiny('baseline'), { ...opts, workers: 2 });
    expect(two.rows).toEqual(one.rows);
  });

  it('computes nothing again when resuming after two design-point shards', async () => {
    const dir = tempDir('talentsim-sens-shard-');
    const opts = { method: 'sobol' as const, params: PARAMS.slice(0, 2), samples: 2, bootstrap: 20, workers: 1 };
    const s1 = await sensitivity(tiny('baseline'), { ...opts, outDir: dir, shard: { index: 1, count: 2 } });
    const s2 = await sensitivity(tiny('baseline'), { ...opts, outDir: dir, shard: { index: 2, count: 2 } });
    expect(s1.rows).toEqual([]);
    expect(s1.computed + s2.computed).toBe(2 * (2 + 2));
    const joined = await sensitivity(tiny('baseline'), { ...opts, outDir: dir, resume: true });
    expect(joined.computed).toBe(0);
    const fresh = await sensitivity(tiny('baseline'), opts);
    expect(joined.rows).toEqual(fresh.rows);
    expect(fresh.rows.map((r) => r.index)).toEqual(expect.arrayContaining(['S1', 'ST']));
  });
});

describe('robustness on the talent model', () => {
  it('writes robustness.csv with shares in [0, 1] for every scenario and outcome', async () => {
    const dir = tempDir('talentsim-rob-');
    const res = await robustness([tiny('baseline'), tiny('benefit-incentives')], { samples: 3, workers: 1, outDir: dir });
    expect(res.rows.length).toBe(2 * SENSITIVITY_OUTCOMES.length);
    const file = csvRows(join(dir, 'robustness.csv'));
    expect(Object.keys(file[0])).toEqual([...ROBUSTNESS_COLUMNS]);
    for (const r of file) {
      const first = Number(r.ranks_first);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(first).toBeLessThanOrEqual(1);
      if (r.scenario === 'baseline') expect(r.beats_baseline).toBe('');
      else {
        const beats = Number(r.beats_baseline);
        expect(beats).toBeGreaterThanOrEqual(0);
        expect(beats).toBeLessThanOrEqual(1);
      }
    }
    // ranks_first shares of one outcome add up to 1 (ties split), to rounding of the written values
    for (const o of SENSITIVITY_OUTCOMES) {
      const sum = file.filter((r) => r.outcome === o).reduce((s, r) => s + Number(r.ranks_first), 0);
      expect(sum).toBeCloseTo(1, 8);
    }
    expect(existsSync(join(dir, 'horizon.csv'))).toBe(true);
  });

  it('gives identical results with 1 and 2 workers', async () => {
    const opts = { samples: 3, params: PARAMS };
    const one = await robustness([tiny('baseline'), tiny('cultural-identity')], { ...opts, workers: 1 });
    const two = await robustness([tiny('baseline'), tiny('cultural-identity')], { ...opts, workers: 2 });
    expect(two.rows).toEqual(one.rows);
    expect(two.values).toEqual(one.values);
  });
});

// The engine's posterior option (each replicate its own draw, the same in every scenario, the scenario's own
// parameters winning, the sample in the unit hashes and the manifest), best.csv (probability of being
// best over paired replicates), and per-replicate statistics of design runs — on the toy model.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestRows, bestCsv, BEST_COLUMNS } from '../../src/experiment/best.js';
import { drawPosterior, type PosteriorSample } from '../../src/experiment/calibration/posterior.js';
import { runDesign } from '../../src/experiment/design-runs.js';
import { ensemble } from '../../src/experiment/ensemble.js';
import { posteriorDigest, posteriorDraw } from '../../src/experiment/experiment.js';
import { tempDir, TOY_MODEL, toyScenario } from './toy.js';

const SAMPLE: PosteriorSample = {
  parameters: ['toy_effect'],
  rows: [
    { values: { toy_effect: 0 }, weight: 1 },
    { values: { toy_effect: 2 }, weight: 1 },
    { values: { toy_effect: 5 }, weight: 2 },
  ],
};

describe('ensemble with a posterior', () => {
  it('runs replicate r of every scenario with the same draw, and the draws differ between replicates', async () => {
    const scenarios = [toyScenario('baseline', { replicates: 8 }), toyScenario('other', { replicates: 8 })];
    const res = await ensemble(scenarios, { model: TOY_MODEL, workers: 1, posterior: SAMPLE });
    const total = (s: string, r: number) => res.rows!.find((x) => x.scenario === s && x.replicate === r && x.year === 2029 && x.metric === 'total')!.value;
    const draws = new Set<number>();
    for (let r = 0; r < 8; r++) {
      expect(total('other', r)).toBe(total('baseline', r)); // common random numbers and the same parameter draw
      const effect = drawPosterior(SAMPLE, 7, r).toy_effect;
      draws.add(effect);
      // 4 villages × 4 years of effect on top of the Bernoulli growth (at most 16)
      expect(total('baseline', r)).toBeGreaterThanOrEqual(16 * effect);
    }
    expect(draws.size).toBeGreaterThan(1);
  });

  it('lets a scenario\'s own parameters win over the draw', () => {
    const own = posteriorDraw(SAMPLE, { seed: 7, parameters: { toy_effect: 0.25 } }, 3);
    expect(own).toEqual({});
    expect(posteriorDraw(SAMPLE, { seed: 7, parameters: {} }, 3)).toEqual(drawPosterior(SAMPLE, 7, 3));
  });

  it('puts the sample into the unit hashes and the manifest', async () => {
    const dir = tempDir('talentsim-post-');
    const plain = await ensemble([toyScenario('baseline')], { model: TOY_MODEL, workers: 1 });
    const drawn = await ensemble([toyScenario('baseline')], { model: TOY_MODEL, workers: 1, posterior: SAMPLE, outDir: dir });
    expect(drawn.plan.units[0].hash).not.toBe(plain.plan.units[0].hash);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.posterior).toEqual({ digest: posteriorDigest(SAMPLE), parameters: ['toy_effect'], rows: 3 });
  });
});

describe('best.csv', () => {
  it('gives the share of paired replicates in which each scenario is best, ties shared', async () => {
    const dir = tempDir('talentsim-best-');
    const scenarios = [toyScenario('baseline'), toyScenario('boost', { parameters: { toy_effect: 1 } }), toyScenario('same', {})];
    const res = await ensemble(scenarios, { model: TOY_MODEL, workers: 1, outDir: dir });
    expect(res.files).toContain(join(dir, 'best.csv'));
    const text = readFileSync(join(dir, 'best.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(BEST_COLUMNS.join(','));
    const rows = text.trim().split('\n').slice(1).map((l) => l.split(','));
    // total (higher is better): boost always best; mean_count (lower is better): baseline and same tie every replicate
    const p = (outcome: string, scenario: string) => Number(rows.find((r) => r[0] === outcome && r[1] === scenario)![5]);
    expect([p('total', 'baseline'), p('total', 'boost'), p('total', 'same')]).toEqual([0, 1, 0]);
    expect([p('mean_count', 'baseline'), p('mean_count', 'boost'), p('mean_count', 'same')]).toEqual([0.5, 0, 0.5]);
    expect(rows.some((r) => r[0] === 'top')).toBe(false); // no direction
  });

  it('is not written for a single scenario, and is empty for a scan', async () => {
    const dir = tempDir('talentsim-best1-');
    await ensemble([toyScenario('baseline')], { model: TOY_MODEL, workers: 1, outDir: dir });
    expect(existsSync(join(dir, 'best.csv'))).toBe(false);
    expect(bestCsv([])).toBe(BEST_COLUMNS.join(',') + '\n');
  });

  it('counts only replicates every scenario completed', async () => {
    const scenarios = [toyScenario('baseline', { replicates: 4 }), toyScenario('boost', { replicates: 4, parameters: { toy_effect: 1 } })];
    process.env.TOY_FAIL = 'baseline:2';
    try {
      const res = await ensemble(scenarios, { model: TOY_MODEL, workers: 1 });
      expect(res.table).toBeDefined();
      const rows = bestRows(res.plan, res.table!);
      expect(rows.every((r) => r.replicates === 3)).toBe(true);
    } finally {
      delete process.env.TOY_FAIL;
    }
  });
});

describe('design runs with per-replicate statistics', () => {
  it('returns every replicate\'s statistics, computed from its yearly values', async () => {
    const points = [0, 1].map((e, i) => ({ key: `p${i}`, scenario: toyScenario(`p${i}`, { replicates: 3, parameters: { toy_effect: e } }), group: i }));
    const run = await runDesign(points, {
      model: TOY_MODEL,
      outcomes: [],
      workers: 1,
      writeSeries: false,
      statistics: { names: ['growth', 'last'], metrics: ['total'], compute: (v) => [v('total', 2029) - v('total', 2025), v('total', 2029)] },
    });
    expect(run.experiment.rows).toBeUndefined(); // no rows kept with writeSeries: false
    const stats = run.replicateStatistics!;
    expect(stats.length).toBe(2);
    for (const [u, s] of stats.entries()) {
      expect(s.length).toBe(3 * 2);
      for (let r = 0; r < 3; r++) {
        // growth = Bernoulli steps (0-16) + 16 × effect
        expect(s[r * 2]).toBeGreaterThanOrEqual(16 * u);
        expect(s[r * 2]).toBeLessThanOrEqual(16 + 16 * u);
        expect(s[r * 2 + 1]).toBeGreaterThanOrEqual(s[r * 2]);
      }
    }
  });

  it('names a metric the statistics read but did not declare', async () => {
    const points = [{ key: 'p', scenario: toyScenario('p', { replicates: 1 }), group: 0 }];
    await expect(
      runDesign(points, { model: TOY_MODEL, outcomes: [], workers: 1, statistics: { names: ['x'], metrics: ['total'], compute: (v) => [v('top', 2025)] } }),
    ).rejects.toThrow(/statistic reads metric "top"/);
  });
});

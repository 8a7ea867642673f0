// mergeShards: shards of an ensemble joined into exactly what one machine would have written.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensemble } from '../../src/experiment/ensemble.js';
import { SHARD_FORMAT } from '../../src/experiment/experiment.js';
import { mergeShards } from '../../src/experiment/merge.js';
import { TOY_MODEL, outputs, tempDir, toyScenarios } from './toy.js';

const scenarios = toyScenarios;

describe('mergeShards', () => {
  it('merges shards 1/3, 2/3, 3/3 into exactly the unsharded outputs', async () => {
    const whole = tempDir();
    await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, outDir: whole });
    const shardDirs = [1, 2, 3].map(() => tempDir());
    for (let k = 1; k <= 3; k++) {
      await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, outDir: shardDirs[k - 1], shard: { index: k, count: 3 } });
    }
    expect(readdirSync(join(shardDirs[1], 'parts', 'baseline')).sort()).toEqual(['1.csv', '4.csv', 'unit.json']);
    const merged = tempDir();
    await mergeShards(shardDirs, merged);
    expect(outputs(merged)).toEqual(outputs(whole));
  });

  it('merges shards that wrote into one shared directory', async () => {
    const whole = tempDir();
    await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, outDir: whole });
    const shared = tempDir();
    for (let k = 1; k <= 2; k++) await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, outDir: shared, shard: { index: k, count: 2 } });
    await mergeShards([shared], shared);
    expect(outputs(shared)).toEqual(outputs(whole));
  });

  it('refuses to merge when a shard is missing', async () => {
    const d = tempDir();
    await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, outDir: d, shard: { index: 1, count: 2 } });
    await expect(mergeShards([d], tempDir())).rejects.toThrow(/shard 2\/2 is missing/);
  });

  it('refuses a shard manifest of another format with a message saying what to do', async () => {
    const d = tempDir();
    await ensemble(scenarios(), { model: TOY_MODEL, workers: 1, outDir: d, shard: { index: 1, count: 1 } });
    const file = join(d, 'shards', '1-of-1.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(SHARD_FORMAT, 'talentsim-shard/1'));
    await expect(mergeShards([d], tempDir())).rejects.toThrow(/format talentsim-shard\/1, this version reads talentsim-shard\/3; run the shard again/);
  });
});

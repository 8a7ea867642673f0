// Issue 17, item 1: outputs carry their size and SHA-256 in manifest.json, and the report (through the
// real binary), merge and the library's readers verify them and refuse a mismatch, naming the file.
import { createHash } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensemble } from '../../src/experiment/ensemble.js';
import { ExperimentInputError } from '../../src/experiment/errors.js';
import { verifyOutputs } from '../../src/experiment/integrity.js';
import { mergeShards } from '../../src/experiment/merge.js';
import { readOutputs } from '../../src/report/read-outputs.js';
import { TOY_MODEL as TOY, tempDir, toyScenarios } from '../experiment/toy.js';
import { cli, manifestOf, temp, TOY_MODEL, tinyScenarioFile } from './helpers.js';

describe('issue 17 item 1: checksums of the outputs', () => {
  it('records the size and SHA-256 of every output in manifest.json', async () => {
    const dir = tempDir();
    await ensemble(toyScenarios(), { model: TOY, workers: 1, outDir: dir, replicates: 2 });
    const files = manifestOf(dir).files!;
    expect(Object.keys(files).sort()).toEqual(['best.csv', 'comparison.csv', 'series.csv', 'summary.json']);
    for (const [name, rec] of Object.entries(files)) {
      const bytes = readFileSync(join(dir, name));
      expect(rec).toEqual({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    await expect(verifyOutputs(dir)).resolves.toBeUndefined();
  });

  it('refuses a truncated or edited output in the library readers, naming it', async () => {
    const dir = tempDir();
    await ensemble(toyScenarios(), { model: TOY, workers: 1, outDir: dir, replicates: 2 });
    truncateSync(join(dir, 'series.csv'), 100);
    await expect(readOutputs(dir)).rejects.toThrow(ExperimentInputError);
    await expect(readOutputs(dir)).rejects.toThrow(`${join(dir, 'series.csv')}: 100 bytes, but ${join(dir, 'manifest.json')} records`);
    const summary = join(dir, 'summary.json');
    writeFileSync(summary, readFileSync(summary, 'utf8').replace('"n": 2', '"n": 3'));
    await expect(verifyOutputs(dir)).rejects.toThrow(/summary\.json: its SHA-256 differs/);
  });

  it('makes `report` refuse (exit 2) a series.csv truncated after the run, naming it', async () => {
    const dir = temp();
    const out = join(dir, 'out');
    const scenario = tinyScenarioFile(dir);
    expect((await cli(['run', scenario, '--out', out, '--workers', '1', '--quiet', '--model', TOY_MODEL])).code).toBe(0);
    truncateSync(join(out, 'series.csv'), 300);
    const r = await cli(['report', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(out, 'series.csv')}: 300 bytes, but ${join(out, 'manifest.json')} records`);
    expect(r.stdout).not.toContain('report:');
  }, 120_000);

  it('makes merge refuse a damaged part of a shard, naming it and the shard to rerun', async () => {
    const d = [tempDir(), tempDir()];
    for (let k = 1; k <= 2; k++) await ensemble(toyScenarios(), { model: TOY, workers: 1, outDir: d[k - 1], shard: { index: k, count: 2 }, replicates: 4 });
    const part = join(d[1], 'parts', 'boost', '1.csv');
    truncateSync(part, 40);
    await expect(mergeShards(d, tempDir())).rejects.toThrow(`${part}: truncated (no complete last line); rerun shard 2/2 with --resume to recompute it`);
  });
});

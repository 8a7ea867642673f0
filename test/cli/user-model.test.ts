// `talentsim compare --model MODULE`: the CLI's whole machinery (workers, outputs, report) runs a user's
// model (examples/returnee-cadres.mjs: the talent model plus a process and a metric of its own), and
// that metric appears in comparison.csv and in the manifest.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, talentsim, tempDir, tinyScenarios } from './cli-helpers.js';

const MODEL = join(ROOT, 'examples', 'returnee-cadres.mjs');

describe('talentsim compare --model', () => {
  it('runs a user model on two workers with its own metric in comparison.csv and a report', async () => {
    const dir = tempDir();
    const { base, fort } = tinyScenarios(dir);
    const out = join(dir, 'out');
    const r = await talentsim(['compare', base, fort, '--out', out, '--workers', '2', '--quiet', '--model', MODEL]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = readFileSync(join(out, 'comparison.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const own = rows.filter((f) => f[1] === 'returnees_invited');
    expect(own.map((f) => `${f[0]}@${f[2]}`)).toEqual(['baseline@2025', 'baseline@2026', 'baseline@2027', 'baseline@2028', 'tiny-fort@2025', 'tiny-fort@2026', 'tiny-fort@2027', 'tiny-fort@2028']);
    expect(own.some((f) => Number(f[4]) > 0)).toBe(true); // mean invited > 0 somewhere: the process ran
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.model).toBe('talentsim+returnee-cadres');
    expect(manifest.metrics).toContain('returnees_invited');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  }, 180_000);
});

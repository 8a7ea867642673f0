// `talentsim patterns`: the baseline against the calibration patterns (real binary, real model).
import { describe, expect, it } from 'vitest';
import { talentsim } from './cli-helpers.js';

describe('talentsim patterns', () => {
  it('prints every pattern as JSON with its target, source, simulated mean and 95% interval', async () => {
    const r = await talentsim(['patterns', '--json', '--replicates', '3']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { name: string; source: string; low: number; high: number; simulated: number; ciLow: number; ciHigh: number; ok: boolean }[];
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const p of rows) {
      expect(p.source).toMatch(/§\d/);
      expect(p.low).toBeLessThan(p.high);
      expect(Number.isFinite(p.simulated)).toBe(true);
      expect(p.ciLow).toBeLessThanOrEqual(p.simulated);
      expect(p.ciHigh).toBeGreaterThanOrEqual(p.simulated);
      expect(p.ok).toBe(p.simulated >= p.low && p.simulated <= p.high);
    }
    // The bar: one set of defaults meets at least 6 of the 8 or more patterns.
    expect(rows.filter((p) => p.ok).length).toBeGreaterThanOrEqual(6);
  }, 240_000);

  it('prints a table with a count of the patterns met', async () => {
    const r = await talentsim(['patterns', '--replicates', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ of \d+ patterns met/);
  }, 240_000);
});

// `talentsim mechanisms` through main() in process: its help names the options the issue asks for, --json
// prints an array of rows with the audit's columns (a tiny county, two mechanisms), the table prints the
// same rows, and bad input exits 2.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { MECHANISM_COLUMNS } from '../../src/talent/mechanisms.js';
import { captureIo } from './cli-helpers.js';

const tiny = ['--villages', '2', '--years', '3', '--replicates', '2', '--workers', '1', '--quiet', '--only', 'tokenism', 'study_decay'];

describe('talentsim mechanisms', () => {
  it('documents --json, --replicates, --years and --villages', async () => {
    const io = captureIo();
    expect(await main(['mechanisms', '--help'], io)).toBe(0);
    const text = io.out.replace(/\s+/g, ' ');
    for (const o of ['--json', '--replicates', '--years', '--villages', '--only']) expect(text).toContain(o);
    expect(text).toContain('mechanism audit');
  });

  it('prints the rows as JSON with --json, and as a table without', async () => {
    const io = captureIo();
    expect(await main(['mechanisms', ...tiny, '--json'], io)).toBe(0);
    const rows = JSON.parse(io.out) as Record<string, unknown>[];
    expect(rows.map((r) => r.parameter)).toEqual(['tokenism', 'study_decay']);
    for (const r of rows) expect(Object.keys(r)).toEqual([...MECHANISM_COLUMNS]);
    const table = captureIo();
    expect(await main(['mechanisms', ...tiny], table)).toBe(0);
    expect(table.out.split('\n')[0].split(/\s+/)).toEqual([...MECHANISM_COLUMNS]);
    expect(table.out).toContain('of 2 mechanisms act in the paper\'s direction');
  }, 120_000);

  it('exits 2 on an unknown mechanism or too few replicates', async () => {
    const io = captureIo();
    expect(await main(['mechanisms', '--only', 'nope', '--quiet'], io)).toBe(2);
    expect(io.err).toContain('unknown mechanism');
    const two = captureIo();
    expect(await main(['mechanisms', '--replicates', '1', '--quiet'], two)).toBe(2);
  });
});

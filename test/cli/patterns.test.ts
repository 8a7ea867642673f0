// `talentsim patterns`: the baseline against the calibration patterns (real binary, real model). The
// verdicts are checked against the declared targets, not against what the command echoes: a pattern is met
// when the simulated mean lies in its target range (docs/ODD.md, "Calibration and patterns"). How many are
// met is the model's business (it changes with calibration); the test asks that the table, the JSON and the
// count agree.
import { describe, expect, it } from 'vitest';
import { PATTERN_WINDOW, PATTERNS, type PatternResult } from '../../src/talent/index.js';
import { talentsim } from './cli-helpers.js';

/** A row of `patterns --json` (the result without its description). */
type PatternRow = Omit<PatternResult, 'description'>;

describe('talentsim patterns', () => {
  it('judges every declared pattern by its target range, and the table and count agree with the JSON', async () => {
    const [json, table] = await Promise.all([talentsim(['patterns', '--json', '--replicates', '3']), talentsim(['patterns', '--replicates', '3'])]);
    expect(json.code).toBe(0);
    expect(table.code).toBe(0);

    const rows = JSON.parse(json.stdout) as PatternRow[];
    expect(rows.map((r) => r.name)).toEqual(PATTERNS.map((p) => p.name));
    for (const [k, p] of PATTERNS.entries()) {
      const r = rows[k];
      expect(r.source).toBe(p.source);
      expect(r.source).toMatch(/§\d/);
      expect([r.low, r.high]).toEqual([p.low, p.high]);
      expect(p.low).toBeLessThan(p.high);
      expect(Number.isFinite(r.simulated)).toBe(true);
      expect(r.ciLow).toBeLessThanOrEqual(r.simulated);
      expect(r.ciHigh).toBeGreaterThanOrEqual(r.simulated);
      expect(r.ok, r.name).toBe(p.low <= r.simulated && r.simulated <= p.high);
    }

    // The table: one line per pattern with the same verdict (same seed and replicates), then the count.
    const lines = table.stdout.split('\n');
    const verdicts = rows.map((r) => {
      const line = lines.find((l) => l.startsWith(`${r.name} `));
      expect(line, r.name).toBeDefined();
      return /\byes$/.test(line ?? '') ? true : /\bNO$/.test(line ?? '') ? false : undefined;
    });
    expect(verdicts).toEqual(rows.map((r) => r.ok));
    const met = rows.filter((r) => r.ok).length;
    expect(table.stdout).toContain(`\n${met} of ${PATTERNS.length} patterns met (3 replicates, years ${PATTERN_WINDOW[0]}-${PATTERN_WINDOW[1]} of baseline).\n`);
    for (const p of PATTERNS) expect(table.stdout).toContain(`\n  ${p.name}: ${p.source}\n`);
  }, 240_000);
});

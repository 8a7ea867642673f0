// The mechanism audit (issue 14 item 4; src/talent/mechanisms.ts): the table's rows resolve to declared
// parameters and their ranges, and a short version of the audit — 10 villages of the default size, 12
// years, 6 replicates per arm, seed 1 (the baseline's) — finds every mechanism acting in the paper's
// direction. CRN makes the paired intervals tight; the run goes through the design runner on worker
// threads (dist/: `npm run build` first).
import { describe, expect, it } from 'vitest';
import { PARAMETER_INDEX } from '../../src/model/parameters.js';
import { loadScenario } from '../../src/scenario/index.js';
import { MECHANISMS, MECHANISM_COLUMNS, mechanismAudit, mechanismRows } from '../../src/talent/mechanisms.js';
import { TALENT_METRICS } from '../../src/talent/metrics.js';

describe('mechanism audit', () => {
  it('declares at least 15 mechanisms, each on a declared parameter and metric, low and high the parameter\'s range', () => {
    expect(MECHANISMS.length).toBeGreaterThanOrEqual(15);
    const metrics = new Set(TALENT_METRICS.map((m) => m.name));
    for (const m of mechanismRows()) {
      const spec = PARAMETER_INDEX.get(m.parameter)!;
      expect([m.low, m.high], m.mechanism).toEqual([spec.min, spec.max]);
      expect(metrics.has(m.outcome), m.outcome).toBe(true);
    }
    expect(new Set(MECHANISMS.map((m) => m.mechanism)).size).toBe(MECHANISMS.length);
    expect(() => mechanismRows(['no such mechanism'])).toThrow(/unknown mechanism/);
  });

  it('finds every mechanism acting in the paper\'s direction on a short run (20 villages, 15 years, 8 replicates, seed 1)', async () => {
    const rows = await mechanismAudit(loadScenario('baseline'), { villages: 20, years: 15, replicates: 8, workers: 2 });
    expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => [...MECHANISM_COLUMNS]));
    const failed = rows.filter((r) => !r.ok).map((r) => `${r.mechanism}: ${r.effect} [${r.ci_low}, ${r.ci_high}], expected ${r.expected}`);
    expect(failed).toEqual([]);
  }, 600_000);
});

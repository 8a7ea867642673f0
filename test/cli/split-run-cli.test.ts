// `talentsim run` / `compare` split large counties' replicates across the worker threads by villages
// (talentBinding.split, above --split-above villagers, default 2,000,000): the outputs are byte-identical
// to an unsplit run. A county small enough to run both ways (3 villages, 3 years) is split by forcing the
// threshold to 0. Uses dist/ (run `npm run build` first): the split workers load compiled code.
// Under the default county recruitment plan a chunk cannot see the county's total (a known limitation,
// docs/performance.md and test/talent/split-run.test.ts), so the byte-identity is checked under quota: per-member.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/rows.js';
import { scenarioFromObject } from '../../src/scenario/load.js';
import { talentBinding, SPLIT_THRESHOLD_VILLAGERS } from '../../src/talent/binding.js';
import { ensemble } from '../../src/talent/experiments.js';
import { outputs, talentsim, tempDir, tinyScenarios } from './cli-helpers.js';

describe('split replicates of large counties', () => {
  it('run and compare give byte-identical outputs split (--split-above 0) and unsplit', async () => {
    const dir = tempDir();
    const { base, fort } = tinyScenarios(dir);
    for (const [command, refs] of [['run', [fort]], ['compare', [base, fort]]] as const) {
      const whole = join(dir, `${command}-whole`);
      const split = join(dir, `${command}-split`);
      const common = [command, ...refs, '--set', 'structure.quota=per-member', '--workers', '2', '--quiet', ...(command === 'compare' ? ['--no-report'] : [])];
      const a = await talentsim([...common, '--out', whole]);
      const b = await talentsim([...common, '--out', split, '--split-above', '0']);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(outputs(split)).toEqual(outputs(whole));
      const manifest = (d: string) => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')) as { split?: unknown };
      expect(manifest(split).split).toEqual({ above: 0, replicates: 3 * refs.length });
      expect(manifest(whole).split).toBeUndefined();
    }
  }, 180_000);

  it('the engine splits from the binding threshold on (or the experiment\'s), never with split: false', async () => {
    expect(talentBinding.split?.threshold).toBe(SPLIT_THRESHOLD_VILLAGERS);
    const s = scenarioFromObject({ name: 'split-engine', years: 2, seed: 5, replicates: 2, county: { villages: 4, population: 2000 }, structure: { quota: 'per-member' } });
    expect(talentBinding.split?.size(s)).toBe(2000);
    let splitCalls = 0;
    const counting = { ...talentBinding, split: { ...talentBinding.split!, run: (...a: Parameters<NonNullable<typeof talentBinding.split>['run']>) => (splitCalls++, talentBinding.split!.run(...a)) } };
    const whole = await ensemble(s, { model: counting, workers: 1 });
    expect(splitCalls).toBe(0);
    const split = await ensemble(s, { model: counting, workers: 2, split: { above: 2000 } });
    expect(splitCalls).toBe(2);
    const never = await ensemble(s, { model: counting, workers: 1, split: false });
    expect(splitCalls).toBe(2);
    expect(toCsv(split.rows!)).toBe(toCsv(whole.rows!));
    expect(toCsv(never.rows!)).toBe(toCsv(whole.rows!));
  }, 120_000);
});

// A user's model (examples/custom-process.ts style: the talent model plus a process and a metric of their
// own, examples/returnee-cadres.mjs) runs through the engine's ensemble — in this thread and on worker
// threads, byte-identically — with its own metric in comparison.csv and its metadata in manifest.json.
// The fixture imports the compiled package (dist/, built by `pretest`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensemble } from '../../src/experiment/ensemble.js';
import { loadScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { outputs, tempDir } from './toy.js';

const MODULE = fileURLToPath(new URL('../../examples/returnee-cadres.mjs', import.meta.url));

function small(name: string): Scenario {
  const s = loadScenario(name);
  return { ...s, years: 3, replicates: 2, county: { ...s.county, villages: 3, population: 900 } };
}

describe('a user model through ensemble', () => {
  it('writes its own metric into comparison.csv, the same bytes with 1 or 2 workers', async () => {
    const one = tempDir('talentsim-user-');
    const two = tempDir('talentsim-user-');
    const scenarios = [small('baseline'), small('cultural-identity')];
    const res = await ensemble(scenarios, { model: { module: MODULE }, workers: 1, outDir: one });
    await ensemble(scenarios, { model: { module: MODULE }, workers: 2, outDir: two });
    expect(outputs(two)).toEqual(outputs(one));

    const lines = readFileSync(join(one, 'comparison.csv'), 'utf8').trim().split('\n').slice(1);
    const own = lines.filter((l) => l.split(',')[1] === 'returnees_invited');
    expect(own).toHaveLength(2 * 4); // two scenarios × years 2025-2028
    // the programme really reaches people (so the rows are not a column of zeros)
    expect(res.comparison.filter((c) => c.metric === 'returnees_invited').some((c) => c.mean > 0)).toBe(true);
    expect(lines.some((l) => l.split(',')[1] === 'members_full')).toBe(true);

    const manifest = JSON.parse(readFileSync(join(one, 'manifest.json'), 'utf8'));
    expect(manifest.model).toBe('talentsim+returnee-cadres');
    const meta = manifest.metricMetadata.find((m: { name: string }) => m.name === 'returnees_invited');
    expect(meta).toMatchObject({ label: { en: 'Returnees invited', zh: '受邀返乡人员' }, direction: 'higher', format: 'count' });
  }, 120_000);
});

// The study examples through the real binary: the Yao20 study (examples/yao-study: its own baseline, a
// half-strength pathway from 2027 with cultural programmes, a lockdown in 2030, villages.csv) and a user's
// lever (examples/user-lever: set from a scenario file, billed, with its own metric in comparison.csv and
// the report). Shortened with --set years / --replicates to stay quick; exit codes, files and columns.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnProcess } from '../../src/experiment/slurm.js';
import { VILLAGE_TYPES } from '../../src/model/village-type.js';
import { ROOT, talentsim, tempDir } from './cli-helpers.js';

const T = 300_000;
const STUDY = join(ROOT, 'examples', 'yao-study');
const base = join(STUDY, 'yao20-base.yaml');
const policy = join(STUDY, 'yao20-benefit-culture.yaml');
const csv = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split(','));

describe('the Yao20 study (examples/yao-study)', () => {
  it('refuses the built-in baseline (another county) and runs against its own, with villages.csv', async () => {
    const dir = tempDir();
    const out = join(dir, 'study');
    const short = ['--set', 'years=5', '--replicates', '2', '--workers', '2'];
    const [refused, r] = await Promise.all([
      talentsim(['compare', policy, '--baseline', 'baseline', ...short, '--out', join(dir, 'wrong'), '--quiet']),
      talentsim(['compare', base, policy, '--baseline', 'yao20-base', '--per-village', ...short, '--out', out]),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('scenario "yao20-benefit-culture" differs from the baseline "baseline" in county.villages (20 vs 36), county.population (30000 vs 54000)');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('county.villages: 20 villages without `population`: the population is scaled to 30000');
    expect(r.stderr).toContain('county.mix: kept the shares given (yao 0.25)');
    for (const f of ['series.csv', 'comparison.csv', 'villages.csv', 'summary.json', 'manifest.json', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.baseline).toBe('yao20-base');
    const [b, p] = manifest.scenarios.map((s: { scenario: unknown }) => s.scenario);
    expect(b.county).toMatchObject({ villages: 20, population: 30000 });
    expect(b.county.mix.yao).toBe(0.25);
    expect(b.shocks).toEqual([{ kind: 'lockdown', start: 5, duration: 1, mobility: 0, conflict: 0.3, migrantWage: 0.8 }]);
    // Half strength from 2027 (t = 2); cultural programmes are not a benefit lever: full intensity.
    expect(p.policies.map((x: { lever: string; value: number; from: number }) => [x.lever, x.value, x.from])).toEqual([
      ['returnee_support', 0.5, 2], ['young_talent_stipend', 0.4, 2], ['care_relief', 0.2, 2], ['entrepreneurship_support', 0.25, 2], ['cultural_programmes', 1, 2],
    ]);

    const comparison = csv(join(out, 'comparison.csv'));
    for (const row of comparison.filter((x) => x[0] === 'yao20-base')) expect(row.slice(8)).toEqual(['', '', '', '']);
    const cost = (year: string) => comparison.find((x) => x[0] === 'yao20-benefit-culture' && x[1] === 'policy_cost' && x[2] === year)!;
    expect(Number(cost('2026')[4])).toBe(0); // nothing before 2027
    expect(Number(cost('2027')[4])).toBeGreaterThan(20 * 60000); // cultural programmes alone: 60,000 per village
    expect(cost('2027')[11]).toBe(''); // a cost has no better side

    const villages = csv(join(out, 'villages.csv'));
    expect(villages[0]).toEqual(['scenario', 'replicate', 'year', 'village', 'majority', 'size', 'type', 'metric', 'value']);
    const ids = new Set(villages.slice(1).map((x) => x[3]));
    expect(ids.size).toBe(20);
    // Every village's type is one of the typology's eight (src/model/village-type.ts); 20 villages give several.
    const types = new Set(villages.slice(1).map((x) => x[6]));
    for (const t of types) expect(VILLAGE_TYPES as readonly string[]).toContain(t);
    expect(types.size).toBeGreaterThan(2);
    expect(villages.slice(1).some((x) => x[4] === 'yao')).toBe(true);
    // Village values add up to the county's: full members of replicate 0 in 2030.
    const county = csv(join(out, 'series.csv')).find((x) => x[0] === 'yao20-benefit-culture' && x[1] === '0' && x[3] === '2030' && x[4] === 'members_full')!;
    const sum = villages.filter((x) => x[0] === 'yao20-benefit-culture' && x[1] === '0' && x[2] === '2030' && x[7] === 'members_full').reduce((s, x) => s + Number(x[8]), 0);
    expect(sum).toBe(Number(county[5]));

    const summary = await spawnProcess(process.execPath, [join(STUDY, 'summarise.mjs'), out], { cwd: ROOT });
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/^effects against yao20-base in 2030 \(paired difference, 95% CI\):$/m);
    expect(summary.stdout).toMatch(/yao20-benefit-culture {2}Full members: -?\d+ persons \[-?\d+, -?\d+\]/);
  }, T);
});

describe("a user's lever (examples/user-lever)", () => {
  it('is set from a scenario file, billed into policy_cost and reported by its own metric', async () => {
    const dir = tempDir();
    const out = join(dir, 'mentoring');
    const model = join(ROOT, 'examples', 'user-lever', 'mentoring.mjs');
    const file = join(ROOT, 'examples', 'user-lever', 'mentoring.yaml');
    const short = ['--set', 'years=3', '--set', 'county.villages=3', '--set', 'county.population=3000', '--replicates', '2', '--workers', '2'];
    const [without, r] = await Promise.all([
      talentsim(['validate', file]),
      talentsim(['compare', 'baseline', file, '--model', model, ...short, '--out', out, '--quiet']),
    ]);
    expect(without.code).toBe(2); // without the model that declares it, the lever is unknown
    expect(without.stderr).toContain('policies[0].lever: unknown lever "mentoring"');
    expect(r.code).toBe(0);
    const rows = csv(join(out, 'comparison.csv'));
    const at = (metric: string, year: string) => rows.find((x) => x[0] === 'mentoring' && x[1] === metric && x[2] === year)!;
    expect(Number(at('mentored', '2026')[4])).toBe(0); // from 2027
    const mentored = Number(at('mentored', '2027')[4]);
    expect(mentored).toBeGreaterThan(0);
    // Billed on its cost basis: recipients × value × unit cost = mentored × 0.5 × 2,000 yuan.
    expect(Number(at('policy_cost', '2027')[4])).toBeCloseTo(mentored * 0.5 * 2000, 6);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Villagers mentored');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(Object.keys(summary.scenarios[1].outcomes)).toContain('mentored');
  }, T);
});

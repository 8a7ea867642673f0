// The experiments a researcher runs, through the real binary (issue 18): an explicit baseline and the
// refusal to pair another county, --set, calendar-year windows and county rules as the CLI reports them,
// sweeps, sensitivity of a policy's effect, and plain progress lines when stderr is not a terminal.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOY_MODEL, talentsim, tempDir } from './cli-helpers.js';

const T = 240_000;

/** Tiny files: a baseline and a pathway of one 3-village county, and one of another county. */
function files() {
  const dir = tempDir();
  const county = 'county: { villages: 3, population: 3000 }\n';
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  return {
    dir,
    base: write('base.yaml', `name: base\nextends: baseline\nyears: 3\nreplicates: 2\n${county}`),
    culture: write('culture.yaml', `name: culture\nextends: cultural-identity\nyears: 3\nreplicates: 2\n${county}`),
    other: write('other.yaml', 'name: other\nextends: cultural-identity\nyears: 3\nreplicates: 2\ncounty: { villages: 2, population: 1500 }\n'),
    villagesOnly: write('villages-only.yaml', 'name: v\nextends: baseline\ncounty: { villages: 20 }\n'),
    calendar: write('calendar.yaml', 'name: c\nextends: baseline\npolicies:\n  - { lever: care_relief, value: 0.5, from: 2027 }\n'),
    badMix: write('bad-mix.yaml', 'name: m\ncounty: { mix: { zhuang: 0.5, yao: 0.3, miao: 0, dong: 0, mulao: 0, han: 0.1, other: 0 } }\n'),
  };
}

describe('compare --baseline and pairing', () => {
  it('refuses a scenario of another county (exit 2, the differences named) unless --allow-mismatch', async () => {
    const f = files();
    const [refused, allowed] = await Promise.all([
      talentsim(['compare', f.base, f.other, '--baseline', 'base', '--out', join(f.dir, 'a'), '--workers', '1', '--no-report', '--quiet']),
      talentsim(['compare', f.base, f.other, '--baseline', 'base', '--allow-mismatch', '--out', join(f.dir, 'b'), '--workers', '1', '--no-report', '--quiet']),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('scenario "other" differs from the baseline "base" in county.villages (2 vs 3), county.population (1500 vs 3000)');
    expect(refused.stderr).toContain('--allow-mismatch');
    expect(existsSync(join(f.dir, 'a', 'series.csv'))).toBe(false);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(/warning: scenario "other" differs from the baseline "base" in county\.villages \(2 vs 3\).*paired anyway/);
  }, T);

  it('takes the baseline by name, or loads it when it is not among the scenarios; baseline rows have empty differences', async () => {
    const f = files();
    const out = join(f.dir, 'c');
    const r = await talentsim(['compare', f.culture, '--baseline', f.base, '--out', out, '--workers', '1', '--no-report', '--quiet']);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.baseline).toBe('base');
    expect(manifest.scenarios.map((s: { name: string }) => s.name)).toEqual(['base', 'culture']);
    const rows = readFileSync(join(out, 'comparison.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(rows[0].slice(8)).toEqual(['diff', 'diff_ci_low', 'diff_ci_high', 'p_better']);
    for (const row of rows.filter((x) => x[0] === 'base')) expect(row.slice(8)).toEqual(['', '', '', '']);
    // policy_cost has no direction: its p_better is empty, its differences are there.
    const cost = rows.find((x) => x[0] === 'culture' && x[1] === 'policy_cost' && x[2] === '2028')!;
    expect(Number(cost[8])).toBeGreaterThan(0);
    expect(cost[11]).toBe('');
    const members = rows.find((x) => x[0] === 'culture' && x[1] === 'members_full' && x[2] === '2028')!;
    expect(members[11]).toMatch(/^(0|1|0\.5)$/);
    const missing = await talentsim(['compare', f.culture, '--baseline', 'no-such', '--out', join(f.dir, 'd'), '--workers', '1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--baseline no-such: not one of the scenarios (culture), and cannot be loaded as one');
  }, T);
});

describe('scenario settings through the CLI', () => {
  it('validate warns about a scaled population, explains a calendar year and refuses a mix not summing to 1', async () => {
    const f = files();
    const [v, c, m] = await Promise.all([talentsim(['validate', f.villagesOnly]), talentsim(['validate', f.calendar]), talentsim(['validate', f.badMix])]);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain('county.villages: 20 villages without `population`: the population is scaled to 30000');
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('policies[0].from: expected a year offset t in [1, 100] (years since the start); found 2027, which looks like a calendar year; with start_year 2025 it is t = 2: write `from: 2` or `from_year: 2027`');
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('county.mix: the shares sum to 0.9; expected 1');
  }, T);

  it('--set overrides parameters, levers and the county on run, validated like the file', async () => {
    const f = files();
    const out = join(f.dir, 'set');
    const [ok, bad, badPath] = await Promise.all([
      talentsim(['run', f.culture, '--set', 'parameters.migrant_wage=50000', '--set', 'policies.cultural_programmes=0.5', '--set', 'county.villages=2', '--out', out, '--workers', '1', '--quiet']),
      talentsim(['run', f.culture, '--set', 'parameters.migrant_wage=-5', '--out', join(f.dir, 'x'), '--workers', '1']),
      talentsim(['sensitivity', f.base, '--set', 'policies.care_releif=1', '--samples', '2', '--params', 'farm_income', '--out', join(f.dir, 'y')]),
    ]);
    expect(ok.code).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).scenarios[0].scenario;
    expect(s.parameters.migrant_wage).toBe(50000);
    expect(s.policies.find((p: { lever: string }) => p.lever === 'cultural_programmes').value).toBe(0.5);
    expect(s.county).toMatchObject({ villages: 2, population: 2000 });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--set: parameters.migrant_wage: expected a number in [36000, 72000] (yuan/year); found -5\n');
    expect(badPath.code).toBe(2);
    expect(badPath.stderr).toContain('--set: policies.care_releif: unknown lever "care_releif"; did you mean `care_relief`?');
  }, T);
});

describe('talentsim sweep', () => {
  it('runs a grid of a lever and a parameter: sweep.csv and sweep-summary.csv with factor columns, plain progress lines', async () => {
    const f = files();
    const out = join(f.dir, 'sweep');
    const r = await talentsim(['sweep', f.culture, '--grid', 'policies.cultural_programmes=0:1:3', '--grid', 'parameters.migrant_wage=40000,60000', '--workers', '2', '--out', out]);
    expect(r.code).toBe(0);
    // stderr is a pipe here: plain progress lines, not a redrawn bar.
    expect(r.stderr).toMatch(/^sweep: 14 replicates to run$/m);
    expect(r.stderr).toMatch(/^sweep: 14\/14 replicates done in \d+ s$/m);
    const sweep = readFileSync(join(out, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(sweep[0]).toBe('point,cultural_programmes,migrant_wage,metric,year,n,mean,sd,ci_low,ci_high,diff,diff_ci_low,diff_ci_high,p_better');
    const metrics = new Set(sweep.slice(1).map((l) => l.split(',')[3])).size;
    expect(sweep.length - 1).toBe(7 * metrics * 4); // reference + 6 points, every metric, 4 years
    const summary = readFileSync(join(out, 'sweep-summary.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect([...new Set(summary.map((x) => x[0]))]).toEqual([
      'reference', 'cultural_programmes=0;migrant_wage=40000', 'cultural_programmes=0;migrant_wage=60000', 'cultural_programmes=0.5;migrant_wage=40000',
      'cultural_programmes=0.5;migrant_wage=60000', 'cultural_programmes=1;migrant_wage=40000', 'cultural_programmes=1;migrant_wage=60000',
    ]);
    expect(summary.every((x) => x[4] === '2028')).toBe(true);
    expect(summary.find((x) => x[0] === 'reference')!.slice(1, 3)).toEqual(['1', '55000']);
    // cultural programmes at 0 cost nothing: paired with the reference (at 1) the cost difference is −60,000 per village-year.
    const cost = summary.find((x) => x[0] === 'cultural_programmes=0;migrant_wage=40000' && x[3] === 'policy_cost')!;
    expect(Number(cost[10])).toBe(-3 * 60000);
    expect(cost[13]).toBe('');
  }, T);

  it('refuses a bad grid value like a scenario file, before anything runs', async () => {
    const f = files();
    const [range, syntax] = await Promise.all([
      talentsim(['sweep', f.culture, '--grid', 'policies.cultural_programmes=0,2', '--out', join(f.dir, 'z')]),
      talentsim(['sweep', f.culture, '--grid', 'policies.cultural_programmes=a,b', '--out', join(f.dir, 'z2')]),
    ]);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain('--grid: policies.cultural_programmes: expected a number in [0, 1] or an expression in t, year; found 2');
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toContain('--grid policies.cultural_programmes=a,b: expected PATH=V1,V2,... or PATH=LO:HI:N');
  }, T);
});

describe('talentsim sweep in shards', () => {
  it('merges shards into the bytes of one run (the toy model)', async () => {
    const f = files();
    const args = (out: string, ...more: string[]) => ['sweep', f.base, '--grid', 'toy_effect=0,0.5,1', '--replicates', '4', '--model', TOY_MODEL, '--workers', '1', '--quiet', '--out', out, ...more];
    const [whole, s1, s2, merged] = ['whole', 's1', 's2', 'merged'].map((d) => join(f.dir, d));
    const runs = await Promise.all([talentsim(args(whole)), talentsim(args(s1, '--shard', '1/2')), talentsim(args(s2, '--shard', '2/2'))]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const m = await talentsim(['merge', s1, s2, '--out', merged, '--quiet']);
    expect(m.code, m.stderr).toBe(0);
    for (const file of ['series.csv', 'sweep.csv', 'sweep-summary.csv', 'summary.json']) {
      expect(readFileSync(join(merged, file), 'utf8'), file).toBe(readFileSync(join(whole, file), 'utf8'));
    }
  }, T);
});

describe('talentsim sensitivity --effect-of', () => {
  it('analyses the paired effect of a pathway (effect_of column), and refuses one of another county', async () => {
    const f = files();
    const out = join(f.dir, 'eff');
    const [r, refused] = await Promise.all([
      talentsim(['sensitivity', f.base, '--effect-of', f.culture, '--params', 'cultural_programme_effect', '--samples', '2', '--outcome', 'cultural_life_mean', '--workers', '1', '--out', out]),
      talentsim(['sensitivity', f.base, '--effect-of', f.other, '--params', 'farm_income', '--samples', '2', '--workers', '1', '--out', join(f.dir, 'eff2')]),
    ]);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(out, 'sensitivity.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(csv[0]).toEqual(['method', 'outcome', 'parameter', 'index', 'value', 'ci_low', 'ci_high', 'effect_of']);
    expect(csv.slice(1).every((x) => x[7] === 'culture')).toBe(true);
    // The programmes' effect on cultural life grows with their effect size: a positive elementary effect.
    expect(Number(csv.find((x) => x[3] === 'mu')![4])).toBeGreaterThan(0);
    expect(r.stdout).toContain('cultural_life_mean (effect of culture: pathway − baseline): top 1 by mu*');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('scenario "other" differs from the baseline "base" in county.villages (2 vs 3)');
  }, T);
});

// `talentsim dose-response`, `frontier` and `optimize` end to end through main() in process (issue 16), on a
// tiny county (4 villages, 3 years, 2 replicates) so the whole file runs in well under a minute: the CSVs with
// their columns, the charts, spend measured in the model within the stated tolerance, and a portfolio scenario
// that validates and runs with the budget as its measured spend.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { LEVERS } from '../../src/model/levers.js';
import { loadScenario } from '../../src/scenario/index.js';
import { MARKERS, renderResults, replaceResults } from '../../scripts/policy-design.js';
import { captureIo, ROOT } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'talentsim-policy-'));
const base = join(dir, 'tiny.yaml');
writeFileSync(base, 'extends: baseline\nname: baseline\nyears: 3\nreplicates: 2\ncounty: { villages: 4, population: 1200 }\n');
const common = ['--scenario', base, '--workers', '1', '--quiet'];

function csv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

async function run(args: string[]): Promise<ReturnType<typeof captureIo>> {
  const io = captureIo();
  const code = await main(args, io);
  expect(io.err, args.join(' ')).toBe('');
  expect(code, io.err).toBe(0);
  return io;
}

describe('talentsim dose-response', () => {
  it('writes dose-response.csv with the effect and measured spend of each lever value, and its chart', async () => {
    const out = join(dir, 'dose');
    await run(['dose-response', 'care_relief', 'returnee_support', '--points', '3', '--outcome', 'members_full,branches_renewed_share', '--out', out, ...common]);
    const head = readFileSync(join(out, 'dose-response.csv'), 'utf8').split('\n')[0];
    expect(head).toBe('lever,value,spend,outcome,effect,ci_low,ci_high');
    const rows = csv(join(out, 'dose-response.csv'));
    expect(rows.length).toBe(2 * 3 * 2);
    const care = rows.filter((r) => r.lever === 'care_relief' && r.outcome === 'members_full').map((r) => [Number(r.value), Number(r.spend)]);
    expect(care).toEqual([[0, 0], [0.5, 20000], [1, 40000]]); // a per-village lever: value × unit cost, exactly
    const returnee = rows.filter((r) => r.lever === 'returnee_support' && r.outcome === 'members_full').map((r) => Number(r.spend));
    expect(returnee[2]).toBeGreaterThan(returnee[1]); // per recipient: measured, growing with the value
    expect(rows.filter((r) => r.value === '0').every((r) => r.effect === '0')).toBe(true);
    expect(existsSync(join(out, 'charts', 'dose-response.svg'))).toBe(true);
    expect(existsSync(join(out, 'charts', 'dose-response.png'))).toBe(true);
  });

  it('exits 2 on an unknown lever', async () => {
    const io = captureIo();
    expect(await main(['dose-response', 'care_relif', ...common, '--out', join(dir, 'bad')], io)).toBe(2);
    expect(io.err).toMatch(/unknown lever "care_relif"/);
  });
});

describe('cost levels and lever costs on the command line', () => {
  it('run --costs high bills the high unit costs; schema --levers prints every lever with its range and source', async () => {
    const cultural = join(dir, 'cultural.yaml');
    writeFileSync(cultural, 'extends: cultural-identity\nname: cultural\nyears: 2\nreplicates: 1\ncounty: { villages: 4, population: 1200 }\n');
    const spend: Record<string, number> = {};
    for (const level of ['default', 'high']) {
      const out = join(dir, `costs-${level}`);
      await run(['run', cultural, '--costs', level, '--workers', '1', '--quiet', '--out', out]);
      spend[level] = Number(csv(join(out, 'series.csv')).find((r) => r.metric === 'policy_cost' && r.year === '2026')!.value);
    }
    const spec = (n: string) => LEVERS.find((l) => l.name === n)!;
    expect(spend.default).toBe(4 * (spec('cultural_programmes').unitCost + spec('cultural_efficacy').unitCost));
    expect(spend.high).toBe(4 * (spec('cultural_programmes').unitCostHigh + spec('cultural_efficacy').unitCostHigh));
    const io = await run(['schema', '--levers']);
    for (const l of LEVERS) expect(io.out).toContain(`${l.name} (`);
    expect(io.out.match(/^ {2}source: /gm)?.length).toBe(LEVERS.length);
  });
});

describe('talentsim frontier and optimize', () => {
  const frontierOut = join(dir, 'frontier');
  const budgets = [10000, 20000];

  it('frontier: the best mix of each pathway and of all levers per budget, spend within 2% unless saturated', async () => {
    const io = captureIo();
    const code = await main(['frontier', ...['organizational-fortification', 'industrial-focal-points', 'cultural-identity', 'benefit-incentives'],
      '--budgets', budgets.join(','), '--evaluations', '3', '--search-replicates', '2', '--replicates', '2', '--out', frontierOut, '--scenario', base, '--workers', '1'], io);
    expect(code, io.err).toBe(0);
    const rows = csv(join(frontierOut, 'frontier.csv'));
    const head = readFileSync(join(frontierOut, 'frontier.csv'), 'utf8').split('\n')[0].split(',');
    expect(head.slice(0, 2)).toEqual(['pathway', 'budget']);
    expect(head).toEqual(expect.arrayContaining([...LEVERS.map((l) => l.name), 'spend', 'mean', 'ci_low', 'ci_high']));
    expect(rows.length).toBe(5 * budgets.length);
    for (const r of rows) {
      // budget_met says whether the spend measured on the final replicates is within 2% of the budget (or the
      // mix is saturated below it); every pathway but fortification (whose first secretaries come in lumps of
      // 80,000 yuan, too coarse for 4 villages) and the benefit pathway (paid per recipient: with the
      // calibrated return rates a 4-village county has a handful of returning talents and young candidates a
      // year, so its spend moves in steps of a recipient's 1,000-yuan payments) meets it here; budget_met is
      // still checked against the measured spend for every pathway.
      const within = Math.abs(Number(r.spend) - Number(r.budget)) / Number(r.budget) <= 0.02;
      expect(r.budget_met, `${r.pathway} at ${r.budget}`).toBe(String(within || (r.saturated === 'true' && Number(r.spend) < Number(r.budget))));
      if (r.pathway !== 'organizational-fortification' && r.pathway !== 'combined' && r.pathway !== 'benefit-incentives') expect(r.budget_met, `${r.pathway} at ${r.budget}`).toBe('true');
    }
    expect(csv(join(frontierOut, 'ranking.csv')).length).toBe(5 * budgets.length);
    expect(existsSync(join(frontierOut, 'charts', 'frontier.svg'))).toBe(true);
    expect(io.out).toMatch(/The ranking (is the same at every budget|changes between)/);
  });

  it('optimize: portfolio.csv and a portfolio scenario that validates, runs and spends the budget within 2%', async () => {
    const out = join(dir, 'optimize');
    const budget = 4 * 20000;
    const io = await run(['optimize', '--budget', String(budget), '--frontier', frontierOut, '--draws', '2', '--replicates', '1', '--out', out, ...common]);
    expect(io.out).toMatch(/portfolio\.yaml/);
    const head = readFileSync(join(out, 'portfolio.csv'), 'utf8').split('\n')[0];
    expect(head).toBe('village_type,option,lever,value,spend_share');
    const shares = csv(join(out, 'portfolio.csv')).reduce((s, r) => s + Number(r.spend_share), 0);
    expect(shares).toBeCloseTo(1, 6);
    const scenario = loadScenario(join(out, 'portfolio.yaml'));
    expect(scenario.policies.every((p) => p.where?.villageType?.length === 1)).toBe(true);
    const runOut = join(out, 'run');
    await run(['run', join(out, 'portfolio.yaml'), '--workers', '1', '--out', runOut, '--quiet']);
    const cost = csv(join(runOut, 'series.csv')).filter((r) => r.metric === 'policy_cost' && Number(r.year) > 2025).map((r) => Number(r.value));
    const spend = cost.reduce((a, b) => a + b, 0) / cost.length;
    expect(Math.abs(spend - budget) / budget).toBeLessThanOrEqual(0.02);
    const summary = JSON.parse(readFileSync(join(out, 'optimize.json'), 'utf8'));
    expect(summary.comparisons.map((c: { against: string }) => c.against)).toEqual([expect.stringMatching(/^best uniform pathway/), 'uniform combined mix', 'baseline']);
  });

  it('the policy-design script renders the results section of docs/policy-design.md from the three outputs', () => {
    const section = renderResults({ dose: join(dir, 'dose'), frontier: frontierOut, optimize: join(dir, 'optimize') }, { commit: 'abc1234', date: '2026-01-01', preset: 'quick', command: 'npm run policy-design' });
    expect(section.startsWith(MARKERS.start) && section.endsWith(MARKERS.end)).toBe(true);
    expect(section).toMatch(/Provisional figures.*`abc1234`/);
    for (const p of ['organizational-fortification', 'industrial-focal-points', 'cultural-identity', 'benefit-incentives', 'combined']) expect(section).toContain(`| ${p} |`);
    expect(section).toMatch(/\| portfolio \| /);
    const doc = readFileSync(join(ROOT, 'docs', 'policy-design.md'), 'utf8');
    const replaced = replaceResults(doc, section);
    expect(replaced.startsWith(doc.slice(0, doc.indexOf(MARKERS.start)))).toBe(true);
    expect(replaced.endsWith(doc.slice(doc.indexOf(MARKERS.end) + MARKERS.end.length))).toBe(true);
  });

  it('optimize refuses a frontier without the budget per village', async () => {
    const io = captureIo();
    expect(await main(['optimize', '--budget', '123456', '--frontier', frontierOut, ...common, '--out', join(dir, 'bad-opt')], io)).toBe(2);
    expect(io.err).toMatch(/no pathway mixes and combined mix at 30864 yuan per village/);
  });
});

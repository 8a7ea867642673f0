/**
 * The explorer's model side in Node: its replicates give exactly the rows `talentsim run` gives, the
 * per-lever spending it measures adds up to the model's policy_cost, the scenario file it writes validates
 * with the CLI's loader and runs the same scenario, and the embedded built-ins are the shipped files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/rows.js';
import { runReplicate } from '../../src/talent/replicate.js';
import { LEVER_INDEX } from '../../src/model/levers.js';
import { builtinScenarioNames, loadScenario, parseScenario, scenarioHash } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { runExplorerReplicate } from '../../explorer/src/engine.js';
import { BASELINE_NAME, BUILTIN_YAML, builtinScenario, leverPlans, policyName, prepareRun, resolveText, type ExplorerSetup } from '../../explorer/src/scenarios.js';
import { RunResults } from '../../explorer/src/results.js';
import { ROOT } from '../cli/cli-helpers.js';

/** A small, fast county with two levers: one paid per village, one per recipient. */
function smallSetup(overrides: Partial<ExplorerSetup> = {}): ExplorerSetup {
  const base: Scenario = { ...loadScenario('baseline'), county: { ...loadScenario('baseline').county, villages: 4, population: 4000 } };
  return {
    base,
    name: 'small-policy',
    description: 'test',
    years: 4,
    seed: 7,
    replicates: 2,
    policies: [
      { lever: 'cultural_programmes', value: 0.5, from: 1, until: null, unitCost: 60000 },
      { lever: 'young_talent_stipend', value: 4, from: 1, until: null, unitCost: 1000 },
    ],
    shocks: [],
    ...overrides,
  };
}

describe('explorer model side', () => {
  it('embeds exactly the shipped built-in scenarios, each resolving to what the CLI loads', () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(Object.keys(BUILTIN_YAML)).toEqual(builtinScenarioNames());
    for (const f of files) expect(BUILTIN_YAML[f.replace(/\.\w+$/, '')]).toBe(readFileSync(join(ROOT, 'scenarios', f), 'utf8'));
    for (const name of Object.keys(BUILTIN_YAML)) expect(scenarioHash(builtinScenario(name))).toBe(scenarioHash(loadScenario(name)));
  });

  it('runs a replicate with the same rows, byte for byte as CSV, as the CLI path (runReplicate)', () => {
    const s = prepareRun(smallSetup());
    if (!s.ok) throw new Error(s.issues.join('\n'));
    for (const scenario of [s.run.baseline, s.run.policy]) {
      for (const r of [0, 1]) expect(toCsv(runExplorerReplicate(scenario, r).rows)).toBe(toCsv(runReplicate(scenario, r)));
    }
  });

  it('measures each lever\'s spending: village levers at value × unit cost, and all levers summing to policy_cost', () => {
    const s = prepareRun(smallSetup());
    if (!s.ok) throw new Error(s.issues.join('\n'));
    const res = runExplorerReplicate(s.run.policy, 0);
    const villages = s.run.policy.county.villages;
    expect(res.spend.cultural_programmes / villages).toBeCloseTo(0.5 * 60000, 6);
    expect(res.spend.young_talent_stipend).toBeGreaterThan(0);
    expect(res.spend.supervision_visits).toBe(0);
    const cost = res.rows.filter((r) => r.metric === 'policy_cost' && r.year > s.run.policy.startYear);
    const meanCost = cost.reduce((a, r) => a + r.value, 0) / cost.length;
    const sum = Object.values(res.spend).reduce((a, v) => a + v, 0);
    expect(sum).toBeCloseTo(meanCost, 6);
    expect(res.rows.some((r) => r.metric.startsWith('explorer_spend'))).toBe(false);
  });

  it('writes a scenario file that the CLI loader validates into the scenario it runs; the baseline drops levers and shocks only', () => {
    const setup = smallSetup({ shocks: [{ kind: 'lockdown', start: 1, duration: 2, mobility: 0, conflict: 0.3, migrantWage: 0.8 }] });
    const s = prepareRun(setup);
    if (!s.ok) throw new Error(s.issues.join('\n'));
    const loaded = parseScenario(s.run.yaml, 'downloaded.yaml');
    expect(scenarioHash(loaded)).toBe(scenarioHash(s.run.policy));
    expect(loaded.crn).toBe(true);
    expect(s.run.yaml).toMatch(/^# Scenario "small-policy" made in the talentsim explorer/);
    const { baseline, policy } = s.run;
    expect(baseline.name).toBe(BASELINE_NAME);
    expect(baseline.policies).toEqual([]);
    expect(baseline.shocks).toEqual([]);
    expect({ ...baseline, name: '', description: '', source: '', policies: [], shocks: [] }).toEqual({ ...policy, name: '', description: '', source: '', policies: [], shocks: [] });
  });

  it('keeps the policy\'s name apart from the baseline\'s and reports invalid settings as the CLI would', () => {
    expect(policyName('baseline')).toBe('baseline-policy');
    expect(policyName('  ')).toBe('policy');
    const bad = prepareRun(smallSetup({ policies: [{ lever: 'cultural_programmes', value: '0.1 * t', from: 1, until: null, unitCost: 60000 }], years: 20 }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.join('\n')).toMatch(/small-policy\.yaml: policies\[0\]\.value: expression "0\.1 \* t" is outside the lever's range \[0, 1\] at t = 11/);
  });

  it('resolves pasted YAML with `extends` reaching built-ins only, with the validator\'s messages', () => {
    const ok = resolveText('name: mine\nextends: cultural-identity\ncounty: { villages: 5, population: 5000 }\n', 'pasted YAML');
    expect(ok.ok && ok.scenario.policies.map((p) => p.lever)).toEqual(['cultural_programmes', 'cultural_efficacy']);
    const file = resolveText('name: mine\nextends: ./other.yaml\n', 'pasted YAML');
    expect(!file.ok && file.issues[0].message).toMatch(/cannot read files, so `extends` may only name a built-in/);
    const typo = resolveText('name: mine\nyeras: 3\n', 'pasted YAML');
    expect(!typo.ok && typo.issues[0].message).toMatch(/did you mean `years`/);
  });

  it('plans each set lever year by year from the compiled schedule (expressions, windows, unit costs)', () => {
    const combined = builtinScenario('combined');
    const plans = leverPlans(combined);
    expect(plans.industry_investment.values.slice(0, 4)).toEqual([0.6, 1.2, 1.6, 1.6]);
    expect(plans.industry_investment.unitCosts[0]).toBe(LEVER_INDEX.get('industry_investment')!.unitCost);
    expect(Object.keys(plans).sort()).toEqual([...new Set(combined.policies.map((p) => p.lever))].sort());
  });

  it('collects finished replicates in series.csv order with the measured spending per village', () => {
    const s = prepareRun(smallSetup({ years: 2 }));
    if (!s.ok) throw new Error(s.issues.join('\n'));
    const results = new RunResults(s.run, 2);
    const p1 = runExplorerReplicate(s.run.policy, 1);
    const b0 = runExplorerReplicate(s.run.baseline, 0);
    const p0 = runExplorerReplicate(s.run.policy, 0);
    results.add(p1);
    expect(results.pairs).toBe(0);
    results.add(b0);
    results.add(p0);
    expect(results.pairs).toBe(1);
    expect(results.csv()).toBe(toCsv([...b0.rows, ...p0.rows, ...p1.rows]));
    const m = results.measuredSpend();
    expect(m.cultural_programmes).toEqual({ meanValue: 0.5, perVillage: (p0.spend.cultural_programmes + p1.spend.cultural_programmes) / 2 / 4 });
    expect(() => results.add({ ...p0, scenario: 'other' })).toThrow(/does not belong/);
  });
});

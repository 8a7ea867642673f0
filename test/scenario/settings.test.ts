/**
 * County settings, strength, calendar-year windows and `--set` behave as a user expects (issue 18): each
 * rule with the exact message or warning a user reads.
 */
import { describe, expect, it } from 'vitest';
import { defineLever } from '../../src/model/levers.js';
import {
  applySettings, compileScenario, formatScenarioErrors, loadScenario, parseSetting, safeApplySettings, safeParseScenario,
  type Scenario, type ScenarioResult,
} from '../../src/scenario/index.js';

const load = (yaml: string, label = 'my.yaml', options = {}): ScenarioResult<Scenario> => safeParseScenario(yaml, label, process.cwd(), options);
const ok = (r: ScenarioResult<Scenario>): Scenario => {
  if (!r.ok) throw new Error(formatScenarioErrors(r.issues));
  return r.scenario;
};
const problems = (r: ScenarioResult<Scenario>): string => (r.ok ? '' : formatScenarioErrors(r.issues));
const warnings = (r: ScenarioResult<Scenario>): string[] => (r.ok ? r.warnings.map((w) => `${w.file}: ${w.path}: ${w.message}`) : []);

describe('county settings', () => {
  it('scales the population with villages alone (keeping the mean village size) and says so', () => {
    const r = load('name: a\nextends: baseline\ncounty: { villages: 20 }\n');
    expect(ok(r).county).toMatchObject({ villages: 20, population: 30000 });
    expect(warnings(r)).toEqual([
      'my.yaml: county.villages: 20 villages without `population`: the population is scaled to 30000 to keep the mean village size of 1500 (54000 over 36 villages); give county.population to choose it',
    ]);
    const both = load('name: a\nextends: baseline\ncounty: { villages: 20, population: 54000 }\n');
    expect(ok(both).county).toMatchObject({ villages: 20, population: 54000 });
    expect(warnings(both)).toEqual([]);
  });

  it('keeps a mix share as written and scales the inherited ones, with a warning saying what was done', () => {
    const r = load('name: a\nextends: baseline\ncounty: { mix: { yao: 0.25 } }\n');
    const mix = ok(r).county.mix;
    expect(mix.yao).toBe(0.25);
    expect(Object.values(mix).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(mix.zhuang / mix.han).toBeCloseTo(0.72 / 0.2285, 12); // the others keep their proportions
    expect(warnings(r)[0]).toMatch(/^my\.yaml: county\.mix: kept the shares given \(yao 0\.25\) and scaled the other shares \(inherited, summing to 0\.975\) by 0\.769 so that the mix sums to 1: zhuang 0\.554, /);
  });

  it('refuses a mix that names every ethnicity without summing to 1, and shares given above 1 in total', () => {
    const all = load('name: a\ncounty: { mix: { zhuang: 0.5, yao: 0.3, miao: 0, dong: 0, mulao: 0, han: 0.1, other: 0 } }\n');
    expect(problems(all)).toBe('my.yaml: county.mix: the shares sum to 0.9; expected 1 (or leave some ethnicities out: their inherited shares are then scaled to fill the rest)');
    const over = load('name: a\ncounty: { mix: { zhuang: 0.8, yao: 0.4 } }\n');
    expect(problems(over)).toBe('my.yaml: county.mix: the shares given (zhuang 0.8, yao 0.4) sum to 1.2; expected at most 1');
  });
});

describe('strength', () => {
  it('scales every lever: numbers × strength clamped to the range, expressions wrapped', () => {
    const s = ok(load('name: a\nextends: benefit-incentives\nstrength: 0.5\npolicies:\n  - { lever: supervision_visits, value: "min(12, 4 * t)" }\n'));
    expect(s.policies.map((p) => [p.lever, p.value])).toEqual([
      ['returnee_support', 0.5], ['young_talent_stipend', 0.4], ['care_relief', 0.3], ['entrepreneurship_support', 0.35],
      ['supervision_visits', 'clamp((min(12, 4 * t)) * 0.5, 0, 12)'],
    ]);
    const compiled = compileScenario(s).policy(2, 2027).levers;
    expect(compiled.supervision_visits).toBe(4);
    const strong = ok(load('name: a\nextends: cultural-identity\nstrength: 3\n'));
    expect(strong.policies.map((p) => p.value)).toEqual([1, 1]); // clamped at the maximum 1
  });

  it('scales only the named pathways, and is not inherited: a child of a half-strength file adds levers at full value', () => {
    const s = ok(load('name: a\nextends: combined\nstrength: { benefit-incentives: 0.5 }\n'));
    const benefit = ok(load('name: b\nextends: combined\n'));
    for (const p of s.policies) {
      const full = benefit.policies.find((q) => q.lever === p.lever)!;
      const isBenefit = ['returnee_support', 'young_talent_stipend', 'care_relief', 'entrepreneurship_support'].includes(p.lever);
      expect(p.value).toBe(isBenefit ? Number(((full.value as number) * 0.5).toPrecision(12)) : full.value);
    }
    const dir = 'test/fixtures/scenarios';
    const child = ok(safeParseScenario('name: c\nextends: ./half.yaml\npolicies:\n  - { lever: cultural_programmes, value: 1 }\n', 'c.yaml', dir, {}));
    expect(child.policies.find((p) => p.lever === 'cultural_programmes')!.value).toBe(1);
    expect(child.policies.find((p) => p.lever === 'care_relief')!.value).toBe(0.3);
  });

  it('names an unknown pathway with a suggestion, and warns when there is nothing to scale', () => {
    expect(problems(load('name: a\nstrength: { benefit-incentive: 0.5 }\n'))).toBe(
      'my.yaml: strength.benefit-incentive: unknown pathway; did you mean `benefit-incentives`? (expected one of: organizational-fortification, industrial-focal-points, cultural-identity, benefit-incentives)',
    );
    expect(problems(load('name: a\nstrength: -1\n'))).toBe('my.yaml: strength: expected a strength in [0, 10]; found -1');
    expect(warnings(load('name: a\nextends: baseline\nstrength: 0.5\n'))).toEqual(['my.yaml: strength: no lever is set (here or in a parent), so there is nothing to scale']);
  });
});

describe('windows in calendar years and windows outside the run', () => {
  it('accepts from_year / to_year and a shock start_year beside from / until / start', () => {
    const s = ok(load('name: a\nyears: 10\npolicies:\n  - { lever: care_relief, value: 0.5, from_year: 2027, to_year: 2030 }\nshocks:\n  - { kind: lockdown, start_year: 2030 }\n'));
    expect(s.policies[0]).toMatchObject({ from: 2, until: 5 });
    expect(s.shocks[0]).toMatchObject({ start: 5, duration: 1 });
    const later = ok(load('name: a\nyears: 10\nstart_year: 2010\npolicies:\n  - { lever: care_relief, value: 0.5, from_year: 2015 }\n'));
    expect(later.policies[0]).toMatchObject({ from: 5, until: null });
  });

  it('explains that from: 2027 is a calendar year and what t it means', () => {
    expect(problems(load('name: a\npolicies:\n  - { lever: care_relief, value: 0.5, from: 2027 }\n'))).toBe(
      'my.yaml: policies[0].from: expected a year offset t in [1, 100] (years since the start); found 2027, which looks like a calendar year; with start_year 2025 it is t = 2: write `from: 2` or `from_year: 2027`',
    );
    expect(problems(load('name: a\nstart_year: 2010\nshocks:\n  - { kind: lockdown, start: 2020 }\n'))).toBe(
      'my.yaml: shocks[0].start: expected a year offset t in [1, 100] (years since the start); found 2020, which looks like a calendar year; with start_year 2010 it is t = 10: write `start: 10` or `start_year: 2020`',
    );
  });

  it('refuses windows that start after the run or at the initial state, and both forms of one bound', () => {
    expect(problems(load('name: a\nyears: 5\npolicies:\n  - { lever: care_relief, value: 0.5, from: 7 }\n'))).toBe(
      "my.yaml: policies[0].from: the window starts at t = 7 (2032), after the run's last year (t = 1..5, 2026-2030): the lever would never act",
    );
    expect(problems(load('name: a\npolicies:\n  - { lever: care_relief, value: 0.5, from_year: 2025 }\n'))).toBe(
      'my.yaml: policies[0].from_year: 2025 is not a simulated year: the run covers t = 1..30, 2026-2055 (start_year 2025 is the initial state)',
    );
    expect(problems(load('name: a\nyears: 3\nshocks:\n  - { kind: lockdown, start_year: 2030 }\n'))).toBe(
      "my.yaml: shocks[0].start_year: the shock starts at t = 5 (2030), after the run's last year (t = 1..3, 2026-2028): it would never act",
    );
    expect(problems(load('name: a\npolicies:\n  - { lever: care_relief, value: 0.5, from: 2, from_year: 2027 }\n'))).toBe(
      'my.yaml: policies[0].from_year: give either `from` (years since the start) or `from_year` (a calendar year), not both',
    );
  });
});

describe('--set path=value', () => {
  const base = loadScenario('benefit-incentives');
  const set = (...texts: string[]) => safeApplySettings(base, texts.map((t) => parseSetting(t)));

  it('reads values as YAML scalars', () => {
    expect(parseSetting('parameters.x=0.5')).toEqual({ path: 'parameters.x', value: 0.5 });
    expect(parseSetting('crn=false').value).toBe(false);
    expect(parseSetting('policies.care_relief=min(1, 0.1 * t)').value).toBe('min(1, 0.1 * t)');
    expect(parseSetting('policies.care_relief=t > 3 ? 1 : 0').value).toBe('t > 3 ? 1 : 0');
    expect(() => parseSetting('years')).toThrow(/--set: expected path=value/);
  });

  it('overrides parameters, levers (keeping their windows), the county, years and strength', () => {
    const s = ok(set('parameters.migrant_wage=50000', 'policies.care_relief=0.9', 'policies.cultural_programmes=1', 'county.villages=20', 'years=8', 'strength.cultural-identity=0.5'));
    expect(s.parameters.migrant_wage).toBe(50000);
    expect(s.policies.find((p) => p.lever === 'care_relief')).toMatchObject({ value: 0.9, from: 1, until: null });
    expect(s.policies.find((p) => p.lever === 'cultural_programmes')).toMatchObject({ value: 0.5 });
    expect(s.county).toMatchObject({ villages: 20, population: 30000 });
    expect(s.years).toBe(8);
    expect(s.description).toBe(base.description);
    const windowed = ok(set('policies.care_relief.from_year=2027'));
    expect(windowed.policies.find((p) => p.lever === 'care_relief')).toMatchObject({ value: 0.6, from: 2 });
  });

  it('reports problems as the file does, naming --set and the path as written', () => {
    expect(problems(set('parameters.outmigration_bse=0.1'))).toBe('--set: parameters.outmigration_bse: unknown parameter; did you mean `outmigration_base`?');
    expect(problems(set('policies.care_relief=2'))).toBe('--set: policies.care_relief: expected a number in [0, 1] or an expression in t, year; found 2');
    expect(problems(set('policies.care_releif=0.5'))).toBe('--set: policies.care_releif: unknown lever "care_releif"; did you mean `care_relief`?');
    expect(problems(set('yeras=3'))).toMatch(/^--set: yeras: not a scenario field; expected one of: /);
    expect(problems(set('migrant_wage=3'))).toMatch(/^--set: migrant_wage: not a scenario field; `migrant_wage` is a parameter: parameters\.migrant_wage; /);
    const lockdown = loadScenario('lockdown-shock');
    expect(problems(safeApplySettings(lockdown, [parseSetting('years=1'), parseSetting('shocks[0].start=3')]))).toBe(
      "--set: shocks[0].start: the shock starts at t = 3 (2028), after the run's last year (t = 1..1, 2026-2026): it would never act",
    );
    expect(ok(safeApplySettings(lockdown, [parseSetting('shocks[0].start_year=2030')])).shocks[0].start).toBe(5);
  });
});

describe('user levers (defineLever)', () => {
  const mentoring = defineLever({ name: 'mentoring', unit: 'intensity 0-1', min: 0, max: 1, unitCost: 5000, costBasis: 'village', pathway: 'mentoring-programme' });
  const yaml = 'name: m\nextends: baseline\npolicies:\n  - { lever: mentoring, value: 0.5, unit_cost: 6000 }\n';

  it('is validated, costed and compiled like a built-in lever when the loader is given it', () => {
    expect(problems(load(yaml))).toMatch(/^my\.yaml: policies\[0\]\.lever: unknown lever "mentoring"; expected one of: /);
    expect(problems(load(yaml.replace('0.5', '2'), 'my.yaml', { levers: [mentoring] }))).toBe('my.yaml: policies[0].value: expected a number in [0, 1] or an expression in t, year; found 2');
    const s = ok(load(yaml, 'my.yaml', { levers: [mentoring] }));
    expect(s.levers).toEqual([mentoring]);
    const year = compileScenario(s).policy(1, 2026);
    expect([year.levers.mentoring, year.unitCosts.mentoring]).toEqual([0.5, 6000]);
    expect(ok(load('name: m\nextends: baseline\nstrength: { mentoring-programme: 0.5 }\npolicies:\n  - { lever: mentoring, value: 0.5 }\n', 'my.yaml', { levers: [mentoring] })).policies[0].value).toBe(0.25);
    expect(applySettings(s, [parseSetting('policies.mentoring=1')]).policies[0].value).toBe(1);
  });

  it('refuses an incomplete declaration or a built-in name', () => {
    expect(() => defineLever({ name: 'care_relief', unit: 'x', min: 0, max: 1, unitCost: 1, costBasis: 'village' })).toThrow(/built-in lever/);
    expect(() => defineLever({ name: 'Bad Name', unit: 'x', min: 1, max: 0, unitCost: -1, costBasis: 'nobody' as 'village' })).toThrow(/snake_case[\s\S]*max > min[\s\S]*unitCost[\s\S]*costBasis/);
  });
});

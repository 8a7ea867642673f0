/** compileScenario: lever values over t, unit costs, shocks combining, parameters and county. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVERS, zeroLevers } from '../../src/model/levers.js';
import { defaultParams } from '../../src/model/parameters.js';
import { compileScenario, loadScenario, scenarioFromObject } from '../../src/scenario/index.js';

const declaredCosts = () => Object.fromEntries(LEVERS.map((l) => [l.name, l.unitCost]));

describe('compileScenario', () => {
  const s = scenarioFromObject({
    name: 'c',
    years: 10,
    start_year: 2030,
    parameters: { member_quit_rate: 0.002 },
    county: { villages: 5, population: 5000 },
    policies: [
      { lever: 'supervision_visits', value: 6 },
      { lever: 'care_relief', value: 'min(1, 0.25 * t)', from: 2, until: 6, unit_cost: 50000 },
      { lever: 'study_programme', value: 'year >= 2035 ? 1 : 0.5' },
    ],
    shocks: [
      { kind: 'lockdown', start: 2, duration: 3 },
      { kind: 'economic', start: 4, duration: 2, mobility: 0.5, conflict: 0.8, migrant_wage: 0.5 },
    ],
  });
  const inputs = compileScenario(s);

  it('fills the parameters with defaults and applies the overrides', () => {
    expect(inputs.params).toEqual({ ...defaultParams(), member_quit_rate: 0.002 });
  });

  it('passes the county through', () => {
    expect(inputs.county).toMatchObject({ villages: 5, population: 5000 });
  });

  it('gives every lever a value each year, 0 for levers no policy sets', () => {
    const { levers } = inputs.policy(1, 2031);
    expect(Object.keys(levers).sort()).toEqual(LEVERS.map((l) => l.name).sort());
    expect(levers.entrepreneurship_support).toBe(0);
    expect(levers.supervision_visits).toBe(6);
  });

  it('evaluates expressions in t and year and is 0 outside [from, until]', () => {
    const care = [1, 2, 3, 4, 5, 6, 7].map((t) => inputs.policy(t, 2030 + t).levers.care_relief);
    expect(care).toEqual([0, 0.5, 0.75, 1, 1, 1, 0]);
    expect(inputs.policy(4, 2034).levers.study_programme).toBe(0.5);
    expect(inputs.policy(5, 2035).levers.study_programme).toBe(1);
  });

  it("uses the policy's unit cost while it is active and the declared cost otherwise", () => {
    expect(inputs.policy(3, 2033).unitCosts).toEqual({ ...declaredCosts(), care_relief: 50000 });
    expect(inputs.policy(8, 2038).unitCosts).toEqual(declaredCosts());
  });

  it('multiplies mobility and migrant wages and adds conflict (capped at 1) over active shocks', () => {
    expect(inputs.shock(1, 2031)).toEqual({ mobility: 1, conflict: 0, migrantWage: 1 });
    expect(inputs.shock(2, 2032)).toEqual({ mobility: 0, conflict: 0.3, migrantWage: 0.8 });
    // t = 4: lockdown (0, 0.3, 0.8) and economic (0.5, 0.8, 0.5) together.
    const both = inputs.shock(4, 2034);
    expect(both.mobility).toBe(0);
    expect(both.conflict).toBe(1);
    expect(both.migrantWage).toBeCloseTo(0.4, 12);
    expect(inputs.shock(5, 2035)).toEqual({ mobility: 0.5, conflict: 0.8, migrantWage: 0.5 });
    expect(inputs.shock(6, 2036)).toEqual({ mobility: 1, conflict: 0, migrantWage: 1 });
  });

  it('keeps values inside the lever range even when called beyond the validated horizon', () => {
    const ramp = compileScenario(scenarioFromObject({ name: 'r', years: 5, policies: [{ lever: 'care_relief', value: '0.2 * t' }] }));
    expect(ramp.policy(50, 2075).levers.care_relief).toBe(1);
  });

  it('compiles a scenario whose levers are all 0 to the baseline policy at every t (property)', () => {
    const baseline = compileScenario(loadScenario('baseline'));
    const zeroPolicy = fc.record({
      lever: fc.constantFrom(...LEVERS.map((l) => l.name)),
      value: fc.constantFrom<number | string>(0, '0', '0 * t', 'min(0, t)', 'max(0, -year)', 't > 100 ? 1 : 0'),
      from: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(zeroPolicy, { selector: (p) => p.lever, maxLength: LEVERS.length }), (policies) => {
        const inputs = compileScenario(scenarioFromObject({ name: 'zero', extends: 'baseline', policies }));
        for (let t = 1; t <= 30; t++) {
          expect(inputs.policy(t, 2025 + t).levers).toEqual(baseline.policy(t, 2025 + t).levers);
          expect(inputs.policy(t, 2025 + t).levers).toEqual(zeroLevers());
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});

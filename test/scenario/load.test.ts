/** Loading scenarios: built-ins, extends semantics, describe round trip, hash, overrides, JSON Schema. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVER_INDEX, LEVERS } from '../../src/model/levers.js';
import { PARAMETERS } from '../../src/model/parameters.js';
import {
  builtinScenarioNames,
  builtinScenarioPath,
  compileScenario,
  describeScenario,
  loadScenario,
  parseScenario,
  safeLoadScenario,
  safeParseScenario,
  scenarioFromObject,
  scenarioHash,
  scenarioJsonSchema,
  ScenarioLoadError,
  withOverrides,
  type Scenario,
} from '../../src/scenario/index.js';

const FIXTURES = 'test/fixtures/scenarios';
const PATHWAYS = ['organizational-fortification', 'industrial-focal-points', 'cultural-identity', 'benefit-incentives'];

describe('built-in scenarios', () => {
  it('lists every scenario the paper comparison needs, plus the Guangxi benchmark', () => {
    expect(builtinScenarioNames()).toEqual(
      expect.arrayContaining(['baseline', ...PATHWAYS, 'combined', 'lockdown-shock', 'guangxi']),
    );
  });

  for (const name of builtinScenarioNames()) {
    it(`loads and validates ${name}`, () => {
      const s = loadScenario(name);
      expect(s.name).toBe(name);
      expect(s.source).toBe(name);
      expect(existsSync(builtinScenarioPath(name))).toBe(true);
      expect(() => compileScenario(s)).not.toThrow();
    });
  }

  it('runs the baseline under current policy: no levers, 30 years, 12 replicates, seed 1', () => {
    const s = loadScenario('baseline');
    expect(s).toMatchObject({ years: 30, replicates: 12, seed: 1, crn: true, startYear: 2025, policies: [], shocks: [] });
  });

  it('sets only levers of its own pathway in each pathway scenario', () => {
    for (const name of PATHWAYS) {
      const s = loadScenario(name);
      expect(s.policies.length).toBeGreaterThan(0);
      for (const p of s.policies) expect(LEVER_INDEX.get(p.lever)?.pathway, `${name}: ${p.lever}`).toBe(name);
    }
  });

  it('sets every lever in the combined scenario', () => {
    expect(new Set(loadScenario('combined').policies.map((p) => p.lever))).toEqual(new Set(LEVERS.map((l) => l.name)));
  });

  it('shocks the lockdown scenario for two years from t = 1 with mobility 0 and conflict +0.3', () => {
    const inputs = compileScenario(loadScenario('lockdown-shock'));
    expect(inputs.shock(1, 2026)).toEqual({ mobility: 0, conflict: 0.3, migrantWage: 0.8 });
    expect(inputs.shock(2, 2027)).toEqual({ mobility: 0, conflict: 0.3, migrantWage: 0.8 });
    expect(inputs.shock(3, 2028)).toEqual({ mobility: 1, conflict: 0, migrantWage: 1 });
  });

  it('scales the Guangxi benchmark to the province', () => {
    expect(loadScenario('guangxi')).toMatchObject({ years: 30, replicates: 1, county: { villages: 14000, population: 23000000 } });
  });

  it('throws a ScenarioLoadError for an unknown built-in path request', () => {
    expect(() => builtinScenarioPath('baselin')).toThrow(ScenarioLoadError);
  });
});

describe('extends', () => {
  const child = loadScenario(`${FIXTURES}/child.yaml`);

  it('lets child scalars override and inherits the rest', () => {
    expect(child.years).toBe(20);
    expect(child.seed).toBe(7);
    expect(child.name).toBe('child');
    expect(child.description).toBe(''); // a description is not inherited
  });

  it('merges parameters by key', () => {
    expect(child.parameters).toEqual({ member_quit_rate: 0.002, secretary_term: 5 });
  });

  it('merges the county by key: villages alone keep the mean village size; the shares given are kept, the others scaled', () => {
    expect(child.county.villages).toBe(12);
    // parent: 12,000 villagers in 10 villages; the child gives 12 villages and no population.
    expect(child.county.population).toBe(14400);
    // parent {zhuang .5, han .5} + child {yao 1}: yao kept at 1, the inherited shares scaled to 0.
    expect(child.county.mix.yao).toBe(1);
    expect(child.county.mix.zhuang).toBe(0);
    expect(child.county.mix.han).toBe(0);
    const r = safeLoadScenario('test/fixtures/scenarios/child.yaml');
    expect(r.ok && r.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'county.villages: 12 villages without `population`: the population is scaled to 14400 to keep the mean village size of 1200 (12000 over 10 villages); give county.population to choose it',
      'county.mix: kept the shares given (yao 1) and scaled the other shares (inherited, summing to 1) by 0 so that the mix sums to 1',
    ]);
  });

  it("replaces all of the parent's policies for a lever the child sets, and appends the others", () => {
    expect(child.policies.map((p) => [p.lever, p.value])).toEqual([
      ['supervision_visits', 4],
      ['care_relief', 'min(1, 0.1 * t)'],
      ['study_programme', 1],
    ]);
    expect(child.policies[2]).toMatchObject({ from: 2, until: 4, unitCost: 25000 });
    expect(child.policies[0]).toMatchObject({ from: 1, until: null, unitCost: 3000 });
  });

  it('appends shocks and fills their defaults by kind', () => {
    expect(child.shocks).toEqual([
      { kind: 'economic', start: 3, duration: 1, mobility: 1, conflict: 0.1, migrantWage: 0.7 },
      { kind: 'lockdown', start: 1, duration: 2, mobility: 0, conflict: 0.3, migrantWage: 0.8 },
    ]);
  });

  it('resolves relative extends paths from the base directory of in-memory text', () => {
    const s = parseScenario('name: x\nextends: ./parent.yaml\n', 'x.yaml', FIXTURES);
    expect(s.years).toBe(12);
  });

  it('accepts JSON with the same schema', () => {
    const s = parseScenario('{"name": "j", "extends": "baseline", "years": 5, "policies": [{"lever": "care_relief", "value": 0.5}]}', 'j.json');
    expect(s).toMatchObject({ name: 'j', years: 5, replicates: 12 });
  });

  it('reports problems in the parent under the parent file', () => {
    // The parent is in a sibling folder: reachable only when that folder is on the scenario path.
    const r = safeParseScenario('name: x\nextends: ../bad-scenarios/negative-rate.yaml\n', 'x.yaml', FIXTURES, { scenarioPath: ['test/fixtures/bad-scenarios'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.file)).toEqual(['test/fixtures/bad-scenarios/negative-rate.yaml']);
  });

  it('rejects overlapping windows of one lever in a file', () => {
    const r = safeParseScenario('name: x\npolicies:\n  - { lever: care_relief, value: 0.1, until: 5 }\n  - { lever: care_relief, value: 0.2, from: 5 }\n', 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: 'policies[1]' });
  });
});

describe('describeScenario', () => {
  it('lists every declared parameter with its effective value', () => {
    const text = describeScenario(loadScenario(`${FIXTURES}/child.yaml`));
    for (const p of PARAMETERS) expect(text).toContain(`${p.name}: `);
    expect(text).toContain('secretary_term: 5 # overridden (default 5)');
    expect(text).toContain('member_quit_rate: 0.002 # overridden');
  });

  for (const name of [...builtinScenarioNames(), `${FIXTURES}/child.yaml`]) {
    it(`round-trips ${name}: the description loads back to the same scenario and hash`, () => {
      const s = loadScenario(name);
      const back = parseScenario(describeScenario(s), 'described.yaml');
      expect(scenarioHash(back)).toBe(scenarioHash(s));
      expect({ ...back, source: s.source }).toEqual({ ...s, parameters: expect.any(Object) });
    });
  }
});

describe('scenarioHash', () => {
  it('is a sha256 hex digest that ignores source and description', () => {
    const s = loadScenario('baseline');
    expect(scenarioHash(s)).toMatch(/^[0-9a-f]{64}$/);
    expect(scenarioHash({ ...s, source: 'elsewhere', description: 'other words' })).toBe(scenarioHash(s));
  });

  it('changes with anything simulated', () => {
    const s = loadScenario('baseline');
    expect(scenarioHash({ ...s, seed: 2 })).not.toBe(scenarioHash(s));
    expect(scenarioHash({ ...s, parameters: { member_quit_rate: 0.002 } })).not.toBe(scenarioHash(s));
  });

  it('treats an override equal to the default as no override', () => {
    const s = loadScenario('baseline');
    const p = PARAMETERS[0];
    expect(scenarioHash({ ...s, parameters: { [p.name]: p.default } })).toBe(scenarioHash(s));
  });

  it('does not depend on key order', () => {
    const a = scenarioFromObject({ name: 'a', parameters: { member_quit_rate: 0.002, secretary_term: 4 } });
    const b = scenarioFromObject({ parameters: { secretary_term: 4, member_quit_rate: 0.002 }, name: 'a' });
    expect(scenarioHash(a)).toBe(scenarioHash(b));
  });
});

describe('withOverrides', () => {
  it('changes the run settings and merges parameters', () => {
    const s = withOverrides(loadScenario(`${FIXTURES}/child.yaml`), { years: 8, seed: 3, replicates: 2, parameters: { secretary_term: 3 } });
    expect(s).toMatchObject({ years: 8, seed: 3, replicates: 2, source: `${FIXTURES}/child.yaml` });
    expect(s.parameters).toEqual({ member_quit_rate: 0.002, secretary_term: 3 });
  });

  it('re-validates: an expression that leaves its range over a longer horizon is rejected', () => {
    const s = loadScenario('test/fixtures/scenarios/child.yaml'); // care_relief = min(1, 0.1 t): fine
    expect(() => withOverrides(s, { years: 100 })).not.toThrow();
    const ramp = scenarioFromObject({ name: 'r', years: 10, policies: [{ lever: 'care_relief', value: '0.1 * t' }] });
    expect(() => withOverrides(ramp, { years: 11 })).toThrow(ScenarioLoadError);
    let caught: unknown;
    try {
      withOverrides(ramp, { years: 11, parameters: { member_quit_rate: 9 } });
    } catch (e) {
      caught = e;
    }
    expect((caught as ScenarioLoadError).issues.map((i) => i.path)).toEqual(['parameters.member_quit_rate', 'policies[0].value']);
  });
});

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as {
    properties: Record<string, { properties?: Record<string, unknown>; items?: { properties: Record<string, { enum?: string[] }> } }>;
    additionalProperties: boolean;
    required: string[];
  };

  it('closes the top level and requires only a name', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name']);
  });

  it('offers every declared parameter and lever for completion', () => {
    expect(Object.keys(schema.properties.parameters.properties ?? {}).sort()).toEqual(PARAMETERS.map((p) => p.name).sort());
    expect(schema.properties.policies.items?.properties.lever.enum?.sort()).toEqual(LEVERS.map((l) => l.name).sort());
  });
});

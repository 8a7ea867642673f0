// Targeted policies in the file format and cost levels: `where:` parses to the model's selector, survives
// describe → load, enters the hash, compiles to the year's targeted entries; `withCostLevel` reprices policies.
import { describe, expect, it } from 'vitest';
import { LEVER_INDEX } from '../../src/model/levers.js';
import { compileScenario, describeScenario, parseScenario, scenarioFromObject, scenarioHash, withCostLevel, withOverrides } from '../../src/scenario/index.js';

const file = {
  name: 'targeted',
  years: 4,
  policies: [
    { lever: 'supervision_visits', value: 12, where: { branch_in_warning: true, branch_authority: { below: 0.5 } } },
    { lever: 'cultural_programmes', value: '0.25 * t', where: { village_type: 'weak-low-han', majority: ['han', 'zhuang'] } },
    { lever: 'care_relief', value: 0.5, unit_cost: 30000 },
  ],
};

describe('where: in scenario files', () => {
  const s = scenarioFromObject(file);

  it('parses to camelCase selectors with one-name lists read as lists', () => {
    expect(s.policies[0].where).toEqual({ branchInWarning: true, branchAuthority: { below: 0.5 } });
    expect(s.policies[1].where).toEqual({ villageType: ['weak-low-han'], majority: ['han', 'zhuang'] });
    expect('where' in s.policies[2]).toBe(false);
  });

  it('loads back from describe to the same scenario, and enters the hash', () => {
    const back = parseScenario(describeScenario(s), 'described.yaml');
    expect(back.policies).toEqual(s.policies);
    expect(scenarioHash(back)).toBe(scenarioHash(s));
    const untargeted = scenarioFromObject({ ...file, policies: file.policies.map(({ where: _w, ...p }) => p) });
    expect(scenarioHash(untargeted)).not.toBe(scenarioHash(s));
  });

  it('compiles targeted entries into the year, leaving the county-wide values at 0 for them', () => {
    const y = compileScenario(s).policy(2, 2027);
    expect(y.levers.supervision_visits).toBe(0);
    expect(y.levers.care_relief).toBe(0.5);
    expect(y.targeted).toEqual([
      { lever: 'supervision_visits', value: 12, unitCost: 3000, where: { branchInWarning: true, branchAuthority: { below: 0.5 } } },
      { lever: 'cultural_programmes', value: 0.5, unitCost: 60000, where: { villageType: ['weak-low-han'], majority: ['han', 'zhuang'] } },
    ]);
  });
});

describe('cost levels', () => {
  const s = scenarioFromObject(file);

  it('price policies at the declared default cost at the low or high end, keeping a unit cost of their own', () => {
    const low = withCostLevel(s, 'low');
    const high = withOverrides(s, { costs: 'high' });
    const spec = (n: string) => LEVER_INDEX.get(n)!;
    expect(low.policies.map((p) => p.unitCost)).toEqual([spec('supervision_visits').unitCostLow, spec('cultural_programmes').unitCostLow, 30000]);
    expect(high.policies.map((p) => p.unitCost)).toEqual([spec('supervision_visits').unitCostHigh, spec('cultural_programmes').unitCostHigh, 30000]);
    expect(withCostLevel(s, 'default')).toBe(s);
  });

  it('declare every lever with low ≤ default ≤ high and a source', () => {
    for (const l of LEVER_INDEX.values()) {
      expect(l.unitCostLow, l.name).toBeLessThanOrEqual(l.unitCost);
      expect(l.unitCost, l.name).toBeLessThanOrEqual(l.unitCostHigh);
      expect(l.costSource.length, l.name).toBeGreaterThan(40);
      if (l.costEvidence === 'assumption') expect(l.costSource, l.name).toMatch(/^Assumption/);
    }
  });
});

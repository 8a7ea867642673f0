/**
 * Common random numbers hold through the scenario layer: a scenario file that extends baseline and sets
 * every lever to zero gives series identical to baseline, replicate by replicate (only the scenario
 * column differs).
 */
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../src/model/levers.js';
import { loadScenario, parseScenario } from '../../src/scenario/index.js';
import { runReplicate } from '../../src/talent/replicate.js';

describe('a scenario with every lever at zero strength', () => {
  it('produces series identical to baseline for each replicate', () => {
    const yaml = [
      'name: all-levers-zero',
      'description: every lever of every pathway, at zero strength',
      'extends: baseline',
      'years: 4',
      'county: { villages: 4, population: 2400 }',
      'policies:',
      ...LEVERS.map((l) => `  - { lever: ${l.name}, value: ${l.name === 'industry_investment' ? '"0 * t"' : 0} }`),
    ].join('\n');
    const zero = parseScenario(yaml, 'all-levers-zero.yaml');
    const base = { ...loadScenario('baseline'), years: 4, county: zero.county };
    expect(zero.policies).toHaveLength(LEVERS.length);
    for (const r of [0, 1]) {
      const a = runReplicate(base, r).map(({ scenario, ...rest }) => rest);
      const b = runReplicate(zero, r).map(({ scenario, ...rest }) => rest);
      expect(b).toEqual(a);
    }
  });
});

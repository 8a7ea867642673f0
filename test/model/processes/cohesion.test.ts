// Cohesion (process 5): conflict from pressure and lockdown shocks; trust from identity, culture and authority.
import { describe, expect, it } from 'vitest';
import { cohesion } from '../../../src/model/processes/cohesion.js';
import { handCounty, handVillage, person, runOnce } from '../helpers.js';

const village = (pressure: number) => handVillage(0, (v) => {
  for (let k = 0; k < 40; k++) person(v, { age: 40, pressure, identity: 0.5 });
});

describe('cohesion', () => {
  it('raises conflict with livelihood pressure and with a lockdown shock', () => {
    const calm = village(0.1);
    const pressed = village(0.9);
    const shocked = village(0.1);
    for (const v of [calm, pressed, shocked]) v.conflict = 0.1;
    runOnce(handCounty([calm]), cohesion);
    runOnce(handCounty([pressed]), cohesion);
    runOnce(handCounty([shocked], { shock: { conflict: 0.3 } }), cohesion);
    expect(pressed.conflict).toBeGreaterThan(calm.conflict);
    expect(shocked.conflict).toBeCloseTo(calm.conflict + 0.3, 6);
  });

  it('lowers trust where the branch is weak', () => {
    const weak = village(0.3);
    const strong = village(0.3);
    weak.branch.authority = 0.1;
    strong.branch.authority = 0.9;
    runOnce(handCounty([weak]), cohesion);
    runOnce(handCounty([strong]), cohesion);
    expect(weak.cohesion).toBeLessThan(strong.cohesion);
  });
});

/**
 * Cohesion (model brief process 5): conflict relaxes toward the level livelihood pressure induces
 * ("involution", paper 3.1) and jumps under a lockdown shock; trust moves toward a target set by
 * identity, cultural life and branch authority, and falls with conflict (weak branches lose trust,
 * paper 2.2). Deterministic.
 */
import type { Process } from '../../core/schedule.js';
import type { County } from '../county.js';
import { clamp } from '../math.js';
import type { Village } from '../village.js';
import { ADULT_AGE } from '../villager.js';

function cohesionVillage(v: Village, county: County): void {
  const p = county.params;
  // One pass for both means (each summed in slot order).
  const P = v.people.cols;
  const alive = v.people.alive;
  const awayCol = P.away;
  const ageCol = P.age;
  const pressureCol = P.pressure;
  const identityCol = P.identity;
  let ps = 0;
  let pn = 0;
  let is = 0;
  let n = 0;
  for (let i = 0; i < v.people.highWater; i++) {
    if (alive[i] === 1 && awayCol[i] === 0) {
      is += identityCol[i];
      n++;
      if (ageCol[i] >= ADULT_AGE) {
        ps += pressureCol[i];
        pn++;
      }
    }
  }
  const pressure = pn > 0 ? ps / pn : 0;
  const identity = n > 0 ? is / n : 0;
  v.conflict = clamp(v.conflict + p.conflict_decay * (p.involution_pressure_effect * pressure - v.conflict) + county.shock.conflict);
  const target = clamp(
    p.cohesion_base +
      p.cohesion_identity_weight * identity +
      p.cohesion_authority_weight * v.branch.authority +
      p.cohesion_culture_weight * v.culturalLife -
      p.cohesion_conflict_weight * v.conflict,
  );
  v.cohesion = clamp(v.cohesion + p.cohesion_rate * (target - v.cohesion));
}

/** The cohesion process. */
export const cohesion: Process<County> = {
  name: 'cohesion',
  description: 'Conflict from pressure and shocks; trust from identity, culture and branch authority.',
  run(county) {
    for (const v of county.villages) cohesionVillage(v, county);
  },
};

/**
 * Culture (model brief process 4): a resident's identity moves toward the mean of their ties and
 * toward the village's cultural life, and erodes under short-video attention fragmentation, most in
 * the young; away from the village it fades. Cultural life decays without programmes, is sustained by
 * the villagers' own identity and renewed by cultural programmes (paper 3.3, 4.3). Deterministic.
 */
import type { Process } from '../../core/schedule.js';
import type { County } from '../county.js';
import { clamp } from '../math.js';
import type { Params } from '../parameters.js';
import { TIES, type Village } from '../village.js';
import { participationFactor } from './branch-capacity.js';

/**
 * Erosion multiplier by age (attention fragmentation, paper 3.3): 1 for the young (aged `youth_age_max`
 * or under, the model's one youth definition), `identity_erosion_midlife_factor` from then until
 * `identity_erosion_end_age`, 0 from then on.
 */
export function erosionAgeFactor(age: number, p: Params): number {
  return age <= p.youth_age_max ? 1 : age < p.identity_erosion_end_age ? p.identity_erosion_midlife_factor : 0;
}

/**
 * The village's cultural efficacy (paper 4.3, "embedding organisational efficacy into cultural
 * preservation"): the part of its cultural life channelled through the branch, 0-1 — cultural life ×
 * (b + (1 − b) × lever), with b = `cultural_efficacy_base` and the `cultural_efficacy` lever 0-1. The one
 * definition, read by migration (identity × efficacy draws migrants home) and branch life (it lends
 * authority).
 */
export function culturalEfficacy(culturalLife: number, lever: number, p: Params): number {
  return culturalLife * (p.cultural_efficacy_base + (1 - p.cultural_efficacy_base) * lever);
}

/**
 * One year of cultural life: decay, support by mean identity (times `participation` 0-1: villagers waiting
 * for relief take less part, paper 3.2), programme renewal.
 */
export function nextCulturalLife(cl: number, meanIdentity: number, programmes: number, p: Params, participation = 1): number {
  return clamp(
    cl - p.cultural_life_decay * cl + p.cultural_life_support * (participation * meanIdentity - cl) + p.cultural_programme_effect * programmes * (1 - cl),
  );
}

function cultureVillage(v: Village, county: County): void {
  const p = county.params;
  const L = v.levers;
  const P = v.people.cols;
  const alive = v.people.alive;
  const hw = v.people.highWater;
  const ties = v.ties;
  const tieGen = v.tieGenerations;
  const generation = v.people.generation;
  const cl = v.culturalLife;
  const identity = P.identity;
  const awayCol = P.away;
  const ageCol = P.age;
  const awayErosion = p.identity_away_erosion;
  const socialRate = p.identity_social_rate;
  const lifeRate = p.identity_cultural_life_rate;
  const youthErosion = p.identity_erosion_youth;
  // The residents' mean identity after the update, summed in slot order.
  let residentSum = 0;
  let residents = 0;
  // Residents' mean wait-for-relief dependence: it lowers participation in cultural life (paper 3.2).
  let dependenceSum = 0;
  const dependenceCol = P.dependence;
  for (let i = 0; i < hw; i++) {
    if (alive[i] === 0) continue;
    let id = identity[i];
    const away = awayCol[i];
    if (away) {
      id -= awayErosion * id;
    } else {
      let sum = 0;
      let n = 0;
      const base = i * TIES;
      for (let k = 0; k < TIES; k++) {
        // A tie holds while its slot still holds the villager it was made with (tieHolds, inlined).
        const j = ties[base + k];
        if (j >= 0 && alive[j] === 1 && (generation[j] & 0xffff) === tieGen[base + k]) {
          sum += identity[j];
          n++;
        }
      }
      if (n > 0) id += socialRate * (sum / n - id);
      id += lifeRate * (cl - id);
      id -= youthErosion * erosionAgeFactor(ageCol[i], p) * id;
    }
    identity[i] = id < 0 ? 0 : id > 1 ? 1 : id;
    if (away === 0) {
      residentSum += identity[i];
      dependenceSum += dependenceCol[i];
      residents++;
    }
  }
  const participation = participationFactor(residents > 0 ? dependenceSum / residents : 0, p);
  v.culturalLife = nextCulturalLife(cl, residents > 0 ? residentSum / residents : 0, L.cultural_programmes, p, participation);
}

/** The culture process. */
export const culture: Process<County> = {
  name: 'culture',
  description: 'Identity diffusion, erosion (youth attention fragmentation), cultural life and programmes.',
  run(county) {
    for (const v of county.villages) cultureVillage(v, county);
  },
};

/**
 * The village typology: the one place that says what type a village is, for per-village outputs
 * (villages.csv) and for policies that target villages by type. Paper 4.1-4.2 distinguishes villages by
 * their Party-building foundation (villages "with strong Party-building foundations" keep priority on Party
 * construction and use industry as the engine); the county's villages also differ in their industrial base
 * (4.2). A village's type crosses the two:
 *
 *   branch foundation = mean of the branch's authority, meeting quality and study system (each 0-1);
 *   strong if ≥ {@link VILLAGE_TYPE_THRESHOLDS}.foundation, else weak;
 *   industrial if the village's industrial base (`industryBase`, its value-added industry index at the
 *   start, 0-1) ≥ {@link VILLAGE_TYPE_THRESHOLDS}.industry, else farming.
 *
 * The thresholds are the medians of the generator's initial draws (county-generator.ts: authority
 * U(0.35, 0.60), meeting quality U(0.30, 0.60), study U(0.30, 0.50), so the foundation is symmetric about
 * (0.475 + 0.45 + 0.40) / 3 = 0.4417; industry base U(0.05, 0.30), median 0.175): at the start about half of
 * the villages are strong and half industrial, independently, so each type holds about a quarter of a
 * generated county (test/model/village-type.test.ts checks it). They are fixed numbers, not a county's own
 * medians, so a village's type does not depend on the other villages (a split province types alike).
 * The type is read from a village's state: outputs report it at the initial state (the generator's), so a
 * village keeps one type through a run.
 */
import { ETHNICITIES } from './county-config.js';
import type { Village } from './village.js';

/** The four village types, in display order. */
export const VILLAGE_TYPES = ['strong-industrial', 'strong-farming', 'weak-industrial', 'weak-farming'] as const;

/** A village type (see the module comment). */
export type VillageType = (typeof VILLAGE_TYPES)[number];

/** Where the typology cuts: the medians of the generator's initial draws (see the module comment). */
export const VILLAGE_TYPE_THRESHOLDS = Object.freeze({
  /** Branch foundation (mean of authority, meeting quality and study) at or above which a branch is strong. */
  foundation: (0.475 + 0.45 + 0.4) / 3,
  /** Industrial base at or above which a village is industrial. */
  industry: 0.175,
});

/** The branch's Party-building foundation, 0-1: the mean of its authority, meeting quality and study system. */
export function branchFoundation(v: Village): number {
  const b = v.branch;
  return (b.authority + b.meetingQuality + b.study) / 3;
}

/** The type of a village in its current state (outputs read it at the initial state). */
export function villageType(v: Village): VillageType {
  const strong = branchFoundation(v) >= VILLAGE_TYPE_THRESHOLDS.foundation;
  const industrial = v.industryBase >= VILLAGE_TYPE_THRESHOLDS.industry;
  return strong ? (industrial ? 'strong-industrial' : 'strong-farming') : industrial ? 'weak-industrial' : 'weak-farming';
}

/** The attribute columns of a village in villages.csv, in order. */
export const VILLAGE_ATTRIBUTES = ['majority', 'size', 'type'] as const;

/** A village's attributes: its majority ethnicity, its size (registered villagers alive) and its type. */
export function villageAttributes(v: Village): { majority: string; size: number; type: VillageType } {
  return { majority: ETHNICITIES[v.majority] ?? 'other', size: v.people.count, type: villageType(v) };
}

/**
 * The village typology: every generated village gets one of eight types from its initial state, fixed for
 * the run, so that policies can be targeted by type and results read by type. Three splits, each at the
 * median of the generator's own draw (so about half the villages fall on each side):
 * - branch foundation (paper 4.1 "villages with strong Party-building foundations"): the mean of the
 *   branch's initial authority and meeting quality, strong at or above {@link FOUNDATION_THRESHOLD};
 * - industry base (paper 4.2): the initial local-jobs index, high at or above {@link INDUSTRY_THRESHOLD};
 * - majority ethnicity group: a minority-majority village (Zhuang, Yao, Miao, Dong, Mulao, other) or a
 *   Han-majority one.
 * The type reads state only (no random draw), so adding it changed no run. Per-village outputs
 * (villages.csv, {@link villageAttributes}) and `where: village_type` targeting read the same type.
 */
import { ETHNICITIES } from './county-config.js';
import type { Village } from './village.js';

/**
 * Foundation split: the generator draws authority from U(0.35, 0.60) and meeting quality from U(0.30, 0.60),
 * so their mean has median (0.475 + 0.45) / 2 = 0.4625.
 */
export const FOUNDATION_THRESHOLD = 0.4625;

/** Industry split: the generator draws the initial local-jobs index from U(0.05, 0.30), median 0.175. */
export const INDUSTRY_THRESHOLD = 0.175;

/** The branch foundation index 0-1: mean of authority and meeting quality (the typology uses its initial value). */
export function branchFoundation(authority: number, meetingQuality: number): number {
  return (authority + meetingQuality) / 2;
}

/** The eight village types, in code order: foundation × industry base × majority group. */
export const VILLAGE_TYPES = [
  'strong-high-minority',
  'strong-high-han',
  'strong-low-minority',
  'strong-low-han',
  'weak-high-minority',
  'weak-high-han',
  'weak-low-minority',
  'weak-low-han',
] as const;

/** A village type name. */
export type VillageType = (typeof VILLAGE_TYPES)[number];

/** Labels of the types' parts, for tables and reports (English and Chinese). */
export const VILLAGE_TYPE_PARTS = {
  strong: { en: 'strong branch foundation', zh: '党建基础强' },
  weak: { en: 'weak branch foundation', zh: '党建基础弱' },
  high: { en: 'high industry base', zh: '产业基础好' },
  low: { en: 'low industry base', zh: '产业基础弱' },
  minority: { en: 'minority-majority', zh: '少数民族聚居' },
  han: { en: 'Han-majority', zh: '汉族为主' },
} as const;

const HAN = ETHNICITIES.indexOf('han');

/** What the typology reads: the village's initial branch authority and meeting quality, industry base and majority code. */
export interface VillageTypeInputs {
  authority: number;
  meetingQuality: number;
  industryBase: number;
  /** Majority ethnicity code (index into ETHNICITIES). */
  majority: number;
}

/** The type code (index into {@link VILLAGE_TYPES}) of a village with these initial values. */
export function villageTypeCode(x: VillageTypeInputs): number {
  const weak = branchFoundation(x.authority, x.meetingQuality) >= FOUNDATION_THRESHOLD ? 0 : 1;
  const low = x.industryBase >= INDUSTRY_THRESHOLD ? 0 : 1;
  const han = x.majority === HAN ? 1 : 0;
  return weak * 4 + low * 2 + han;
}

/** The type name of a type code. */
export function villageTypeName(code: number): VillageType {
  const name = VILLAGE_TYPES[code];
  if (name === undefined) throw new RangeError(`no village type with code ${code}`);
  return name;
}

/** The English label of a type, e.g. "strong branch foundation, high industry base, minority-majority". */
export function villageTypeLabel(type: VillageType, lang: 'en' | 'zh' = 'en'): string {
  const parts = type.split('-') as (keyof typeof VILLAGE_TYPE_PARTS)[];
  return parts.map((p) => VILLAGE_TYPE_PARTS[p][lang]).join(lang === 'en' ? ', ' : '、');
}

/** The attribute columns of a village in villages.csv, in order. */
export const VILLAGE_ATTRIBUTES = ['majority', 'size', 'type'] as const;

/** A village's attributes in villages.csv: its majority ethnicity, its size (registered villagers alive) and its type (fixed at generation). */
export function villageAttributes(v: Pick<Village, 'majority' | 'people' | 'type'>): { majority: string; size: number; type: VillageType } {
  return { majority: ETHNICITIES[v.majority] ?? 'other', size: v.people.count, type: villageTypeName(v.type) };
}

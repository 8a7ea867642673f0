/**
 * Policy levers: named model inputs a scenario sets over time. Every lever is 0 under current policy
 * (the baseline), so a pathway at zero strength is the baseline exactly. Each carries a cost: yuan per
 * unit of the lever per village (or per recipient) per year, so every scenario reports what it spends.
 */

/** A label in English and in Chinese (as a policy reader expects it; zh in simplified characters). */
export interface Label {
  /** English. */
  readonly en: string;
  /** Chinese (simplified). */
  readonly zh: string;
}

/** One of the paper's four pathways (section 4), declared once with its labels. */
export interface PathwaySpec {
  /** kebab-case name, as in the built-in scenario of the pathway. */
  readonly name: string;
  /** Display label in English and Chinese. */
  readonly label: Label;
  /** Paper section. */
  readonly section: string;
  readonly description: string;
}

/** The paper's four pathways (section 4), in the paper's order. */
export const PATHWAYS = [
  { name: 'organizational-fortification', section: '4.1',
    label: { en: 'Organisational fortification', zh: '强化组织堡垒' },
    description: 'Strengthen the branch as a "bastion": supervision, study, training, selection standards, first secretaries.' },
  { name: 'industrial-focal-points', section: '4.2',
    label: { en: 'Industrial focal points', zh: '产业聚焦破“内卷”' },
    description: 'Break involution through industrial focal points: value-added production led by the branch.' },
  { name: 'cultural-identity', section: '4.3',
    label: { en: 'Cultural identity', zh: '厚植文化认同' },
    description: 'Revitalise the village\'s "spiritual spaces" and channel cultural efficacy through the branch.' },
  { name: 'benefit-incentives', section: '4.4',
    label: { en: 'Benefit-oriented incentives', zh: '利益导向激励' },
    description: 'Support talents who return or stay: returnee support, stipends, care services, entrepreneurship support.' },
] as const satisfies readonly PathwaySpec[];

/** Pathway names. */
export type Pathway = (typeof PATHWAYS)[number]['name'];

/** Declared pathways by name. */
export const PATHWAY_INDEX: ReadonlyMap<string, PathwaySpec> = new Map(PATHWAYS.map((p) => [p.name, p as PathwaySpec]));

/** One declared lever. */
export interface LeverSpec {
  readonly name: string;
  readonly pathway: Pathway;
  /** Display label in English and Chinese. */
  readonly label: Label;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** Default cost in yuan per unit of the lever, per village per year (or per recipient, see `costBasis`). */
  readonly unitCost: number;
  /** What the cost is counted on: every village, only villages where it applies, or each recipient. */
  readonly costBasis: 'village' | 'applied-village' | 'recipient';
  readonly description: string;
  /** Paper section. */
  readonly section: string;
}

/** The declared levers. */
export const LEVERS = [
  // 4.1 organisational fortification
  { name: 'supervision_visits', pathway: 'organizational-fortification', unit: 'extra visits/village/year', min: 0, max: 12,
    label: { en: 'Supervision visits', zh: '上级督导指导' },
    unitCost: 3000, costBasis: 'village', section: '4.1, 3.2',
    description: 'Extra upper-level supervision field visits per village per year (raises meeting quality, study, authority).' },
  { name: 'study_programme', pathway: 'organizational-fortification', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Study programme', zh: '“三会一课”学习教育' },
    unitCost: 20000, costBasis: 'village', section: '4.1, 2.3',
    description: 'Systematic study content and supervision of the "three meetings and one lesson".' },
  { name: 'secretary_training', pathway: 'organizational-fortification', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Dual-competence training', zh: '“双带”能力培训' },
    unitCost: 15000, costBasis: 'village', section: '4.1, 1.2',
    description: 'Training of secretaries, members and reserve cadres in party work and economic leadership (dual competence).' },
  { name: 'selection_standard_raise', pathway: 'organizational-fortification', unit: 'quality points', min: 0, max: 0.3,
    label: { en: 'Higher selection standard', zh: '提高发展对象选拔标准' },
    unitCost: 10000, costBasis: 'village', section: '4.1, 2.1',
    description: 'Raise of the selection standard for development targets, with the assessment work it needs.' },
  { name: 'first_secretary', pathway: 'organizational-fortification', unit: 'probability 0-1', min: 0, max: 1,
    label: { en: 'Outside first secretary', zh: '选派第一书记' },
    unitCost: 80000, costBasis: 'applied-village', section: '4.1, 3.2',
    description: 'Chance that a branch in warning receives an outside first secretary that year (cost per dispatched secretary-year).' },
  // 4.2 industrial focal points
  { name: 'industry_investment', pathway: 'industrial-focal-points', unit: '10,000 yuan/village/year', min: 0, max: 50,
    label: { en: 'Value-added industry investment', zh: '产业链延伸投资' },
    unitCost: 10000, costBasis: 'village', section: '4.2',
    description: 'Investment in value-added production and industrial chain extension (local jobs and wages).' },
  { name: 'party_industry_integration', pathway: 'industrial-focal-points', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Branch-led cooperatives', zh: '党建引领产业融合' },
    unitCost: 15000, costBasis: 'village', section: '4.2, 2.3',
    description: 'Branch-led cooperatives: industry run through the branch (counters the business priority bias).' },
  // 4.3 cultural identity
  { name: 'cultural_programmes', pathway: 'cultural-identity', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Cultural programmes', zh: '民族文化传承活动' },
    unitCost: 60000, costBasis: 'village', section: '4.3, 3.3',
    description: 'Festivals, collective memory work and "spiritual spaces" (renew cultural life and identity).' },
  { name: 'cultural_efficacy', pathway: 'cultural-identity', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Branch in cultural life', zh: '党建融入文化传承' },
    unitCost: 15000, costBasis: 'village', section: '4.3',
    description: 'Embedding the branch in cultural preservation: cultural life lends authority and draws returns.' },
  // 4.4 benefit-oriented incentives
  { name: 'returnee_support', pathway: 'benefit-incentives', unit: '1,000 yuan/recipient/year', min: 0, max: 30,
    label: { en: 'Returnee support', zh: '返乡人才扶持' },
    unitCost: 1000, costBasis: 'recipient', section: '4.4',
    description: 'Support for returning talent aged 18-45 (subsidy, housing, start-up): raises return odds; paid per returnee in the year of return and the next two.' },
  { name: 'young_talent_stipend', pathway: 'benefit-incentives', unit: '1,000 yuan/recipient/year', min: 0, max: 20,
    label: { en: 'Young talent stipend', zh: '青年人才补贴' },
    unitCost: 1000, costBasis: 'recipient', section: '4.4',
    description: 'Stipend for resident applicants, activists, targets and members aged 35 and under (expected benefit, eases pressure).' },
  { name: 'care_relief', pathway: 'benefit-incentives', unit: 'coverage 0-1', min: 0, max: 1,
    label: { en: 'Childcare and eldercare', zh: '托育养老服务' },
    unitCost: 40000, costBasis: 'village', section: '4.4, 3.4',
    description: 'Childcare and eldercare services that relieve the care burden of talents.' },
  { name: 'entrepreneurship_support', pathway: 'benefit-incentives', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Entrepreneurship support', zh: '创业扶持' },
    unitCost: 30000, costBasis: 'village', section: '4.4',
    description: 'Entrepreneurship loans, guidance and supervision for rural talents (economic competence and income).' },
] as const satisfies readonly LeverSpec[];

/** Lever names. */
export type LeverName = (typeof LEVERS)[number]['name'];

/** Lever values in one year. */
export type LeverValues = Record<LeverName, number>;

/** Declared levers by name. */
export const LEVER_INDEX: ReadonlyMap<string, LeverSpec> = new Map(LEVERS.map((l) => [l.name, l as LeverSpec]));

/** All levers at zero (current policy). */
export function zeroLevers(): LeverValues {
  const out = {} as LeverValues;
  for (const l of LEVERS) out[l.name] = 0;
  return out;
}

/** Shock state in one year (a COVID-like lockdown: mobility stops, conflict rises; paper 3.1). */
export interface ShockState {
  /** Multiplier on migration flows (out and return): 1 normal, 0 mobility stopped. */
  mobility: number;
  /** Added village conflict (0-1 scale). */
  conflict: number;
  /** Multiplier on migrant wages. */
  migrantWage: number;
}

/** No shock. */
export function noShock(): ShockState {
  return { mobility: 1, conflict: 0, migrantWage: 1 };
}

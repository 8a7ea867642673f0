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

/** One declared lever (a built-in one of {@link LEVERS}, or a user's, made with {@link defineLever}). */
export interface LeverSpec {
  /** snake_case name, as scenario files write it in `policies:`. */
  readonly name: string;
  /** The pathway it belongs to: one of {@link PATHWAYS} for the built-in levers; any kebab-case name for a user's. */
  readonly pathway: string;
  /** Display label in English and Chinese. */
  readonly label: Label;
  /** Unit of the lever's value, e.g. "intensity 0-1". */
  readonly unit: string;
  /** Least value a scenario may set (0 is current policy for every built-in lever). */
  readonly min: number;
  /** Greatest value a scenario may set. */
  readonly max: number;
  /** Default cost in yuan per unit of the lever, per village per year (or per recipient, see `costBasis`). */
  readonly unitCost: number;
  /** What the cost is counted on: every village, only villages where it applies, or each recipient. */
  readonly costBasis: CostBasis;
  /** What the lever does. */
  readonly description: string;
  /** Paper section ('' for a user's lever that cites none). */
  readonly section: string;
}

/**
 * What a lever's cost is counted on: `village` (value × unit cost in every village, every year it is set),
 * `applied-village` (the unit cost in each village where the lever applied that year, recorded by its
 * process), `recipient` (recipients × value × unit cost, the recipients recorded by its process).
 */
export type CostBasis = 'village' | 'applied-village' | 'recipient';

/** The cost bases, for validation. */
export const COST_BASES: readonly CostBasis[] = ['village', 'applied-village', 'recipient'];

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

/** Lever values in one year (built-in levers by name). */
export type LeverValues = Record<LeverName, number>;

/** Lever values in one year: the built-in levers and any user levers (declared with {@link defineLever}) by name. */
export type AnyLeverValues = LeverValues & Record<string, number>;

/** Declared levers by name. */
export const LEVER_INDEX: ReadonlyMap<string, LeverSpec> = new Map(LEVERS.map((l) => [l.name, l as LeverSpec]));

/** What {@link defineLever} takes: a lever's facts; label, description, pathway and section have defaults. */
export interface LeverDeclaration {
  /** snake_case name (letters, digits, underscores; starting with a letter), unique among all levers. */
  readonly name: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** Yuan per unit of the lever per village (or recipient) per year, counted on `costBasis`. */
  readonly unitCost: number;
  readonly costBasis: CostBasis;
  /** Display label (default: the name in both languages). */
  readonly label?: Label;
  /** What the lever does (default ''). */
  readonly description?: string;
  /** Pathway it belongs to (default 'user'); `strength: { <pathway>: s }` in a scenario scales its levers. */
  readonly pathway?: string;
  /** Paper section or source it follows (default ''). */
  readonly section?: string;
}

/** Problems with a lever declaration (empty when it is usable), each naming the lever and the field. */
export function checkLeverDeclaration(d: LeverDeclaration): string[] {
  const where = `lever ${JSON.stringify(d?.name ?? '?')}`;
  const out: string[] = [];
  if (typeof d?.name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(d.name)) out.push(`${where}: name must be snake_case (a-z, 0-9, _; starting with a letter)`);
  else if (LEVER_INDEX.has(d.name)) out.push(`${where}: name is a built-in lever's; choose another`);
  if (typeof d?.unit !== 'string') out.push(`${where}: unit must be a string`);
  if (!Number.isFinite(d?.min) || !Number.isFinite(d?.max) || !(d.max > d.min)) out.push(`${where}: min and max must be finite numbers with max > min`);
  if (!(Number.isFinite(d?.unitCost) && d.unitCost >= 0)) out.push(`${where}: unitCost must be a finite number ≥ 0 (yuan)`);
  if (!COST_BASES.includes(d?.costBasis)) out.push(`${where}: costBasis must be one of ${COST_BASES.join(', ')}`);
  if (d?.label !== undefined && !(typeof d.label?.en === 'string' && typeof d.label?.zh === 'string')) out.push(`${where}: label must give { en, zh } texts`);
  if (d?.pathway !== undefined && (typeof d.pathway !== 'string' || !/^[a-z][a-z0-9-]*$/.test(d.pathway))) out.push(`${where}: pathway must be a kebab-case name`);
  return out;
}

/**
 * Declares a lever of a user's process, as complete and frozen as the built-in ones: scenario files loaded
 * with it (`loadScenario(file, { levers: [lever] })`, or the `levers` of a model binding on the command
 * line) can set it in `policies:`, validated against its range; the compiled policy gives its yearly value
 * in `county.policy.levers[name]` (0 where no policy sets it), and the policy-cost process bills it on its
 * cost basis (a `recipient` or `applied-village` lever's process records `flows.leverRecipients[name]`).
 * Throws a TypeError listing every problem.
 */
export function defineLever(d: LeverDeclaration): LeverSpec {
  const problems = checkLeverDeclaration(d);
  if (problems.length) throw new TypeError(problems.join('\n'));
  return Object.freeze({
    name: d.name,
    pathway: d.pathway ?? 'user',
    label: Object.freeze({ en: d.label?.en ?? d.name, zh: d.label?.zh ?? d.name }),
    unit: d.unit,
    min: d.min,
    max: d.max,
    unitCost: d.unitCost,
    costBasis: d.costBasis,
    description: d.description ?? '',
    section: d.section ?? '',
  });
}

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

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
  /** Low end of the plausible unit cost (yuan, on the same basis as `unitCost`): what `--costs low` uses. */
  readonly unitCostLow: number;
  /** High end of the plausible unit cost (yuan, same basis): what `--costs high` uses. */
  readonly unitCostHigh: number;
  /**
   * What the unit cost rests on: `face-value` (the lever is money: its unit is yuan paid, the range covers
   * administration), `document` (a published programme amount, cited in `costSource`) or `assumption` (the
   * modellers' estimate, built up in `costSource` from cited standards where there are any).
   */
  readonly costEvidence: 'face-value' | 'document' | 'assumption';
  /** The documents, years and amounts behind the unit cost and its range, or the assumption and its reasoning. */
  readonly costSource: string;
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
    unitCostLow: 1000, unitCostHigh: 5000, costEvidence: 'assumption',
    costSource: 'Assumption built from the central travel-expense standard (财政部《中央和国家机关差旅费管理办法》财行〔2013〕531号: meal allowance 100 yuan and local transport 80 yuan per person-day): a visit of 2-3 township or county officials for a day, a vehicle, and the officials\' time at ≈400 yuan per person-day (a county salary of ≈100,000 yuan over 250 working days) with a day of preparation and reporting ≈ 3,000 yuan. Low 1,000: cash costs only (allowances and vehicle); high 5,000: two-day visits by county-level staff.',
    description: 'Extra upper-level supervision field visits per village per year (raises meeting quality, study, authority).' },
  { name: 'study_programme', pathway: 'organizational-fortification', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Study programme', zh: '“三会一课”学习教育' },
    unitCost: 20000, costBasis: 'village', section: '4.1, 2.3',
    unitCostLow: 8000, unitCostHigh: 30000, costEvidence: 'assumption',
    costSource: 'Assumption built from the lecture-fee caps of 财政部 中共中央组织部 国家公务员局《中央和国家机关培训费管理办法》(财行〔2016〕540号: at most 500 yuan per teaching hour for an associate-senior lecturer): twelve monthly sessions of two hours with an outside lecturer (≈12,000), study materials for ≈50 members (≈2,500) and venue, platform and supervision (≈5,000) ≈ 20,000 yuan a year. Low 8,000: local lecturers, fewer outside sessions; high 30,000: senior lecturers and a study platform.',
    description: 'Systematic study content and supervision of the "three meetings and one lesson".' },
  { name: 'secretary_training', pathway: 'organizational-fortification', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Dual-competence training', zh: '“双带”能力培训' },
    unitCost: 15000, costBasis: 'village', section: '4.1, 1.2',
    unitCostLow: 7000, unitCostHigh: 25000, costEvidence: 'assumption',
    costSource: 'Assumption built from the training standard of 《中央和国家机关培训费管理办法》(财行〔2016〕540号: all-in 450 yuan per trainee-day for class-3 training, lecturers apart): the secretary, two committee members and two reserve cadres on a five-day course (5 × 5 × 450 = 11,250) with lecturers and travel ≈ 15,000 yuan a year. Low 7,000: three trainees; high 25,000: a ten-day course for five.',
    description: 'Training of secretaries, members and reserve cadres in party work and economic leadership (dual competence).' },
  { name: 'selection_standard_raise', pathway: 'organizational-fortification', unit: 'quality points', min: 0, max: 0.3,
    label: { en: 'Higher selection standard', zh: '提高发展对象选拔标准' },
    unitCost: 10000, costBasis: 'village', section: '4.1, 2.1',
    unitCostLow: 5000, unitCostHigh: 20000, costEvidence: 'assumption',
    costSource: 'Assumption (no published figure found): the extra assessment, inspection and political-review work a stricter standard takes, ≈ 10,000 yuan per quality point a year (the lever\'s maximum of 0.3 points ≈ 3,000 yuan); low 5,000, high 20,000.',
    description: 'Raise of the selection standard for development targets, with the assessment work it needs.' },
  { name: 'first_secretary', pathway: 'organizational-fortification', unit: 'probability 0-1', min: 0, max: 1,
    label: { en: 'Outside first secretary', zh: '选派第一书记' },
    unitCost: 80000, costBasis: 'applied-village', section: '4.1, 3.2',
    unitCostLow: 35000, unitCostHigh: 150000, costEvidence: 'assumption',
    costSource: 'Assumption (the rules set the items, not national amounts: 中共中央办公厅《关于向重点乡村持续选派驻村第一书记和工作队的意见》(2021) has sending units fund work expenses, living allowances, insurance and health checks at provincial rates; no Guangxi amount was found): a living and travel allowance of ≈100 yuan a day over ≈220 days in the village (≈22,000), work funds of 10,000-30,000 and insurance ≈2,000, plus a share of the posted cadre\'s time ≈ 80,000 yuan per dispatched secretary-year. Low 35,000: cash allowances and work funds only; high 150,000: with the full salary of the posted cadre as an opportunity cost.',
    description: 'Chance that a branch in warning receives an outside first secretary that year (cost per dispatched secretary-year).' },
  // 4.2 industrial focal points
  { name: 'industry_investment', pathway: 'industrial-focal-points', unit: '10,000 yuan/village/year', min: 0, max: 50,
    label: { en: 'Value-added industry investment', zh: '产业链延伸投资' },
    unitCost: 10000, costBasis: 'village', section: '4.2',
    unitCostLow: 10000, unitCostHigh: 10500, costEvidence: 'face-value',
    costSource: 'Face value: the lever is money (10,000 yuan per unit); the high end adds 5% for project appraisal, management and audit. Scale of real programmes: 淮北市 municipal support for village collective economies, 5,000,000 yuan over 32 villages = 125,000 yuan per village (czj.huaibei.gov.cn); the central pilot for village collective economies gave 2,000,000 yuan per pilot village in Zhejiang in 2016 (庆元, qynews.zjol.com.cn, 2016-05-24); spread over a project\'s life these are 5-20 units a year.',
    description: 'Investment in value-added production and industrial chain extension (local jobs and wages).' },
  { name: 'party_industry_integration', pathway: 'industrial-focal-points', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Branch-led cooperatives', zh: '党建引领产业融合' },
    unitCost: 15000, costBasis: 'village', section: '4.2, 2.3',
    unitCostLow: 8000, unitCostHigh: 25000, costEvidence: 'assumption',
    costSource: 'Assumption (no published figure found): running a branch-led cooperative — cadre time, bookkeeping and audit, member meetings — ≈ 15,000 yuan a year at full intensity; low 8,000, high 25,000.',
    description: 'Branch-led cooperatives: industry run through the branch (counters the business priority bias).' },
  // 4.3 cultural identity
  { name: 'cultural_programmes', pathway: 'cultural-identity', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Cultural programmes', zh: '民族文化传承活动' },
    unitCost: 60000, costBasis: 'village', section: '4.3, 3.3',
    unitCostLow: 25000, unitCostHigh: 90000, costEvidence: 'assumption',
    costSource: 'Assumption on top of the standing rural culture subsidy, which is current policy (霍山县 2017 农村文化建设专项补助: 12,000 yuan per village a year — information sharing 2,000, village library 2,000, sports 1,200, performances 4,400, films 2,400, www.ahhuoshan.gov.cn; 昭通市 2015: ≈7,600-9,000, ztnews.net) and priced from the central grant for national intangible-heritage representative inheritors (20,000 yuan per inheritor a year from 2016, 文化部 press conference 2016-03-30): two or three festivals (≈25,000), collective-memory work (≈10,000), upkeep of spiritual spaces (≈10,000) and one inheritor\'s transmission work (≈15,000-20,000) ≈ 60,000 yuan at full intensity. Low 25,000, high 90,000.',
    description: 'Festivals, collective memory work and "spiritual spaces" (renew cultural life and identity).' },
  { name: 'cultural_efficacy', pathway: 'cultural-identity', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Branch in cultural life', zh: '党建融入文化传承' },
    unitCost: 15000, costBasis: 'village', section: '4.3',
    unitCostLow: 6000, unitCostHigh: 25000, costEvidence: 'assumption',
    costSource: 'Assumption (no published figure found): joint branch-and-culture activities and the branch\'s role in festivals and heritage work, ≈ 15,000 yuan a year at full intensity; low 6,000, high 25,000.',
    description: 'Embedding the branch in cultural preservation: cultural life lends authority and draws returns.' },
  // 4.4 benefit-oriented incentives
  { name: 'returnee_support', pathway: 'benefit-incentives', unit: '1,000 yuan/recipient/year', min: 0, max: 30,
    label: { en: 'Returnee support', zh: '返乡人才扶持' },
    unitCost: 1000, costBasis: 'recipient', section: '4.4',
    unitCostLow: 1000, unitCostHigh: 1100, costEvidence: 'face-value',
    costSource: 'Face value: the lever is money (1,000 yuan per recipient-year per unit); the high end adds 10% for eligibility checks and payment. Scale: Guangxi pays returnees who start a business a one-time 5,000 yuan start-up subsidy (广西人社厅 财政厅 农业农村厅《关于进一步推动返乡入乡创业工作的通知》桂人社规〔2020〕15号).',
    description: 'Support for returning talent aged 18-45 (subsidy, housing, start-up): raises return odds; paid per returnee in the year of return and the next two.' },
  { name: 'young_talent_stipend', pathway: 'benefit-incentives', unit: '1,000 yuan/recipient/year', min: 0, max: 20,
    label: { en: 'Young talent stipend', zh: '青年人才补贴' },
    unitCost: 1000, costBasis: 'recipient', section: '4.4',
    unitCostLow: 1000, unitCostHigh: 1100, costEvidence: 'face-value',
    costSource: 'Face value: the lever is money (1,000 yuan per recipient-year per unit); the high end adds 10% for eligibility checks and payment.',
    description: 'Stipend for resident applicants, activists, targets and members aged 35 and under (expected benefit, eases pressure).' },
  { name: 'care_relief', pathway: 'benefit-incentives', unit: 'coverage 0-1', min: 0, max: 1,
    label: { en: 'Childcare and eldercare', zh: '托育养老服务' },
    unitCost: 40000, costBasis: 'village', section: '4.4, 3.4',
    unitCostLow: 20000, unitCostHigh: 80000, costEvidence: 'assumption',
    costSource: 'Assumption (no village-level programme figure found): a village childcare and eldercare service point at full coverage — two carers at ≈1,500 yuan a month (≈36,000) and running costs — ≈ 40,000 yuan a year; low 20,000 (a mutual-aid point with volunteer carers), high 80,000 (separate childcare and eldercare points).',
    description: 'Childcare and eldercare services that relieve the care burden of talents.' },
  { name: 'entrepreneurship_support', pathway: 'benefit-incentives', unit: 'intensity 0-1', min: 0, max: 1,
    label: { en: 'Entrepreneurship support', zh: '创业扶持' },
    unitCost: 30000, costBasis: 'village', section: '4.4',
    unitCostLow: 15000, unitCostHigh: 50000, costEvidence: 'assumption',
    costSource: 'Assumption built from the start-up guaranteed-loan rules: individuals borrow up to 200,000 yuan (300,000 for graduates in some provinces, 2022) for up to 3 years and the budget pays the interest above LPR − 150 basis points on a rate capped at LPR + 50 bp, i.e. up to 2 points (e.g. www.uetd.gov.cn, 2023; epaper.ssxww.com.cn, 2022-03-03); with Guangxi\'s one-time 5,000 yuan start-up subsidy (桂人社规〔2020〕15号). Full intensity ≈ five subsidised loans of 200,000 (5 × 4,000 = 20,000) and two start-up subsidies (10,000) ≈ 30,000 yuan a year. Low 15,000 (smaller loans), high 50,000 (larger loans and guarantee-fund losses).',
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
  /** Low and high ends of the plausible unit cost, for `--costs low|high` (default: `unitCost`). */
  readonly unitCostLow?: number;
  readonly unitCostHigh?: number;
  /** What the unit cost rests on (default `assumption`) and its source (default: "declared by the user"). */
  readonly costEvidence?: LeverSpec['costEvidence'];
  readonly costSource?: string;
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
  const low = d?.unitCostLow ?? d?.unitCost;
  const high = d?.unitCostHigh ?? d?.unitCost;
  if (!(Number.isFinite(low) && Number.isFinite(high) && low >= 0 && low <= d.unitCost && high >= d.unitCost)) out.push(`${where}: unitCostLow ≤ unitCost ≤ unitCostHigh must hold (yuan, ≥ 0)`);
  if (d?.costEvidence !== undefined && !['face-value', 'document', 'assumption'].includes(d.costEvidence)) out.push(`${where}: costEvidence must be face-value, document or assumption`);
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
    unitCostLow: d.unitCostLow ?? d.unitCost,
    unitCostHigh: d.unitCostHigh ?? d.unitCost,
    costEvidence: d.costEvidence ?? 'assumption',
    costSource: d.costSource ?? 'declared by the user (defineLever)',
    description: d.description ?? '',
    section: d.section ?? '',
  });
}

/** The unit-cost levels a comparison can be priced at: the declared default, or the low or high end of each lever's range. */
export const COST_LEVELS = ['low', 'default', 'high'] as const;

/** A unit-cost level ({@link COST_LEVELS}). */
export type CostLevel = (typeof COST_LEVELS)[number];

/** A lever's unit cost at a cost level: `unitCostLow`, `unitCost` or `unitCostHigh`. */
export function leverUnitCost(spec: LeverSpec, level: CostLevel = 'default'): number {
  return level === 'low' ? spec.unitCostLow : level === 'high' ? spec.unitCostHigh : spec.unitCost;
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

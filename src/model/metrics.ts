/**
 * The declared metrics of the talent model, per village and aggregated to the county, each with all its
 * metadata (label in English and Chinese, unit, direction, format, place among the main outcomes): the
 * one home of every metric fact that reports, tables, help texts and manifests read. Stocks come from
 * the village census, flows from the year's counters; shares aggregate as ratios of sums (weighted by
 * their denominators), so an empty village never produces NaN.
 */
import type { Direction, LocalText, MetricDef, MetricMeta } from '../core/metrics.js';
import { census, type Census } from './census.js';
import type { County } from './county.js';
import type { Village, VillageFlows } from './village.js';
import { Status } from './villager.js';
import { VILLAGE_TYPES, villageTypeLabel, type VillageType } from './village-type.js';
import { LEVERS, type LeverName } from './levers.js';

type M = MetricDef<County>;
const V = (c: County, g: number): Village => c.villages[g];
const C = (c: County, g: number): Census => census(c, c.villages[g]);
const F = (c: County, g: number): VillageFlows => c.villages[g].flows;
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** The units the metrics use, each with its display text in English and Chinese (the only place they are written). */
const UNITS: Readonly<Record<string, LocalText>> = {
  persons: { en: 'persons', zh: '人' },
  'persons per household': { en: 'persons per household', zh: '人/户' },
  'persons/year': { en: 'persons per year', zh: '人/年' },
  'recruits/year': { en: 'recruits per year', zh: '名/年' },
  'recruits per exit': { en: 'recruits per exit', zh: '新发展数/减少数' },
  years: { en: 'years', zh: '岁' },
  share: { en: 'share', zh: '比例' },
  'share of branches': { en: 'share of branches', zh: '占村党组织比例' },
  'share of youth per year': { en: 'share of youth per year', zh: '占青年比例/年' },
  'share of migrants per year': { en: 'share of migrants per year', zh: '占外出人员比例/年' },
  'quality 0-1': { en: 'quality 0-1', zh: '质量 0-1' },
  'identity 0-1': { en: 'identity 0-1', zh: '认同 0-1' },
  'index 0-1': { en: 'index 0-1', zh: '指数 0-1' },
  'pressure 0-1': { en: 'pressure 0-1', zh: '压力 0-1' },
  'yuan/household/year': { en: 'yuan per household per year', zh: '元/户/年' },
  'yuan/year': { en: 'yuan per year', zh: '元/年' },
  villages: { en: 'villages', zh: '个村' },
};

/** What each metric declares besides its name, unit, description and computation. */
type Meta = Pick<MetricMeta, 'direction' | 'format' | 'phrase' | 'main' | 'sensitivity' | 'report'> & { label: [en: string, zh: string] };

function declare(name: string, unit: string, description: string, meta: Meta, perGroup: M['perGroup'], aggregate: M['aggregate']): M {
  const unitLabel = UNITS[unit];
  if (!unitLabel) throw new Error(`metric ${name}: unit "${unit}" has no display text in UNITS`);
  const { label: [en, zh], ...rest } = meta;
  return { name, label: { en, zh }, unit, unitLabel, description, ...rest, perGroup, aggregate };
}
function count(name: string, unit: string, description: string, meta: Meta, f: (c: County, g: number) => number): M {
  return declare(name, unit, description, meta, f, 'sum');
}
function share(name: string, unit: string, description: string, meta: Meta, num: (c: County, g: number) => number, den: (c: County, g: number) => number): M {
  return declare(name, unit, description, meta, (c, g) => ratio(num(c, g), den(c, g)), { weight: den });
}
function villageMean(name: string, unit: string, description: string, meta: Meta, f: (c: County, g: number) => number): M {
  return declare(name, unit, description, meta, f, 'mean');
}
const phrase = (en: string, zh: string): LocalText => ({ en, zh });
const members = (c: County, g: number) => C(c, g).stage[Status.full];
const memberExits = (c: County, g: number) => {
  const f = F(c, g);
  return f.memberDeaths + f.memberQuits + f.memberTransfers + f.probationFailed;
};

/**
 * Every metric, in output order, with all its metadata. `main` orders the main outcomes (summary.json and
 * the CLI's tables), `sensitivity` the default outcomes of sensitivity and robustness analyses, `report`
 * the outcomes of the report's table, effects chart and reading.
 */
export const METRICS: readonly M[] = [
  count('population_resident', 'persons', 'Registered villagers living in the village.',
    { label: ['Resident villagers', '常住村民'], direction: 'none', format: 'count' }, (c, g) => C(c, g).residents),
  count('population_away', 'persons', 'Registered villagers away as migrants.',
    { label: ['Villagers away', '外出村民'], direction: 'none', format: 'count' }, (c, g) => C(c, g).away),
  count('applicants', 'persons', 'Applicants for Party membership (stock).',
    { label: ['Applicants', '入党申请人'], direction: 'higher', format: 'count' }, (c, g) => C(c, g).stage[Status.applicant]),
  count('activists', 'persons', 'Activists (stock).',
    { label: ['Activists', '入党积极分子'], direction: 'higher', format: 'count' }, (c, g) => C(c, g).stage[Status.activist]),
  count('development_targets', 'persons', 'Development targets (stock).',
    { label: ['Development targets', '发展对象'], direction: 'higher', format: 'count' }, (c, g) => C(c, g).stage[Status.developmentTarget]),
  count('members_probationary', 'persons', 'Probationary members (stock).',
    { label: ['Probationary members', '预备党员'], direction: 'higher', format: 'count' }, (c, g) => C(c, g).stage[Status.probationary]),
  count('members_full', 'persons', 'Full members, resident and away.',
    { label: ['Full members', '正式党员'], direction: 'higher', format: 'count', main: 1, sensitivity: 1, report: 1 }, members),
  count('members_resident', 'persons', 'Full members living in the village.',
    { label: ['Resident full members', '在村正式党员'], direction: 'higher', format: 'count' }, (c, g) => C(c, g).fullResident),
  count('members_away', 'persons', 'Full members away as migrants (still members).',
    { label: ['Full members away', '外出正式党员'], direction: 'none', format: 'count' }, (c, g) => C(c, g).fullAway),
  count('members_active_core', 'persons', 'Full members resident, not disabled and younger than the frailty age.',
    { label: ['Active core of members', '在村可履职党员'], direction: 'higher', format: 'count' }, (c, g) => C(c, g).activeCore),
  count('recruits', 'persons/year', 'New probationary members admitted in the year.',
    { label: ['New recruits', '新发展党员'], direction: 'higher', format: 'count', main: 5 }, (c, g) => F(c, g).recruits),
  count('new_full_members', 'persons/year', 'Probationary members confirmed as full members in the year.',
    { label: ['New full members', '预备党员转正'], direction: 'higher', format: 'count' }, (c, g) => F(c, g).newFull),
  count('member_exits', 'persons/year', 'Members lost in the year: deaths, transfers out, quitting, failed probation.',
    { label: ['Members lost', '减少党员'], direction: 'lower', format: 'count' }, memberExits),
  count('member_deaths', 'persons/year', 'Deaths of members in the year.',
    { label: ['Member deaths', '党员死亡'], direction: 'none', format: 'count' }, (c, g) => F(c, g).memberDeaths),
  count('member_transfers', 'persons/year', 'Members whose registration (and Party relation) moved out of the village in the year: lost to the branch, not to the Party.',
    { label: ['Members transferred out', '转出党员'], direction: 'none', format: 'count' }, (c, g) => F(c, g).memberTransfers),
  share('replacement_ratio', 'recruits per exit', 'Recruits over member exits (county: ratio of sums).',
    { label: ['Replacement ratio', '党员更替比'], direction: 'higher', format: 'ratio' }, (c, g) => F(c, g).recruits, memberExits),
  share('member_mean_age', 'years', 'Mean age of full members.',
    { label: ['Mean member age', '党员平均年龄'], direction: 'lower', format: 'years', phrase: phrase('the mean age of members', '党员平均年龄'), report: 3 },
    (c, g) => C(c, g).memberAgeSum, members),
  share('member_share_35under', 'share', 'Share of full members aged 35 or under.',
    { label: ['Members aged 35 or under', '35岁及以下党员'], direction: 'higher', format: 'share', phrase: phrase('the share of members aged 35 or under', '35岁及以下党员占比'), report: 2 },
    (c, g) => C(c, g).members35under, members),
  share('member_share_61plus', 'share', 'Share of full members aged 61 or over.',
    { label: ['Members aged 61 or over', '61岁及以上党员'], direction: 'lower', format: 'share', phrase: phrase('the share of members aged 61 or over', '61岁及以上党员占比'), main: 2, sensitivity: 2 },
    (c, g) => C(c, g).members61plus, members),
  share('member_share_of_population', 'share', 'Full members over registered villagers.',
    { label: ['Members per villager', '党员占户籍人口比例'], direction: 'none', format: 'share' }, members, (c, g) => C(c, g).residents + C(c, g).away),
  share('member_away_share', 'share', 'Share of full members living away.',
    { label: ['Members living away', '外出党员占比'], direction: 'none', format: 'share' }, (c, g) => C(c, g).fullAway, members),
  villageMean('branches_warning_share', 'share of branches', 'Branches in warning: mean age of full members ≥60, or ≥3 years without a recruit, or no resident activist.',
    { label: ['Branches in warning', '预警村党组织'], direction: 'lower', format: 'share', phrase: phrase('the share of branches in warning', '预警村党组织占比'), main: 3, sensitivity: 3, report: 5 },
    (c, g) => C(c, g).warning),
  villageMean('branches_no_recruit_3y_share', 'share of branches', 'Branches with 3 or more years without a recruit.',
    { label: ['Branches 3+ years without a recruit', '连续3年以上未发展党员的村党组织'], direction: 'lower', format: 'share' },
    (c, g) => (V(c, g).branch.yearsNoRecruit >= 3 ? 1 : 0)),
  share('quota_fill_rate', 'share', 'Recruits over the yearly quota (county: ratio of sums).',
    { label: ['Quota filled', '发展计划完成率'], direction: 'higher', format: 'share' }, (c, g) => F(c, g).recruits, (c, g) => V(c, g).branch.quota),
  count('quota', 'recruits/year', 'Yearly recruitment quota of the county plan.',
    { label: ['Recruitment quota', '年度发展计划'], direction: 'none', format: 'count' }, (c, g) => V(c, g).branch.quota),
  share('recruit_quality_mean', 'quality 0-1', 'Mean quality of the year\'s recruits.',
    { label: ['Recruit quality', '新党员质量'], direction: 'higher', format: 'index' }, (c, g) => F(c, g).recruitQualitySum, (c, g) => F(c, g).recruits),
  count('token_recruits', 'persons/year', 'Development targets chosen below the standard because the pool was thin (tokenism).',
    { label: ['Token recruits', '凑数发展对象'], direction: 'lower', format: 'count' }, (c, g) => F(c, g).tokenRecruits),
  villageMean('succession_ready_share', 'share of branches', 'Branches with a resident member under the succession age with both competences above the bar.',
    { label: ['Branches with a ready successor', '后继有人的村党组织'], direction: 'higher', format: 'share', phrase: phrase('the share of branches with a ready successor', '后继有人的村党组织占比'), main: 4, sensitivity: 4, report: 4 },
    (c, g) => C(c, g).successionReady),
  villageMean('branches_renewed_share', 'share of branches', 'Branches renewed: not in warning and with a ready successor (the default objective of policy design).',
    { label: ['Branches renewed', '后继有人且未预警的村党组织'], direction: 'higher', format: 'share', phrase: phrase('the share of branches renewed', '实现自我更新的村党组织占比') },
    (c, g) => { const x = C(c, g); return x.warning === 0 && x.successionReady > 0 ? 1 : 0; }),
  villageMean('succession_gap_share', 'share of branches', 'Branches whose last succession found no qualified successor.',
    { label: ['Branches with a succession gap', '换届无合格接班人的村党组织'], direction: 'lower', format: 'share' }, (c, g) => V(c, g).branch.successionGap),
  share('secretary_mean_age', 'years', 'Mean age of branch secretaries.',
    { label: ['Mean secretary age', '党支部书记平均年龄'], direction: 'none', format: 'years' },
    (c, g) => Math.max(0, C(c, g).secretaryAge), (c, g) => (C(c, g).secretaryAge >= 0 ? 1 : 0)),
  villageMean('secretary_vacant_share', 'share of branches', 'Branches without a secretary.',
    { label: ['Branches without a secretary', '党支部书记空缺的村党组织'], direction: 'lower', format: 'share' }, (c, g) => (C(c, g).secretaryAge < 0 ? 1 : 0)),
  share('youth_outmigration_rate', 'share of youth per year', 'Departures of residents aged 18-35 over residents aged 18-35 (not disabled) at the start of the migration step, after the year\'s ageing, deaths and transfers.',
    { label: ['Youth out-migration', '青年外出率'], direction: 'lower', format: 'rate', phrase: phrase('the youth out-migration rate', '青年外出率'), report: 6 },
    (c, g) => F(c, g).youthDepartures, (c, g) => F(c, g).youthResidentsAtStart),
  share('return_rate', 'share of migrants per year', 'Returns over villagers away at the start of the migration step, after the year\'s deaths and transfers.',
    { label: ['Return migration', '返乡率'], direction: 'higher', format: 'rate', phrase: phrase('the return migration rate', '返乡率'), report: 7 },
    (c, g) => F(c, g).returns, (c, g) => F(c, g).awayAtStart),
  share('resident_share_60plus', 'share', 'Residents aged 60+ over residents (village ageing).',
    { label: ['Residents aged 60 or over', '60岁及以上常住村民'], direction: 'none', format: 'share' }, (c, g) => C(c, g).residents60plus, (c, g) => C(c, g).residents),
  share('resident_household_size', 'persons per household', 'Residents per household with at least one resident (the census\'s mean family household size).',
    { label: ['Persons per household', '户均人口'], direction: 'none', format: 'ratio' }, (c, g) => C(c, g).residents, (c, g) => C(c, g).residentHouseholds),
  share('cultural_identity_mean', 'identity 0-1', 'Mean cultural identity of residents.',
    { label: ['Cultural identity', '文化认同'], direction: 'higher', format: 'index' }, (c, g) => C(c, g).identityResidentSum, (c, g) => C(c, g).residents),
  share('active_commitment_share', 'share', 'Residents whose identity is active commitment rather than passive recognition.',
    { label: ['Active commitment', '主动践行者占比'], direction: 'higher', format: 'share' }, (c, g) => C(c, g).activeCommitment, (c, g) => C(c, g).residents),
  villageMean('cultural_life_mean', 'index 0-1', 'Village cultural life.',
    { label: ['Cultural life', '村庄文化生活'], direction: 'higher', format: 'index' }, (c, g) => V(c, g).culturalLife),
  villageMean('cohesion_mean', 'index 0-1', 'Village trust / cohesion.',
    { label: ['Cohesion', '村庄凝聚力'], direction: 'higher', format: 'index' }, (c, g) => V(c, g).cohesion),
  villageMean('conflict_mean', 'index 0-1', 'Village conflict (involution).',
    { label: ['Conflict', '村庄矛盾（内卷）'], direction: 'lower', format: 'index' }, (c, g) => V(c, g).conflict),
  villageMean('branch_authority_mean', 'index 0-1', 'Branch authority.',
    { label: ['Branch authority', '村党组织威信'], direction: 'higher', format: 'index' }, (c, g) => V(c, g).branch.authority),
  villageMean('meeting_quality_mean', 'index 0-1', 'Meeting quality (1 genuine, 0 photo-oriented).',
    { label: ['Meeting quality', '组织生活质量'], direction: 'higher', format: 'index' }, (c, g) => V(c, g).branch.meetingQuality),
  villageMean('industry_mean', 'index 0-1', 'Local jobs / value-added industry index.',
    { label: ['Local industry', '本地产业'], direction: 'higher', format: 'index' }, (c, g) => V(c, g).industry),
  share('livelihood_pressure_mean', 'pressure 0-1', 'Mean livelihood pressure of resident adults.',
    { label: ['Livelihood pressure', '生计压力'], direction: 'lower', format: 'index' }, (c, g) => C(c, g).pressureAdultSum, (c, g) => C(c, g).adultsResident),
  share('household_income_mean', 'yuan/household/year', 'Mean pooled household income.',
    { label: ['Household income', '户均收入'], direction: 'higher', format: 'yuan' }, (c, g) => C(c, g).householdIncomeSum, (c, g) => C(c, g).households),
  count('births', 'persons/year', 'Births in the year.',
    { label: ['Births', '出生'], direction: 'none', format: 'count' }, (c, g) => F(c, g).births),
  count('deaths', 'persons/year', 'Deaths in the year (resident and away).',
    { label: ['Deaths', '死亡'], direction: 'none', format: 'count' }, (c, g) => F(c, g).deathsResident + F(c, g).deathsAway),
  count('departures', 'persons/year', 'Residents who left to work away.',
    { label: ['Departures', '外出务工'], direction: 'none', format: 'count' }, (c, g) => F(c, g).departures),
  count('returns', 'persons/year', 'Migrants who came back.',
    { label: ['Returns', '返乡'], direction: 'none', format: 'count' }, (c, g) => F(c, g).returns),
  count('transfers_out', 'persons/year', 'Long-term migrants who moved their registration out.',
    { label: ['Registrations moved out', '户籍迁出'], direction: 'none', format: 'count' }, (c, g) => F(c, g).transfersOut),
  count('applications', 'persons/year', 'New applications in the year.',
    { label: ['New applications', '新提交入党申请'], direction: 'higher', format: 'count' }, (c, g) => F(c, g).applications),
  count('excluded_screening', 'persons/year', 'Candidates excluded by political review.',
    { label: ['Excluded by political review', '政审未通过'], direction: 'none', format: 'count' }, (c, g) => F(c, g).excludedScreening),
  count('excluded_vote', 'persons/year', 'Candidates rejected by the branch vote (popularity).',
    { label: ['Rejected by the branch vote', '支部大会表决未通过'], direction: 'none', format: 'count' }, (c, g) => F(c, g).excludedVote),
  count('dropouts_retreat', 'persons/year', 'Candidates who retreated under livelihood pressure.',
    { label: ['Candidates who retreated', '因生计压力退出的入党培养对象'], direction: 'lower', format: 'count' }, (c, g) => F(c, g).dropoutsRetreat),
  count('dropouts_migration', 'persons/year', 'Candidates lost when they migrated.',
    { label: ['Candidates lost to migration', '因外出流失的入党培养对象'], direction: 'lower', format: 'count' }, (c, g) => F(c, g).dropoutsMigration),
  count('policy_cost', 'yuan/year', 'Policy spending of all levers in the year.',
    { label: ['Policy cost', '政策支出'], direction: 'none', format: 'yuan', main: 6 }, (c, g) => F(c, g).cost),
  // Issue 14, the recruitment side: what the pool and the members are worth, lapses and the introducer rule.
  share('candidate_pool_quality_mean', 'quality 0-1', 'Mean quality of the resident activists and development targets after the year\'s pipeline step (what the branch can still choose from).',
    { label: ['Candidate pool quality', '入党积极分子队伍质量'], direction: 'higher', format: 'index' }, (c, g) => F(c, g).poolQualitySum, (c, g) => F(c, g).poolCount),
  villageMean('member_competence_mean', 'index 0-1', 'Mean competence (party-work and economic averaged) of the resident able full members, by branch: what the branch shows villagers (paper 2.2).',
    { label: ['Members\' competence', '党员能力'], direction: 'higher', format: 'index' }, (c, g) => V(c, g).branch.memberCompetenceMean),
  count('activist_lapses', 'persons/year', 'Activists who lapsed in the year (structure activist_exit: lapse).',
    { label: ['Activists who lapsed', '积极分子自行放弃'], direction: 'lower', format: 'count' }, (c, g) => F(c, g).activistLapses),
  count('designations_without_introducers', 'persons/year', 'Designations as development target held back because two introducers could not be found (structure introducers: required).',
    { label: ['Designations without introducers', '缺少入党介绍人的发展对象'], direction: 'lower', format: 'count' }, (c, g) => F(c, g).noIntroducers),
  share('dependence_mean', 'index 0-1', 'Mean "wait-for-relief" dependence of resident adults (paper 3.2, 4.1).',
    { label: ['Wait-for-relief dependence', '"等靠要"依赖'], direction: 'lower', format: 'index' }, (c, g) => C(c, g).dependenceAdultSum, (c, g) => C(c, g).adultsResident),
];

/** The name of the metric of one lever's spending: `policy_cost_<lever>`. */
export function leverCostMetricName(lever: LeverName): string {
  return `policy_cost_${lever}`;
}

/**
 * Policy spending on each lever in the year (county sum of what policy-cost billed it), and the number of
 * villages: what policy design measures spend with. Not part of the default model's outputs.
 */
export const POLICY_DESIGN_METRICS: readonly M[] = [
  ...LEVERS.map((l) =>
    count(leverCostMetricName(l.name), 'yuan/year', `Policy spending on the lever ${l.name} in the year (billed by its cost basis).`,
      { label: [`Spending: ${l.label.en}`, `支出：${l.label.zh}`], direction: 'none', format: 'yuan' }, (c, g) => V(c, g).spending[l.name] ?? 0),
  ),
  count('villages', 'villages', 'Administrative villages.', { label: ['Villages', '行政村'], direction: 'none', format: 'count' }, () => 1),
];

/** Metric metadata by name. */
export const METRIC_INDEX: ReadonlyMap<string, M> = new Map(METRICS.map((m) => [m.name, m]));

/** Direction in which a metric is better ('none' for neither; undefined for an unknown name), e.g. for `compare`. */
export function metricDirection(name: string): Direction | undefined {
  return METRIC_INDEX.get(name)?.direction;
}

/** The name of metric `metric` restricted to the villages of `type`: `metric@type`. */
export function typeMetricName(metric: string, type: VillageType): string {
  return `${metric}@${type}`;
}

/**
 * Every metric (except max/min aggregates) restricted to each village type: the same figure over the villages
 * of that type only, named `metric@type` (a sum over them, a mean over them, or a ratio of their sums). For
 * reading results and targeting policies by type; not part of the default model's outputs.
 */
export function metricsByVillageType(metrics: readonly M[] = METRICS): M[] {
  const out: M[] = [];
  for (const m of metrics) {
    const agg = m.aggregate;
    if (agg === 'max' || agg === 'min') continue;
    VILLAGE_TYPES.forEach((type, code) => {
      const mine = (c: County, g: number) => c.villages[g].type === code;
      const base = {
        ...m,
        name: typeMetricName(m.name, type),
        label: { en: `${m.label.en} (${villageTypeLabel(type)})`, zh: `${m.label.zh}（${villageTypeLabel(type, 'zh')}）` },
        description: `${m.description} Villages of type ${type} only.`,
        main: undefined, sensitivity: undefined, report: undefined,
      };
      const restricted: M =
        agg === 'sum' ? { ...base, perGroup: (c, g) => (mine(c, g) ? m.perGroup(c, g) : 0), aggregate: 'sum' }
        : agg === 'mean' ? { ...base, aggregate: { weight: (c, g) => (mine(c, g) ? 1 : 0) } }
        : { ...base, aggregate: { weight: (c, g) => (mine(c, g) ? agg.weight(c, g) : 0) } };
      out.push(restricted);
    });
  }
  return out;
}

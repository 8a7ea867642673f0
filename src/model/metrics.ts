/**
 * The declared metrics of the talent model, per village and aggregated to the county. Stocks come
 * from the village census, flows from the year's counters; shares aggregate as ratios of sums
 * (weighted by their denominators), so an empty village never produces NaN.
 */
import type { MetricDef } from '../core/metrics.js';
import { census, type Census } from './census.js';
import type { County } from './county.js';
import type { Village, VillageFlows } from './village.js';
import { Status } from './villager.js';

type M = MetricDef<County>;
const V = (c: County, g: number): Village => c.villages[g];
const C = (c: County, g: number): Census => census(c, c.villages[g]);
const F = (c: County, g: number): VillageFlows => c.villages[g].flows;
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

function count(name: string, unit: string, description: string, f: (c: County, g: number) => number, better?: 'higher' | 'lower'): M {
  return { name, unit, description, perGroup: f, aggregate: 'sum', better };
}
function share(name: string, unit: string, description: string, num: (c: County, g: number) => number, den: (c: County, g: number) => number, better?: 'higher' | 'lower'): M {
  return { name, unit, description, perGroup: (c, g) => ratio(num(c, g), den(c, g)), aggregate: { weight: den }, better };
}
function villageMean(name: string, unit: string, description: string, f: (c: County, g: number) => number, better?: 'higher' | 'lower'): M {
  return { name, unit, description, perGroup: f, aggregate: 'mean', better };
}
const members = (c: County, g: number) => C(c, g).stage[Status.full];
const memberExits = (c: County, g: number) => {
  const f = F(c, g);
  return f.memberDeaths + f.memberQuits + f.memberTransfers + f.probationFailed;
};

/** Every metric, in output order. */
export const METRICS: readonly M[] = [
  count('population_resident', 'persons', 'Registered villagers living in the village.', (c, g) => C(c, g).residents),
  count('population_away', 'persons', 'Registered villagers away as migrants.', (c, g) => C(c, g).away),
  count('applicants', 'persons', 'Applicants for Party membership (stock).', (c, g) => C(c, g).stage[Status.applicant], 'higher'),
  count('activists', 'persons', 'Activists (stock).', (c, g) => C(c, g).stage[Status.activist], 'higher'),
  count('development_targets', 'persons', 'Development targets (stock).', (c, g) => C(c, g).stage[Status.developmentTarget], 'higher'),
  count('members_probationary', 'persons', 'Probationary members (stock).', (c, g) => C(c, g).stage[Status.probationary], 'higher'),
  count('members_full', 'persons', 'Full members, resident and away.', members, 'higher'),
  count('members_resident', 'persons', 'Full members living in the village.', (c, g) => C(c, g).fullResident, 'higher'),
  count('members_away', 'persons', 'Full members away as migrants (still members).', (c, g) => C(c, g).fullAway),
  count('members_active_core', 'persons', 'Full members resident, not disabled and younger than the frailty age.', (c, g) => C(c, g).activeCore, 'higher'),
  count('recruits', 'persons/year', 'New probationary members admitted in the year.', (c, g) => F(c, g).recruits, 'higher'),
  count('new_full_members', 'persons/year', 'Probationary members confirmed as full members in the year.', (c, g) => F(c, g).newFull, 'higher'),
  count('member_exits', 'persons/year', 'Members lost in the year: deaths, transfers out, quitting, failed probation.', memberExits, 'lower'),
  count('member_deaths', 'persons/year', 'Deaths of members in the year.', (c, g) => F(c, g).memberDeaths),
  share('replacement_ratio', 'recruits per exit', 'Recruits over member exits (county: ratio of sums).', (c, g) => F(c, g).recruits, memberExits, 'higher'),
  share('member_mean_age', 'years', 'Mean age of full members.', (c, g) => C(c, g).memberAgeSum, members, 'lower'),
  share('member_share_35under', 'share', 'Share of full members aged 35 or under.', (c, g) => C(c, g).members35under, members, 'higher'),
  share('member_share_61plus', 'share', 'Share of full members aged 61 or over.', (c, g) => C(c, g).members61plus, members, 'lower'),
  share('member_share_of_population', 'share', 'Full members over registered villagers.', members, (c, g) => C(c, g).residents + C(c, g).away),
  share('member_away_share', 'share', 'Share of full members living away.', (c, g) => C(c, g).fullAway, members),
  villageMean('branches_warning_share', 'share of branches', 'Branches in warning: mean member age ≥60, or ≥3 years without a recruit, or no activists.', (c, g) => C(c, g).warning, 'lower'),
  villageMean('branches_no_recruit_3y_share', 'share of branches', 'Branches with 3 or more years without a recruit.', (c, g) => (V(c, g).branch.yearsNoRecruit >= 3 ? 1 : 0), 'lower'),
  share('quota_fill_rate', 'share', 'Recruits over the yearly quota (county: ratio of sums).', (c, g) => F(c, g).recruits, (c, g) => V(c, g).branch.quota, 'higher'),
  count('quota', 'recruits/year', 'Yearly recruitment quota of the county plan.', (c, g) => V(c, g).branch.quota),
  share('recruit_quality_mean', 'quality 0-1', 'Mean quality of the year\'s recruits.', (c, g) => F(c, g).recruitQualitySum, (c, g) => F(c, g).recruits, 'higher'),
  count('token_recruits', 'persons/year', 'Development targets chosen below the standard because the pool was thin (tokenism).', (c, g) => F(c, g).tokenRecruits, 'lower'),
  villageMean('succession_ready_share', 'share of branches', 'Branches with a resident member under the succession age with both competences above the bar.', (c, g) => C(c, g).successionReady, 'higher'),
  villageMean('succession_gap_share', 'share of branches', 'Branches whose last succession found no qualified successor.', (c, g) => V(c, g).branch.successionGap, 'lower'),
  share('secretary_mean_age', 'years', 'Mean age of branch secretaries.', (c, g) => Math.max(0, C(c, g).secretaryAge), (c, g) => (C(c, g).secretaryAge >= 0 ? 1 : 0)),
  villageMean('secretary_vacant_share', 'share of branches', 'Branches without a secretary.', (c, g) => (C(c, g).secretaryAge < 0 ? 1 : 0), 'lower'),
  share('youth_outmigration_rate', '1/year', 'Departures of residents aged 18-35 over residents aged 18-35 at the start of the year.', (c, g) => F(c, g).youthDepartures, (c, g) => F(c, g).youthResidentsAtStart, 'lower'),
  share('return_rate', '1/year', 'Returns over villagers away at the start of the year.', (c, g) => F(c, g).returns, (c, g) => F(c, g).awayAtStart, 'higher'),
  share('resident_share_60plus', 'share', 'Residents aged 60+ over residents (village ageing).', (c, g) => C(c, g).residents60plus, (c, g) => C(c, g).residents),
  share('cultural_identity_mean', 'identity 0-1', 'Mean cultural identity of residents.', (c, g) => C(c, g).identityResidentSum, (c, g) => C(c, g).residents, 'higher'),
  share('active_commitment_share', 'share', 'Residents whose identity is active commitment rather than passive recognition.', (c, g) => C(c, g).activeCommitment, (c, g) => C(c, g).residents, 'higher'),
  villageMean('cultural_life_mean', 'index 0-1', 'Village cultural life.', (c, g) => V(c, g).culturalLife, 'higher'),
  villageMean('cohesion_mean', 'index 0-1', 'Village trust / cohesion.', (c, g) => V(c, g).cohesion, 'higher'),
  villageMean('conflict_mean', 'index 0-1', 'Village conflict (involution).', (c, g) => V(c, g).conflict, 'lower'),
  villageMean('branch_authority_mean', 'index 0-1', 'Branch authority.', (c, g) => V(c, g).branch.authority, 'higher'),
  villageMean('meeting_quality_mean', 'index 0-1', 'Meeting quality (1 genuine, 0 photo-oriented).', (c, g) => V(c, g).branch.meetingQuality, 'higher'),
  villageMean('industry_mean', 'index 0-1', 'Local jobs / value-added industry index.', (c, g) => V(c, g).industry, 'higher'),
  share('livelihood_pressure_mean', 'pressure 0-1', 'Mean livelihood pressure of resident adults.', (c, g) => C(c, g).pressureAdultSum, (c, g) => C(c, g).adultsResident, 'lower'),
  share('household_income_mean', 'yuan/household/year', 'Mean pooled household income.', (c, g) => C(c, g).householdIncomeSum, (c, g) => C(c, g).households, 'higher'),
  count('births', 'persons/year', 'Births in the year.', (c, g) => F(c, g).births),
  count('deaths', 'persons/year', 'Deaths in the year (resident and away).', (c, g) => F(c, g).deathsResident + F(c, g).deathsAway),
  count('departures', 'persons/year', 'Residents who left to work away.', (c, g) => F(c, g).departures),
  count('returns', 'persons/year', 'Migrants who came back.', (c, g) => F(c, g).returns),
  count('transfers_out', 'persons/year', 'Long-term migrants who moved their registration out.', (c, g) => F(c, g).transfersOut),
  count('applications', 'persons/year', 'New applications in the year.', (c, g) => F(c, g).applications, 'higher'),
  count('excluded_screening', 'persons/year', 'Candidates excluded by political review.', (c, g) => F(c, g).excludedScreening),
  count('excluded_vote', 'persons/year', 'Candidates rejected by the branch vote (popularity).', (c, g) => F(c, g).excludedVote),
  count('dropouts_retreat', 'persons/year', 'Candidates who retreated under livelihood pressure.', (c, g) => F(c, g).dropoutsRetreat, 'lower'),
  count('dropouts_migration', 'persons/year', 'Candidates lost when they migrated.', (c, g) => F(c, g).dropoutsMigration, 'lower'),
  count('policy_cost', 'yuan/year', 'Policy spending of all levers in the year.', (c, g) => F(c, g).cost),
];

/** Metric metadata by name. */
export const METRIC_INDEX: ReadonlyMap<string, M> = new Map(METRICS.map((m) => [m.name, m]));

/** Direction in which a metric is better, if any. */
export function metricDirection(name: string): 'higher' | 'lower' | undefined {
  return METRIC_INDEX.get(name)?.better;
}

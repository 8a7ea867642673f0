/** The report's own words in English (see messages.ts for what each entry is). */
import type { Messages } from './messages.js';

const num = (x: number, digits: number) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** English. */
export const EN: Messages = {
  lang: 'en',
  htmlLang: 'en',
  locale: 'en-US',

  percentagePoints: 'percentage points',
  pp: 'pp',
  ppAxis: 'percentage points',
  interval: (low, high) => `${low} to ${high}`,
  ci95: (interval) => `95% CI ${interval}`,
  yuan: (x) => {
    if (!Number.isFinite(x)) return 'n/a';
    if (Math.abs(x) >= 1e6) return `${num(x / 1e6, Math.abs(x) >= 1e8 ? 0 : 1)} million yuan`;
    return `${num(Math.round(x), 0)} yuan`;
  },
  notAvailable: 'n/a',
  list: (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
  perVillageYear: 'per village per year',
  perMillion: (unit) => `${unit} per ¥1M`,

  defaultTitle: 'talentsim report: renewal of village Party branches',
  robustnessTitle: 'talentsim robustness: how robust is the ranking of the pathways?',
  readAt: (year, n, baseline) => `Results read at <strong>${year}</strong>. ${n} scenarios; differences are relative to ${baseline}.`,
  sections: {
    summary: 'Summary for decision-makers',
    reading: 'Reading',
    scenarios: 'Scenarios',
    outcomes: (year) => `Main outcomes in ${year}`,
    charts: 'Charts',
    run: 'Run',
  },
  noComparison: 'No comparison rows at the horizon.',
  noReading: 'No comparison rows to read.',
  chartFailed: 'This chart failed to render: ',

  scenarioTable: {
    scenario: 'Scenario',
    description: 'Description',
    levers: 'Levers',
    shocks: 'Shocks',
    baselineMark: 'baseline of the comparison',
    none: 'none',
    shock: (kind, start, duration) => `${kind === 'lockdown' ? 'Lockdown' : 'Economic shock'} from t = ${start} for ${duration} year${duration === 1 ? '' : 's'}`,
    window: (from, until) => (from === 1 && until === null ? '' : until === null ? ` from t = ${from}` : ` for t = ${from}–${until}`),
  },

  outcomeTable: {
    scenario: 'Scenario',
    spending: 'Spending per village per year',
    outcome: 'Outcome',
    mean: 'Mean [95% CI]',
    diff: (b) => `Difference from ${b} [95% CI]`,
    better: (b) => `Better than ${b} in`,
    replicates: 'Replicates',
    caption: (b) =>
      `Shares in percent; their differences in percentage points (pp). Differences are paired: the same replicate, with the same random numbers, under the scenario and under ${b}. "Better" follows the direction of each outcome (e.g. fewer branches in warning is better). Spending is the mean yearly policy spending over the run divided by the number of villages.`,
    spendingUnknown: 'n/a',
  },

  charts: {
    year: 'Year',
    scenario: 'Scenario',
    mean: 'Mean',
    p5: '5th percentile',
    p95: '95th percentile',
    bandSubtitle: 'Line: mean across replicates; band: 5th-95th percentile',
    startup: 'start-up',
    effects: {
      heading: 'Effects at the horizon',
      caption: 'Mean paired difference from the baseline (same replicate, same random numbers) with its 95% confidence interval.',
      title: (year, b) => `Effects of each scenario in ${year}, relative to ${b}`,
      subtitle: 'Point: mean paired difference across replicates; line: 95% confidence interval',
      axis: (b, unit) => `Difference from ${b} (${unit})`,
      diff: 'Difference',
      low: '95% CI low',
      high: '95% CI high',
      betterIn: 'Better in',
    },
    members: {
      heading: 'Full members over time',
      caption: 'County total of full Party members; line is the mean across replicates, band the 5th to 95th percentile.',
      title: 'Full Party members in the county over time',
    },
    age: {
      heading: 'Age structure of members',
      caption: 'Mean share of members aged 35 or under, 36 to 60, and 61 or over.',
      title: 'Age structure of Party members',
      subtitle: 'Mean share of members in each age band across replicates',
      axis: 'Share of members (%)',
      legend: 'Age band (years)',
      bands: ['35 or under', '36-60', '61 or over'],
      band: 'Age band',
      share: 'Share',
    },
    warning: {
      heading: 'Branches in warning',
      caption: 'Share of village branches in warning status; mean and 5th to 95th percentile band.',
      title: 'Village Party branches in warning over time',
    },
    funnel: {
      heading: 'Membership pipeline',
      caption: 'Persons at each stage from applicant to full member at selected years, mean across replicates.',
      title: 'Membership pipeline',
      subtitle: 'Persons at each stage in the county, mean across replicates',
      stage: 'Pipeline stage',
      axis: 'Mean across replicates (persons)',
      persons: 'Persons',
    },
    costEffectiveness: {
      heading: 'Cost-effectiveness',
      caption: 'Outcome gained over the baseline at the horizon per million yuan of extra cumulative policy spending. Scenarios that spend nothing extra are not shown.',
      title: (year) => `Outcome gained per million yuan spent, ${year}`,
      subtitle: (b) => `Difference from ${b} at the horizon ÷ extra cumulative policy cost; line: 95% interval`,
      axis: (unit) => `Gain per million yuan (${unit} per ¥1M)`,
      perMillion: 'Per ¥1M',
      gain: (b) => `Gain over ${b}`,
      extraCost: 'Extra cost (¥M)',
    },
    migration: {
      heading: 'Migration',
      caption: 'Yearly youth out-migration rate and return migration rate; mean and 5th to 95th percentile band.',
      title: 'Youth out-migration and return migration',
    },
  },
  startupNote: (first, last, flowsFrom) =>
    `Shaded: the start-up years ${first}–${last}. The synthetic county starts from a generated state that settles in its first years under every scenario (for example the share of branches in warning falls from its initial value within about two years); read results from ${last} on. Yearly flows (migration rates, recruits, spending) start in ${flowsFrom}: the first year is the initial state, before any year is simulated.`,

  reading: {
    single: (f) => `By ${f.year}, ${f.scenario} ${f.change} ${f.phrase} by ${f.size} (95% CI ${f.interval}) against ${f.baseline}${f.better ? `, better in ${f.better} of replicates` : ''}.`,
    noDifference: (f) => `By ${f.year}, ${f.scenario} and ${f.baseline} are indistinguishable on ${f.phrase}: ${f.diff} (95% CI ${f.interval}).`,
    worse: (f) => `By ${f.year}, ${f.scenario} worsened ${f.phrase}: ${f.diff} (95% CI ${f.interval}) against ${f.baseline}.`,
    noneBetter: (f) => `By ${f.year}, no scenario improved ${f.phrase} distinguishably over ${f.baseline}; the most favourable difference was ${f.scenario}'s: ${f.diff} (95% CI ${f.interval}).`,
    best: (f, l) =>
      `${f.scenario} ${f.change} ${f.phrase} most by ${f.year}: ${f.diff} (95% CI ${f.interval}) against ${f.baseline}${f.better ? `, better in ${f.better} of replicates` : ''}; ahead of the runner-up, ${l.runnerUp}, by ${l.size} (95% CI ${l.interval}).`,
    tied: (f, group, l) =>
      `By ${f.year}, ${EN.list(group)} are indistinguishable on ${f.phrase} (${l.leader} minus ${l.runnerUp}: ${l.diff}, 95% CI ${l.interval}); ${f.scenario}: ${f.diff} (95% CI ${f.interval}) against ${f.baseline}.`,
    costBest: (leader, perMillion, interval, l, outcome) =>
      `Per million yuan of extra spending, ${leader} added the most ${outcome}: ${perMillion} per million yuan (95% CI ${interval})` +
      (l ? `; ahead of ${l.runnerUp} by ${l.size} (95% CI ${l.interval}).` : '.'),
    costSingle: (s, perMillion, interval, outcome) => `Per million yuan of extra spending, ${s} changed ${outcome} by ${perMillion} per million yuan (95% CI ${interval}).`,
    costTied: (group, values, l, outcome) =>
      `Per million yuan of extra spending, ${EN.list(group)} are indistinguishable on ${outcome}: ${EN.list(values)} per million yuan (${l.leader} minus ${l.runnerUp}: ${l.diff}, 95% CI ${l.interval}).`,
  },

  summary: {
    question: (n, year, b, only) =>
      only
        ? `<strong>Question.</strong> Does ${only} keep more village Party branches out of warning, and give more of them a ready successor, by ${year} than ${b} — and at what cost?`
        : `<strong>Question.</strong> Which of the ${n} policies compared with ${b} keeps the most village Party branches out of warning and gives the most of them a ready successor by ${year}, and at what cost?`,
    answer: 'Answer',
    costs: (scenarios, perVillage, perCounty, villages) =>
      `${EN.list(scenarios)} cost${scenarios.length === 1 ? 's' : ''} ` +
      (perVillage ? `${perVillage} per village per year${villages ? ` (${perCounty} a year for the county's ${villages} villages)` : ''}.` : `${perCounty} a year.`),
    costRange: (low, high) => `The policies compared cost from ${low} to ${high} per village per year.`,
    table: {
      scenario: 'Scenario',
      perVillage: 'Spending per village per year',
      perCounty: 'Spending per county per year',
      effect: (outcome, b) => `${outcome}: difference from ${b}, percentage points [95% CI]`,
      level: (year) => `level in ${year}`,
    },
    distinguishable: 'What the model can and cannot tell apart',
    distinct: (outcome, b, yes, no) =>
      `${outcome}: ${yes.length ? `${EN.list(yes)} differ${yes.length === 1 ? 's' : ''} from ${b} (the 95% interval excludes zero)` : `no scenario differs from ${b} distinguishably`}` +
      (no.length ? `; ${EN.list(no)} cannot be told apart from ${b}.` : '.'),
    caveatHeading: 'Caveat',
    caveat: (replicates, startup) =>
      `These are model results under stated assumptions, not forecasts. The county is synthetic, calibrated to census and statistical-bulletin figures; several effect sizes and the lever costs are assumptions (see the parameter and scenario documentation). Intervals are 95% intervals over ${replicates} replicates with common random numbers: they show simulation noise, not uncertainty in the assumptions.${startup > 0 ? ` The first ${startup} years are a start-up period.` : ''}`,
    printHint: 'Prints on one A4 page.',
    fullReport: 'The full report (report.html) has the charts, every outcome and the run details.',
  },

  run: {
    keys: {
      talentsim: 'talentsim version',
      node: 'Node.js',
      platform: 'Platform',
      command: 'Command',
      kind: 'Kind',
      model: 'Model',
      baseline: 'Baseline',
      scenarios: 'Scenarios',
      metrics: 'Metrics',
      workers: 'Worker threads',
      shard: 'Shard',
      replicatesComputed: 'Replicates computed',
      replicatesResumed: 'Replicates resumed',
      failures: 'Failed replicates',
      startedAt: 'Started at',
      seconds: 'Seconds',
      seeds: 'Seeds',
      replicates: 'Replicates',
    },
    scenarioFile: 'Scenario file (YAML)',
    allMetrics: (n) => `${n} metrics`,
    none: 'none',
  },

  best: {
    heading: 'Which pathway is best, and does the conclusion survive?',
    intro: 'Probability that each scenario has the best value of each main outcome at the horizon: the share of paired replicates in which it does (ties shared).',
    withPosterior: 'Each replicate ran with its own parameter set drawn from the calibration\'s posterior (the same draw for the same replicate in every scenario), so these shares include parameter uncertainty as well as chance.',
    withoutPosterior: 'All replicates ran with the same parameters: these shares include the model\'s chance variation only, not parameter uncertainty (run with --posterior to include it).',
    outcome: 'Outcome',
    outcomeCell: (label, d) => `${label} (${d} is better)`,
    share: (p, n) => `${p} of ${n} paired replicates`,
    survives: (label, leader, share) => `${label}: ${leader} is best in ${share} — this conclusion survives the uncertainty.`,
    leans: (label, leader, share) => `${label}: ${leader} is best in ${share} — a lean, not a firm conclusion.`,
    open: (label, threshold, leader, share) => `${label}: no scenario is best in ${threshold} of the replicates (${leader} leads with ${share}) — the ranking does not survive.`,
  },

  robustness: {
    heading: 'How robust is the ranking?',
    noRows: 'No robustness rows.',
    chartTitle: 'How robust is the ranking? Share of parameter draws won',
    chartSubtitle: (draws) => `${draws} Latin-hypercube draws of the declared parameter ranges, common random numbers`,
    beats: 'Beats baseline',
    first: 'Ranks first',
    shareOfDraws: 'Share of draws',
    intro: (n) =>
      `Every scenario was run on ${n} parameter sets drawn from the declared parameter ranges (Latin hypercube), with common random numbers, and compared at the horizon. For each outcome: the share of draws in which a scenario is strictly better than baseline, the share in which it ranks first among all scenarios (ties share a draw), and the parameter rule found by scenario discovery that best separates the draws it wins from those it loses. Coverage is the share of its winning draws inside the rule; density the share of draws inside the rule that it wins.`,
    precision: (n, pp) =>
      `Precision: each share comes from ${n} draws, so read it as about ±${pp} percentage points (±1/√draws, roughly the 95% margin of a share near 50%). Differences smaller than that are not evidence of a different ranking.`,
    better: (d) => `${d} is better`,
    higher: 'higher',
    lower: 'lower',
    outcomeHeading: (label, d, draws) => `${label} <span class="caption">(${d}; ${draws} draws)</span>`,
    table: {
      scenario: 'Scenario', beats: 'Beats baseline in', first: 'Ranks first in', meanDiff: 'Mean difference from baseline',
      rule: 'Where it beats baseline (rule)', coverage: 'Coverage', density: 'Density', noRule: 'no separating range',
    },
    leadersEqual: (label, d, leaders, share, n) => `${label} (${d}): ${leaders.join(' and ')} rank first equally often (${share} each of ${n} draws).`,
    leader: (label, d, leader, share, n) => `${label} (${d}): ${leader} most often ranks first (${share} of ${n} draws).`,
    it: 'It',
    always: (who) => ` ${who} beats baseline in every draw, whatever the parameters.`,
    never: (who) => ` ${who} never beats baseline, whatever the parameters.`,
    noneBeats: ' No pathway beats baseline in any draw.',
    otherFocus: (focus, beats, rule, coverage, density) =>
      `; the pathway that most often beats it, ${focus}, does so in ${beats} of draws` +
      (rule ? `, mostly where ${rule} (${coverage} of its wins lie there and it wins in ${density} of the draws there).` : '; no single parameter range separates its wins from its losses.'),
    withRule: (who, beats, rule, coverage, density) =>
      ` ${who} beats baseline in ${beats} of draws; its wins concentrate where ${rule} (${coverage} of its wins lie there and it wins in ${density} of the draws there); elsewhere it more often loses.`,
    withoutRule: (who, beats) => ` ${who} beats baseline in ${beats} of draws; no single parameter range separates the draws it wins from those it loses.`,
  },
};

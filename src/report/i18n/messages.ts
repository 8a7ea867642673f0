/**
 * The shape of the report's message catalogue: every word the report writes itself (headings, captions,
 * chart titles and axes, table headers, the sentences of the reading and of the summary), in one
 * interface that each language implements (en.ts, zh.ts). Metric, lever and pathway names are NOT here:
 * they come from their declarations (metric metadata, src/model/levers.ts); scenario titles from the
 * scenario files.
 */
import type { ScenarioLang } from '../../scenario/schema.js';

/** A report language. */
export type Lang = ScenarioLang;

/** A favourable or unfavourable change of an outcome, for sentence building. */
export type Change = 'raised' | 'lowered';

/** Everything a sentence about one scenario's effect on one outcome needs, already formatted. */
export interface EffectFacts {
  year: number;
  /** Display label of the scenario and of the baseline. */
  scenario: string;
  baseline: string;
  /** The outcome as running text ("the share of branches in warning"). */
  phrase: string;
  /** Signed difference with its unit ("+12.3 persons") and its size without sign ("12.3 persons"). */
  diff: string;
  size: string;
  /** The 95% interval ends in display scale ("8.1 to 16.5"). */
  interval: string;
  /** Share of replicates better than baseline ("92%"); undefined when the outcome has no direction. */
  better?: string;
  change: Change;
}

/** A comparison of the leader with the runner-up (paired, same replicates). */
export interface LeadFacts {
  /** Labels of the leader and runner-up. */
  leader: string;
  runnerUp: string;
  /** The leader minus the runner-up ("+4.1 percentage points"), its size without sign, and its interval ("0.5 to 7.7"). */
  diff: string;
  size: string;
  interval: string;
}

/** The report's own words in one language. */
export interface Messages {
  /** Language code of the catalogue, the page's `lang` attribute and the locale numbers are written in. */
  readonly lang: Lang;
  readonly htmlLang: string;
  readonly locale: string;

  // ---- numbers and units
  /** Unit of a difference of shares. */
  readonly percentagePoints: string;
  /** Short form of percentage points (table cells). */
  readonly pp: string;
  /** Percentage points as an axis unit. */
  readonly ppAxis: string;
  /** "a to b" for an interval. */
  interval(low: string, high: string): string;
  /** "95% CI a to b". */
  ci95(interval: string): string;
  /** A sum of money in yuan, written the way readers of this language write it (e.g. 7.5万元). */
  yuan(x: number): string;
  /** Text for a missing number. */
  readonly notAvailable: string;
  /** "A, B and C". */
  list(items: readonly string[]): string;
  /** "per village per year", for a cost. */
  readonly perVillageYear: string;
  /** Unit of gains per million yuan. */
  perMillion(unit: string): string;

  // ---- page
  readonly defaultTitle: string;
  readonly robustnessTitle: string;
  readAt(year: number, scenarios: number, baseline: string): string;
  readonly sections: {
    readonly summary: string;
    readonly reading: string;
    readonly scenarios: string;
    outcomes(year: number): string;
    readonly charts: string;
    readonly run: string;
  };
  readonly noComparison: string;
  readonly noReading: string;
  readonly chartFailed: string;

  // ---- scenario table
  readonly scenarioTable: {
    readonly scenario: string;
    readonly description: string;
    readonly levers: string;
    readonly shocks: string;
    readonly baselineMark: string;
    readonly none: string;
    shock(kind: string, start: number, duration: number): string;
    window(from: number, until: number | null): string;
  };

  // ---- main outcome table
  readonly outcomeTable: {
    readonly scenario: string;
    readonly spending: string;
    readonly outcome: string;
    readonly mean: string;
    diff(baseline: string): string;
    better(baseline: string): string;
    readonly replicates: string;
    caption(baseline: string): string;
    readonly spendingUnknown: string;
  };

  // ---- charts (headings, captions in the page; titles, axes, legends, tooltips in the specs)
  readonly charts: {
    readonly year: string;
    readonly scenario: string;
    readonly mean: string;
    readonly p5: string;
    readonly p95: string;
    readonly bandSubtitle: string;
    readonly startup: string;
    readonly effects: { heading: string; caption: string; title(year: number, baseline: string): string; subtitle: string; axis(baseline: string, unit: string): string; diff: string; low: string; high: string; betterIn: string };
    readonly members: { heading: string; caption: string; title: string };
    readonly age: { heading: string; caption: string; title: string; subtitle: string; axis: string; legend: string; bands: readonly [string, string, string]; band: string; share: string };
    readonly warning: { heading: string; caption: string; title: string };
    readonly funnel: { heading: string; caption: string; title: string; subtitle: string; stage: string; axis: string; persons: string };
    readonly costEffectiveness: { heading: string; caption: string; title(year: number): string; subtitle(baseline: string): string; axis(unit: string): string; perMillion: string; gain(baseline: string): string; extraCost: string };
    readonly migration: { heading: string; caption: string; title: string };
  };
  /** The note under the charts about the start-up years. */
  startupNote(first: number, last: number, flowsFrom: number): string;

  // ---- reading
  readonly reading: {
    /** One scenario only, distinguishable from baseline. */
    single(f: EffectFacts): string;
    /** One scenario only, or the leader, with an interval that includes zero. */
    noDifference(f: EffectFacts): string;
    /** The scenario made the outcome worse, distinguishably. */
    worse(f: EffectFacts): string;
    /** Several scenarios, none better than baseline distinguishably. */
    noneBetter(f: EffectFacts): string;
    /** The leader is ahead of the runner-up (their paired difference excludes zero). */
    best(f: EffectFacts, lead: LeadFacts): string;
    /** The leading group cannot be told apart. */
    tied(f: EffectFacts, group: readonly string[], lead: LeadFacts): string;
    /** Cost-effectiveness (full members per million yuan): a clear leader, a tie, or one scenario. */
    costBest(leader: string, perMillion: string, interval: string, lead: LeadFacts | undefined, outcome: string): string;
    costTied(group: readonly string[], values: readonly string[], lead: LeadFacts, outcome: string): string;
    /** Cost-effectiveness of the one scenario compared. */
    costSingle(scenario: string, perMillion: string, interval: string, outcome: string): string;
  };

  // ---- summary for decision-makers
  readonly summary: {
    /** The question (HTML: arguments escaped by the caller); `only` names the one scenario when there is just one. */
    question(scenarios: number, year: number, baseline: string, only?: string): string;
    readonly answer: string;
    /** The third sentence: what the leading scenarios cost. */
    /** `perVillage` undefined: the number of villages is not known, only the county's spending. */
    costs(scenarios: readonly string[], perVillage: string | undefined, perCounty: string, villages: number | undefined): string;
    costRange(low: string, high: string): string;
    readonly table: { scenario: string; perVillage: string; perCounty: string; effect(outcome: string, baseline: string): string; level(year: number): string };
    readonly distinguishable: string;
    distinct(outcome: string, baseline: string, yes: readonly string[], no: readonly string[]): string;
    readonly caveatHeading: string;
    caveat(replicates: number, startupYears: number): string;
    readonly printHint: string;
    readonly fullReport: string;
  };

  // ---- run section
  readonly run: {
    /** Labels of manifest keys (unknown keys are shown as they are). */
    readonly keys: Readonly<Record<string, string>>;
    readonly scenarioFile: string;
    allMetrics(n: number): string;
    readonly none: string;
  };

  // ---- P(best) section (best.csv)
  readonly best: {
    readonly heading: string;
    readonly intro: string;
    readonly withPosterior: string;
    readonly withoutPosterior: string;
    readonly outcome: string;
    outcomeCell(label: string, direction: string): string;
    share(percent: string, replicates: number): string;
    survives(label: string, leader: string, share: string): string;
    leans(label: string, leader: string, share: string): string;
    open(label: string, threshold: string, leader: string, share: string): string;
  };

  // ---- robustness section
  readonly robustness: {
    readonly heading: string;
    readonly noRows: string;
    readonly chartTitle: string;
    chartSubtitle(draws: number): string;
    readonly beats: string;
    readonly first: string;
    readonly shareOfDraws: string;
    intro(draws: number): string;
    precision(draws: number, pp: string): string;
    better(direction: string): string;
    readonly higher: string;
    readonly lower: string;
    outcomeHeading(label: string, direction: string, draws: number): string;
    readonly table: { scenario: string; beats: string; first: string; meanDiff: string; rule: string; coverage: string; density: string; noRule: string };
    // sentences
    leadersEqual(label: string, direction: string, leaders: readonly string[], share: string, draws: number): string;
    leader(label: string, direction: string, leader: string, share: string, draws: number): string;
    readonly it: string;
    always(who: string): string;
    never(who: string): string;
    readonly noneBeats: string;
    otherFocus(focus: string, beats: string, rule: string | undefined, coverage: string, density: string): string;
    withRule(who: string, beats: string, rule: string, coverage: string, density: string): string;
    withoutRule(who: string, beats: string): string;
  };
}

/**
 * Budget frontiers: for each pathway and budget (yuan per village per year), the best mix of the pathway's
 * levers at that spend, and the best mix over all levers ("combined"), found by a compass search on spend
 * shares with common random numbers (search.ts) and then re-evaluated on fresh replicates (another seed), so
 * the reported objective and its interval are not inflated by the selection (the winner's curse). Spend is
 * what the model bills: per-recipient and per-applied-village levers are set from measured spend rates and
 * corrected until the measured spend is within `tolerance` of the budget (unless every lever of the mix is at
 * its maximum: the mix is then saturated and spends less); a mix whose measured spend still misses the budget
 * is never accepted by the search, and frontier.csv says for each point whether its budget is met. Pathways
 * are compared at equal budget on their best mixes, and the ranking's changes between budgets are reported. The searches of all pathways and budgets
 * run side by side, their poll sets evaluated together (one batch per round) so the worker threads stay busy.
 */
import { join } from 'node:path';
import { csvField } from '../../core/rows.js';
import { parseCsvLine } from '../../experiment/csv.js';
import { ExperimentInputError } from '../../experiment/errors.js';
import { writeFileDurable } from '../../experiment/files.js';
import { LEVERS, PATHWAYS, type CostLevel, type LeverName } from '../../model/levers.js';
import { METRIC_INDEX } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/types.js';
import { policyBinding } from './binding.js';
import {
  batchDir, estimate, evaluateCandidates, measuredSpend, pairedEstimate, shortHash, spendMetrics,
  type Estimate, type Evaluation, type PolicyCandidate, type PolicyDesignSettings, type PolicyRunSettings,
} from './evaluate.js';
import { measuredRates, mixPolicies, mixValues, valuesKey, withPolicies, type LeverSettings, type SpendRates } from './mix.js';
import { simplexSearch, type SearchStep } from './search.js';

/** The name of the mix over all levers in frontier outputs. */
export const COMBINED = 'combined';

/** The default objective of policy design: the share of branches renewed (not in warning, with a ready successor). */
export const DEFAULT_OBJECTIVE = 'branches_renewed_share';

/** The budget tolerance: measured spend within 2% of the budget (stated in docs/policy-design.md). */
export const BUDGET_TOLERANCE = 0.02;

/** Options of {@link frontier}. */
export interface FrontierOptions extends PolicyDesignSettings {
  /** Pathways (kebab-case names); default all four. */
  pathways?: readonly string[];
  /** Also search the mix over all levers (default true). */
  combined?: boolean;
  /** Budgets, yuan per village per year. */
  budgets: readonly number[];
  /** Objective metric at the horizon (default {@link DEFAULT_OBJECTIVE}); its direction says which way is better. */
  objective?: string;
  /** Replicates of the final evaluation (default: the base scenario's). */
  replicates?: number;
  /** Replicates of each search evaluation (default: half the final's, at least 4). */
  searchReplicates?: number;
  /** Most evaluations per pathway and budget (default 30; twice that for the combined mix). */
  maxEvaluations?: number;
  /** Budget tolerance (default {@link BUDGET_TOLERANCE}). */
  tolerance?: number;
}

/** The best mix of one pathway at one budget, re-evaluated on fresh replicates. */
export interface FrontierPoint {
  pathway: string;
  budget: number;
  values: LeverSettings;
  /** Measured spend per village and year on the fresh replicates. */
  spend: number;
  saturated: boolean;
  /** The measured spend is within the tolerance of the budget (or the mix is saturated below it). */
  budgetMet: boolean;
  objective: Estimate;
  /** Paired difference to the baseline on the fresh replicates. */
  effect: Estimate;
  /** The fresh replicates' observations of the objective (for paired comparisons). */
  observations: Float64Array;
  evaluations: number;
}

/** One row of ranking.csv: a pathway's place at a budget and its paired difference to the next one. */
export interface RankingRow {
  budget: number;
  rank: number;
  pathway: string;
  mean: number;
  /** This pathway minus the next-ranked one (paired, fresh replicates); null for the last. */
  diff_next: number | null;
  diff_next_ci_low: number | null;
  diff_next_ci_high: number | null;
}

/** A change of the ranking between two consecutive budgets. */
export interface RankingChange {
  from: number;
  to: number;
  before: string[];
  after: string[];
}

/** What {@link frontier} produced. */
export interface FrontierResult {
  objective: string;
  points: FrontierPoint[];
  baseline: Estimate;
  ranking: RankingRow[];
  changes: RankingChange[];
  search: (SearchStep & { pathway: string; budget: number; values: string; spend: number; budget_met: boolean })[];
  computed: number;
  skipped: number;
  files: string[];
}

/** The levers of a pathway (or of every pathway, for {@link COMBINED}). */
export function pathwayLevers(pathway: string): LeverName[] {
  if (pathway === COMBINED) return LEVERS.map((l) => l.name);
  if (!PATHWAYS.some((p) => p.name === pathway)) {
    throw new ExperimentInputError(`unknown pathway "${pathway}" (pathways: ${PATHWAYS.map((p) => p.name).join(', ')})`);
  }
  return LEVERS.filter((l) => l.pathway === pathway).map((l) => l.name);
}

/** +1 if more of the objective is better, −1 if less (a metric without a direction counts as higher-better). */
export function objectiveSign(objective: string): 1 | -1 {
  const m = METRIC_INDEX.get(objective);
  if (!m) throw new ExperimentInputError(`unknown objective metric "${objective}"`);
  return m.direction === 'lower' ? -1 : 1;
}

/** What mix evaluations share: the base scenario, costs, tolerance, objective and run settings. */
export interface MixContext extends Omit<PolicyRunSettings, 'outDir'> {
  base: Scenario;
  costs: CostLevel;
  tolerance: number;
  objective: string;
  replicates: number;
  seed: number;
  /**
   * Measurements of lever values already evaluated in this run, by seed, replicates and values: a mix with
   * the same values (e.g. every lever at its maximum at two budgets) is run once.
   */
  memo?: Map<string, { observations: Float64Array; spent: { total: number; byLever: LeverSettings } }>;
}

/** One mix to evaluate: spend shares over levers at a budget, with the spend rates known so far. */
export interface MixRequest {
  levers: readonly LeverName[];
  budget: number;
  shares: readonly number[];
  rates: SpendRates;
}

/** An evaluated mix: its values, measured spend and the objective's observations. */
export interface EvaluatedMix {
  values: LeverSettings;
  spend: number;
  saturated: boolean;
  /** Measured spend within the tolerance of the budget, or saturated below it. */
  budgetMet: boolean;
  observations: Float64Array;
  rates: SpendRates;
}

/** The scenario of lever values on the base (its policies replaced). */
export function mixScenario(base: Scenario, name: string, values: LeverSettings, costs: CostLevel): Scenario {
  return withPolicies(base, name, mixPolicies(values, costs), `Lever mix ${valuesKey(values)}`);
}

/** True if every lever with a value is at its maximum. */
function allCapped(values: LeverSettings): boolean {
  return Object.entries(values).every(([l, v]) => v === LEVERS.find((x) => x.name === l)!.max);
}

/**
 * Evaluates mixes as one batch per correction round: values from the known rates, then, for each mix whose
 * measured spend misses its budget by more than the tolerance (and is not saturated), values from the
 * measured rates, up to three corrections. `dir(k)` names the directory of round k.
 */
export async function evaluateMixes(
  requests: readonly MixRequest[],
  c: MixContext,
  dir: (round: number) => string | undefined,
): Promise<{ mixes: EvaluatedMix[]; computed: number; skipped: number }> {
  const villages = c.base.county.villages;
  const state = requests.map((q) => ({ q, rates: { ...q.rates }, mix: mixValues(q.levers, q.shares, q.budget, q.rates), done: undefined as EvaluatedMix | undefined }));
  const allLevers = LEVERS.map((l) => l.name);
  const memo = c.memo ?? new Map();
  let computed = 0;
  let skipped = 0;
  for (let round = 0; round < 4; round++) {
    const todo = state.filter((x) => !x.done);
    if (todo.length === 0) break;
    // One candidate per distinct value set not measured before (at this seed and replicate count).
    const memoKey = (k: string) => `${c.seed}/${c.replicates}/${k}`;
    const byKey = new Map<string, LeverSettings>();
    for (const x of todo) {
      const k = valuesKey(x.mix.values);
      if (!memo.has(memoKey(k))) byKey.set(k, x.mix.values);
    }
    const keys = [...byKey.keys()];
    if (keys.length) {
      const candidates: PolicyCandidate[] = keys.map((k) => ({ key: shortHash(k), scenario: mixScenario(c.base, `mix-${shortHash(k)}`, byKey.get(k)!, c.costs) }));
      const e: Evaluation = await evaluateCandidates(candidates, {
        model: policyBinding, replicates: c.replicates, seed: c.seed, outcomes: [c.objective], yearly: ['policy_cost', ...spendMetrics(allLevers)],
        workers: c.workers, outDir: dir(round), resume: c.resume, onProgress: c.onProgress, command: c.command,
      });
      computed += e.computed;
      skipped += e.skipped;
      keys.forEach((k, i) => memo.set(memoKey(k), { observations: e.horizon[c.objective][i], spent: measuredSpend(e, i, allLevers, villages) }));
    }
    for (const x of todo) {
      const measured = memo.get(memoKey(valuesKey(x.mix.values)))!;
      const spent = measured.spent;
      const rates = measuredRates(x.mix.values, spent.byLever, x.rates, c.costs);
      const budget = x.q.budget;
      const saturated = allCapped(x.mix.values) && spent.total < budget;
      const budgetMet = Math.abs(spent.total - budget) <= c.tolerance * budget || saturated;
      if (budgetMet || round === 3) {
        x.done = { values: x.mix.values, spend: spent.total, saturated, budgetMet, observations: measured.observations, rates };
      } else {
        x.rates = rates;
        x.mix = mixValues(x.q.levers, x.q.shares, budget, rates);
      }
    }
  }
  return { mixes: state.map((x) => x.done!), computed, skipped };
}

/** The key of a share vector (what the searches cache by). */
function shareKey(shares: readonly number[]): string {
  return shares.map((v) => v.toFixed(9)).join(',');
}

/**
 * Evaluation requests of several searches running side by side, gathered into one batch per round: a round is
 * evaluated when every search still running has asked (or finished), so the batches — and the directories of
 * their parts, named by round — do not depend on timing.
 */
export class SharedBatches {
  private queue: { requests: MixRequest[]; resolve: (m: EvaluatedMix[]) => void; reject: (e: unknown) => void }[] = [];
  private round = 0;

  /** @param active the searches that will ask, @param run evaluates one round's requests (round number k) */
  constructor(
    private active: number,
    private readonly run: (requests: MixRequest[], k: number) => Promise<EvaluatedMix[]>,
  ) {}

  /** Queues one search's requests; resolves with their evaluations once the round is evaluated. */
  evaluate(requests: MixRequest[]): Promise<EvaluatedMix[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ requests, resolve, reject });
      this.flushIfReady();
    });
  }

  /** A search has finished: it will ask no more. */
  done(): void {
    this.active--;
    this.flushIfReady();
  }

  private flushIfReady(): void {
    if (this.queue.length === 0 || this.queue.length < this.active) return;
    const queue = this.queue;
    this.queue = [];
    this.run(queue.flatMap((q) => q.requests), this.round++).then(
      (mixes) => {
        let i = 0;
        for (const q of queue) {
          q.resolve(mixes.slice(i, i + q.requests.length));
          i += q.requests.length;
        }
      },
      (e: unknown) => queue.forEach((q) => q.reject(e)),
    );
  }
}

/** Initial shares of a pathway: equal over its levers. */
function equalShares(levers: readonly LeverName[]): number[] {
  return levers.map(() => 1 / levers.length);
}

/** Runs the frontier (see the module comment); writes frontier.csv, ranking.csv and search.csv to `outDir`. */
export async function frontier(base: Scenario, options: FrontierOptions): Promise<FrontierResult> {
  const pathways = [...(options.pathways?.length ? options.pathways : PATHWAYS.map((p) => p.name))];
  for (const p of pathways) pathwayLevers(p);
  const budgets = [...options.budgets];
  const problems: string[] = [];
  if (budgets.length === 0) problems.push('no budgets given');
  for (const b of budgets) if (!(Number.isFinite(b) && b > 0)) problems.push(`budgets must be positive yuan per village per year, found ${b}`);
  if (new Set(budgets).size !== budgets.length) problems.push(`budgets repeat: ${budgets.join(', ')}`);
  if (problems.length) throw new ExperimentInputError(problems);
  budgets.sort((a, b) => a - b);
  const objective = options.objective ?? DEFAULT_OBJECTIVE;
  const sign = objectiveSign(objective);
  const replicates = options.replicates ?? base.replicates;
  const searchReplicates = options.searchReplicates ?? Math.max(4, Math.ceil(replicates / 2));
  const costs = options.costs ?? 'default';
  const tolerance = options.tolerance ?? BUDGET_TOLERANCE;
  const names = [...pathways, ...(options.combined === false ? [] : [COMBINED])];
  const note = options.onNote ?? (() => {});
  const memo: NonNullable<MixContext['memo']> = new Map();
  const common = { base, costs, tolerance, objective, memo, workers: options.workers, resume: options.resume, onProgress: options.onProgress, command: options.command };
  let computed = 0;
  let skipped = 0;
  const found = new Map<string, { values: LeverSettings; rates: SpendRates; evaluations: number; shares: number[] }>();
  const search: FrontierResult['search'] = [];
  const ctx: MixContext = { ...common, replicates: searchReplicates, seed: base.seed };
  /** One search: a pathway at a budget (see the module comment); its result lands in `found` and `search`. */
  const searchOne = async (pathway: string, budget: number, batches: SharedBatches): Promise<void> => {
    const levers = pathwayLevers(pathway);
    let rates: SpendRates = {};
    let start = equalShares(levers);
    if (pathway === COMBINED) {
      // The combined search starts from each pathway's best mix at this budget (equal shares for a pathway
      // not searched), a quarter of the budget each: "all four pathways at the budget of one".
      start = levers.map((l) => {
        const p = PATHWAYS.find((x) => pathwayLevers(x.name).includes(l))!;
        const own = pathwayLevers(p.name);
        const f = found.get(`${p.name}@${budget}`);
        if (f) rates = { ...rates, ...f.rates };
        return (f ? f.shares[own.indexOf(l)] : 1 / own.length) / PATHWAYS.length;
      });
    }
    const evaluated = new Map<string, EvaluatedMix>();
    const result = await simplexSearch(
      async (points) => {
        const mixes = await batches.evaluate(points.map((shares) => ({ levers, budget, shares, rates })));
        mixes.forEach((m, i) => {
          evaluated.set(shareKey(points[i]), m);
          rates = { ...rates, ...m.rates };
        });
        // A mix whose measured spend misses the budget is infeasible: never accepted.
        return mixes.map((m) => (m.budgetMet ? m.observations.map((x) => sign * x) : null));
      },
      // The combined mix has three times the levers of a pathway: it gets twice the evaluations.
      { start, maxEvaluations: (options.maxEvaluations ?? 30) * (pathway === COMBINED ? 2 : 1) },
    );
    for (const h of result.history) {
      const m = evaluated.get(shareKey(h.shares));
      const mean = m ? estimate(m.observations).mean : NaN;
      search.push({ ...h, mean, gain: Number.isFinite(h.gain) ? sign * h.gain : NaN, pathway, budget, values: m ? valuesKey(m.values) : '', spend: m ? m.spend : NaN, budget_met: m?.budgetMet ?? false });
    }
    const best = evaluated.get(shareKey(result.shares))!;
    found.set(`${pathway}@${budget}`, { values: best.values, rates: best.rates, evaluations: result.evaluations, shares: result.shares });
    note(`${pathway} at ${budget} yuan/village/year: ${valuesKey(best.values)} (spend ${Math.round(best.spend)}, ${result.evaluations} evaluations)`);
  };
  // The searches of every pathway at every budget run side by side, their poll sets evaluated together in one
  // batch per round (so the worker threads have work for all of them); then the combined mix at every budget,
  // which starts from the pathways' results.
  const phases = [pathways, names.includes(COMBINED) ? [COMBINED] : []];
  for (const [phase, list] of phases.entries()) {
    const jobs = budgets.flatMap((budget) => list.map((pathway) => ({ pathway, budget })));
    if (jobs.length === 0) continue;
    const batches = new SharedBatches(jobs.length, async (requests, k) => {
      const r = await evaluateMixes(requests, ctx, (round) => batchDir(options.outDir, 'search', `phase-${phase}`, `batch-${k}-${round}`));
      computed += r.computed;
      skipped += r.skipped;
      return r.mixes;
    });
    await Promise.all(jobs.map((j) => searchOne(j.pathway, j.budget, batches).finally(() => batches.done())));
  }
  search.sort((a, b) => budgets.indexOf(a.budget) - budgets.indexOf(b.budget) || names.indexOf(a.pathway) - names.indexOf(b.pathway));
  // Final evaluation on fresh replicates (the next seed): every winner, with the same spend correction, and
  // the baseline on the same seed (so every difference is paired).
  const finalCtx: MixContext = { ...common, replicates, seed: base.seed + 1 };
  const order: { pathway: string; budget: number }[] = [];
  const requests: MixRequest[] = [];
  for (const budget of budgets) {
    for (const pathway of names) {
      const f = found.get(`${pathway}@${budget}`)!;
      order.push({ pathway, budget });
      requests.push({ levers: pathwayLevers(pathway), budget, shares: f.shares, rates: f.rates });
    }
  }
  const fin = await evaluateMixes(requests, finalCtx, (round) => batchDir(options.outDir, 'final', `round-${round}`));
  const baseEval = await evaluateCandidates([{ key: 'baseline', scenario: withPolicies(base, 'baseline', []) }], {
    model: policyBinding, replicates, seed: finalCtx.seed, outcomes: [objective], workers: options.workers,
    outDir: batchDir(options.outDir, 'final', 'baseline'), resume: options.resume, onProgress: options.onProgress, command: options.command,
  });
  computed += fin.computed + baseEval.computed;
  skipped += fin.skipped + baseEval.skipped;
  const base0 = baseEval.horizon[objective][0];
  const points: FrontierPoint[] = order.map(({ pathway, budget }, k) => {
    const m = fin.mixes[k];
    return {
      pathway, budget, values: m.values, spend: m.spend, saturated: m.saturated, budgetMet: m.budgetMet,
      objective: estimate(m.observations), effect: pairedEstimate(m.observations, base0), observations: m.observations,
      evaluations: found.get(`${pathway}@${budget}`)!.evaluations,
    };
  });
  const { ranking, changes } = rankPathways(points, budgets, sign);
  const files: string[] = [];
  const result: FrontierResult = { objective, points, baseline: estimate(base0), ranking, changes, search, computed, skipped, files };
  if (options.outDir) {
    const write = async (name: string, text: string) => {
      const path = join(options.outDir!, name);
      await writeFileDurable(path, text);
      files.push(path);
    };
    await write('frontier.csv', frontierCsv(result));
    await write('ranking.csv', rankingCsv(ranking));
    await write('search.csv', searchCsv(search));
    await write('frontier.json', JSON.stringify({ objective, budgets, pathways: names, baseline: result.baseline, changes, tolerance, costs }, null, 2) + '\n');
  }
  return result;
}

/** Ranks the pathways at each budget (best first, by the objective's direction) and finds where the order changes. */
export function rankPathways(points: readonly FrontierPoint[], budgets: readonly number[], sign: 1 | -1): { ranking: RankingRow[]; changes: RankingChange[] } {
  const ranking: RankingRow[] = [];
  const orders: string[][] = [];
  for (const budget of budgets) {
    const at = points.filter((p) => p.budget === budget).sort((a, b) => sign * (b.objective.mean - a.objective.mean) || a.pathway.localeCompare(b.pathway));
    orders.push(at.map((p) => p.pathway));
    at.forEach((p, i) => {
      const next = at[i + 1];
      const d = next ? pairedEstimate(p.observations, next.observations) : undefined;
      ranking.push({
        budget, rank: i + 1, pathway: p.pathway, mean: p.objective.mean,
        diff_next: d ? d.mean : null, diff_next_ci_low: d ? d.ci_low : null, diff_next_ci_high: d ? d.ci_high : null,
      });
    });
  }
  const changes: RankingChange[] = [];
  for (let i = 1; i < budgets.length; i++) {
    if (orders[i].join() !== orders[i - 1].join()) changes.push({ from: budgets[i - 1], to: budgets[i], before: orders[i - 1], after: orders[i] });
  }
  return { ranking, changes };
}

/** Columns of frontier.csv: pathway, budget, one column per lever (its value), then spend and the objective. */
export const FRONTIER_COLUMNS = [
  'pathway', 'budget', ...LEVERS.map((l) => l.name), 'spend', 'saturated', 'budget_met', 'objective', 'mean', 'ci_low', 'ci_high',
  'effect', 'effect_ci_low', 'effect_ci_high', 'evaluations',
] as const;

/** frontier.csv text. */
export function frontierCsv(r: Pick<FrontierResult, 'points' | 'objective'>): string {
  let out = FRONTIER_COLUMNS.join(',') + '\n';
  for (const p of r.points) {
    const cells = [
      p.pathway, p.budget, ...LEVERS.map((l) => p.values[l.name] ?? 0), p.spend, String(p.saturated), String(p.budgetMet), r.objective,
      p.objective.mean, p.objective.ci_low, p.objective.ci_high, p.effect.mean, p.effect.ci_low, p.effect.ci_high, p.evaluations,
    ];
    out += cells.map((c) => csvField(c)).join(',') + '\n';
  }
  return out;
}

/** ranking.csv text (nulls as empty fields). */
export function rankingCsv(rows: readonly RankingRow[]): string {
  const cols = ['budget', 'rank', 'pathway', 'mean', 'diff_next', 'diff_next_ci_low', 'diff_next_ci_high'] as const;
  let out = cols.join(',') + '\n';
  for (const r of rows) out += cols.map((c) => (r[c] === null ? '' : csvField(r[c]))).join(',') + '\n';
  return out;
}

/** search.csv text: every point the searches evaluated. */
export function searchCsv(rows: FrontierResult['search']): string {
  const cols = ['pathway', 'budget', 'iteration', 'step', 'values', 'spend', 'budget_met', 'mean', 'gain', 'accepted'] as const;
  let out = cols.join(',') + '\n';
  for (const r of rows) out += cols.map((c) => csvField(typeof r[c] === 'boolean' ? String(r[c]) : (r[c] as string | number))).join(',') + '\n';
  return out;
}

/**
 * Reads frontier.csv back as mixes (pathway, budget, lever values), for a portfolio's library. Throws an
 * {@link ExperimentInputError} naming the file and line for a missing column or a bad number.
 */
export function parseFrontierCsv(text: string, file: string): { pathway: string; budget: number; values: LeverSettings }[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n').filter((l) => l.length > 0);
  if (lines.length === 0) throw new ExperimentInputError(`${file}: empty file (expected frontier.csv written by talentsim frontier)`);
  const header = parseCsvLine(lines[0]);
  const missing = ['pathway', 'budget', ...LEVERS.map((l) => l.name)].filter((c) => !header.includes(c));
  if (missing.length) throw new ExperimentInputError(`${file}:1: missing column(s) ${missing.join(', ')} (expected frontier.csv written by talentsim frontier)`);
  return lines.slice(1).map((line, i) => {
    const cells = parseCsvLine(line);
    const num = (col: string): number => {
      const v = Number(cells[header.indexOf(col)]);
      if (!Number.isFinite(v)) throw new ExperimentInputError(`${file}:${i + 2}: column "${col}": expected a number, found ${JSON.stringify(cells[header.indexOf(col)])}`);
      return v;
    };
    const values: LeverSettings = {};
    for (const l of LEVERS) {
      const v = num(l.name);
      if (v < 0 || v > l.max) throw new ExperimentInputError(`${file}:${i + 2}: column "${l.name}": ${v} is outside the lever's range [0, ${l.max}]`);
      if (v > 0) values[l.name] = v;
    }
    return { pathway: cells[header.indexOf('pathway')], budget: num('budget'), values };
  });
}

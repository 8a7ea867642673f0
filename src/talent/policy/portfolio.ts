/**
 * A robust county portfolio: one county budget (yuan per year) allocated over village types × levers to
 * maximise an objective at the horizon, in expectation over parameter uncertainty.
 *
 * 1. A library of lever mixes: each pathway's and the combined best mix at several per-village budgets (the
 *    budget frontier, frontier.ts).
 * 2. Every library mix runs uniformly (in every village) on D parameter draws × R replicates with common random
 *    numbers, measuring the objective and the spend in each village type. Villages do not interact (each draws
 *    from its own streams), so a mix's effect in the villages of one type does not depend on what the other
 *    types get: the county objective of a portfolio is the sum over types of each type's share of villages
 *    times its effect there, and its spend the sum of the types' spends — exactly, replicate by replicate.
 * 3. The allocation is then a multiple-choice knapsack, solved exactly by dynamic programming: per type one
 *    library option (or nothing), maximising the expected county objective within the budget while spending
 *    at least 90% of it (the county spends its budget; 75%, then anything, if no choice reaches 90%).
 * 4. The chosen portfolio becomes a scenario (`where: { village_type: … }` per option), scaled so that its
 *    measured spend at the default parameters equals the budget within 1%.
 * 5. It is re-evaluated on fresh draws and fresh replicates against the best uniform pathway and the uniform
 *    combined mix at the same budget (paired), so the reported gain is not inflated by the selection.
 *
 * Robustness criterion: the mean over draws (the expected objective under the posterior, or under uniform
 * draws from the declared ranges). It is additive over village types, which is what makes the exact
 * allocation possible; the share of draws in which the portfolio beats the best uniform pathway and the 10th
 * percentile of its per-draw gain are reported beside it.
 */
import { join } from 'node:path';
import YAML from 'yaml';
import { csvField } from '../../core/rows.js';
import { ExperimentInputError } from '../../experiment/errors.js';
import { writeFileDurable } from '../../experiment/files.js';
import type { PosteriorSample } from '../../experiment/calibration/posterior.js';
import { LEVERS, PATHWAYS, type CostLevel, type LeverName } from '../../model/levers.js';
import { leverCostMetricName, METRIC_INDEX, typeMetricName } from '../../model/metrics.js';
import { VILLAGE_TYPES, type VillageType } from '../../model/village-type.js';
import { scenarioToFile } from '../../scenario/describe.js';
import type { PolicySetting, Scenario } from '../../scenario/types.js';
import { policyBinding } from './binding.js';
import { parameterDraws } from './draws.js';
import {
  batchDir, estimate, evaluateCandidates, mean, pairedEstimate, type Estimate, type Evaluation, type PolicyCandidate, type PolicyDesignSettings,
} from './evaluate.js';
import { COMBINED, DEFAULT_OBJECTIVE, frontier, objectiveSign, type FrontierOptions } from './frontier.js';
import { leverSpec, mixPolicies, roundValue, withPolicies, type LeverSettings } from './mix.js';

/** One mix of the library: a pathway's (or the combined) best lever values at a per-village budget. */
export interface LibraryMix {
  pathway: string;
  budget: number;
  values: LeverSettings;
}

/** Options of {@link optimizePortfolio}. */
export interface OptimizeOptions extends PolicyDesignSettings {
  /** County budget, yuan per year. */
  budget: number;
  /** Objective at the horizon (default {@link DEFAULT_OBJECTIVE}); a village mean or a county sum. */
  objective?: string;
  /** Posterior sample to draw parameters from (default: a Latin hypercube of the assumption parameters). */
  posterior?: PosteriorSample;
  /** Parameter draws for the allocation (default 8) and for the final evaluation (default: the same number). */
  draws?: number;
  finalDraws?: number;
  /** Replicates per draw (default 2) and in the final evaluation (default: the same). */
  replicates?: number;
  finalReplicates?: number;
  /** Seed of the draws (default 1); the final evaluation uses the next one. */
  drawSeed?: number;
  /** The library (e.g. read from a frontier's frontier.csv); default: a frontier run here at `levels`. */
  library?: readonly LibraryMix[];
  /** Per-village budgets of a library run here (default: ⅓, ⅔, 1 and 4⁄3 of the budget per village). */
  levels?: readonly number[];
  /** Settings of a frontier run here. */
  frontier?: Pick<FrontierOptions, 'replicates' | 'searchReplicates' | 'maxEvaluations'>;
}

/** One row of portfolio.csv. */
export interface PortfolioRow {
  village_type: string;
  /** The library option it uses (pathway@budget). */
  option: string;
  lever: string;
  value: number;
  /** Its share of the portfolio's measured spend (default parameters). */
  spend_share: number;
}

/** A comparison of the portfolio with another policy, paired over the final draws × replicates. */
export interface PortfolioComparison {
  against: string;
  /** Portfolio minus the other policy (in the objective's units; positive is better when higher is better). */
  gain: Estimate;
  /** Share of final draws in which the portfolio's mean over replicates is at least as good as the other's. */
  drawsWon: number;
  /** The per-draw difference at the unfavourable 10% tail: its 10th percentile (90th when lower is better). */
  gainP10: number;
}

/** What {@link optimizePortfolio} produced. */
export interface PortfolioResult {
  objective: string;
  budget: number;
  /** Villages of the county. */
  villages: number;
  /** Per type: the chosen library option ('' for none), its expected gain and cost in the allocation stage. */
  allocation: { villageType: VillageType; option: string; gain: number; cost: number }[];
  rows: PortfolioRow[];
  scenario: Scenario;
  /** Measured spend of the portfolio scenario at the default parameters (county yuan per year) and its scale factor. */
  spend: number;
  scale: number;
  /** Final evaluation (fresh draws and replicates). */
  objectiveEstimate: Estimate;
  baseline: Estimate;
  bestUniform: { pathway: string; objective: Estimate; spend: number };
  combinedUniform: { objective: Estimate; spend: number };
  spendUnderDraws: Estimate;
  comparisons: PortfolioComparison[];
  computed: number;
  skipped: number;
  files: string[];
}

/** Library options per type in the knapsack: index 0 is "nothing". */
interface Option {
  name: string;
  mix?: LibraryMix;
  gain: number;
  cost: number;
}

/**
 * Exact multiple-choice knapsack: one option per group, maximising the total gain with a total cost (rounded
 * up to `unit`) of at most `budget` and — the county spends its budget — at least the first of the fill levels
 * 0.9, 0.75, 0 of it that some choice reaches. Returns the chosen option index of each group (option 0 is
 * "nothing" and costs nothing).
 */
export function chooseOptions(groups: readonly { gain: number; cost: number }[][], budget: number, unit: number): number[] {
  const B = Math.floor(budget / unit + 1e-9);
  const G = groups.length;
  const units = (cost: number) => Math.max(0, Math.ceil(cost / unit - 1e-9));
  // best[g][b]: the highest gain of groups < g at total cost exactly b (−∞ if unreachable).
  const first = new Float64Array(B + 1).fill(-Infinity);
  first[0] = 0;
  const best: Float64Array[] = [first];
  const pick: Int32Array[] = [];
  for (let g = 0; g < G; g++) {
    const prev = best[g];
    const cur = new Float64Array(B + 1).fill(-Infinity);
    const choice = new Int32Array(B + 1).fill(-1);
    groups[g].forEach((o, k) => {
      const c = units(o.cost);
      for (let b = c; b <= B; b++) {
        if (prev[b - c] === -Infinity) continue;
        const v = prev[b - c] + o.gain;
        if (v > cur[b] + 1e-12) { cur[b] = v; choice[b] = k; }
      }
    });
    best.push(cur);
    pick.push(choice);
  }
  let b = -1;
  for (const fill of [0.9, 0.75, 0]) {
    for (let x = Math.ceil(fill * B); x <= B; x++) if (best[G][x] > -Infinity && (b < 0 || best[G][x] > best[G][b] + 1e-12)) b = x;
    if (b >= 0) break;
  }
  const out = new Array<number>(G).fill(0);
  for (let g = G - 1; g >= 0; g--) {
    const k = pick[g][b];
    out[g] = k;
    b -= units(groups[g][k].cost);
  }
  return out;
}

/** The q-quantile (linear interpolation) of finite values. */
function quantile(x: readonly number[], q: number): number {
  const v = x.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const h = (v.length - 1) * q;
  const lo = Math.floor(h);
  return v[lo] + (h - lo) * ((v[Math.min(lo + 1, v.length - 1)] ?? v[lo]) - v[lo]);
}

/** Per-draw means of observations d·R + r. */
function drawMeans(x: Float64Array, draws: number, R: number): number[] {
  return Array.from({ length: draws }, (_, d) => mean(x.subarray(d * R, (d + 1) * R)));
}

/** The portfolio scenario: each type's option values scaled by `scale` (capped at the lever maximum), targeted by type. */
export function portfolioScenario(base: Scenario, chosen: readonly { type: VillageType; mix?: LibraryMix }[], scale: number, costs: CostLevel, budget: number): Scenario {
  const policies: PolicySetting[] = [];
  for (const c of chosen) {
    if (!c.mix) continue;
    const values: LeverSettings = {};
    for (const [l, v] of Object.entries(c.mix.values) as [LeverName, number][]) values[l] = Math.min(leverSpec(l).max, roundValue(v * scale));
    policies.push(...mixPolicies(values, costs, { villageType: [c.type] }));
  }
  const text = chosen.filter((c) => c.mix).map((c) => `${c.type}: ${c.mix!.pathway}@${c.mix!.budget}`).join('; ');
  return withPolicies(base, 'portfolio', policies, `County portfolio of ${Math.round(budget)} yuan per year by village type (${text || 'nothing'}), scale ${scale.toFixed(4)}.`);
}

/** Runs the portfolio optimisation (see the module comment). */
export async function optimizePortfolio(base: Scenario, o: OptimizeOptions): Promise<PortfolioResult> {
  const objective = o.objective ?? DEFAULT_OBJECTIVE;
  const sign = objectiveSign(objective);
  const agg = METRIC_INDEX.get(objective)!.aggregate;
  if (agg !== 'mean' && agg !== 'sum') {
    throw new ExperimentInputError(`objective "${objective}" is a ratio of sums: the portfolio needs a village mean (e.g. a share of branches) or a county count, which add up over village types`);
  }
  if (!(Number.isFinite(o.budget) && o.budget > 0)) throw new ExperimentInputError(`budget must be positive yuan per year, found ${o.budget}`);
  const N = base.county.villages;
  const perVillage = o.budget / N;
  const costs = o.costs ?? 'default';
  const note = o.onNote ?? (() => {});
  const run = { workers: o.workers, resume: o.resume, onProgress: o.onProgress, command: o.command };
  let computed = 0;
  let skipped = 0;

  // 1. The library.
  let library = o.library ? [...o.library] : undefined;
  if (!library) {
    const levels = [...(o.levels ?? [perVillage / 3, (2 * perVillage) / 3, perVillage, (4 * perVillage) / 3].map((x) => Math.round(x / 100) * 100))];
    const f = await frontier(base, { ...o.frontier, budgets: levels, objective, costs, ...run, outDir: batchDir(o.outDir, 'frontier'), onNote: o.onNote });
    computed += f.computed;
    skipped += f.skipped;
    library = f.points.map((p) => ({ pathway: p.pathway, budget: p.budget, values: p.values }));
  }
  if (library.length === 0) throw new ExperimentInputError('the library of mixes is empty');
  const uniformAt = (pathway: string) => library!.find((m) => m.pathway === pathway && Math.abs(m.budget - perVillage) <= 1);
  const pathwaysAtBudget = PATHWAYS.map((p) => p.name).filter((p) => uniformAt(p));
  if (pathwaysAtBudget.length === 0 || !uniformAt(COMBINED)) {
    throw new ExperimentInputError(
      `the library has no pathway mixes and combined mix at ${Math.round(perVillage)} yuan per village per year (the budget ÷ ${N} villages): ` +
        'run the frontier with that budget among --budgets',
    );
  }

  // 2. Evaluate every library mix uniformly on the draws, by village type.
  const D = o.draws ?? 8;
  const R = o.replicates ?? 2;
  const drawSeed = o.drawSeed ?? 1;
  const draws = parameterDraws({ posterior: o.posterior }, D, drawSeed);
  const typed = (m: string) => VILLAGE_TYPES.map((t) => typeMetricName(m, t));
  const candidates: PolicyCandidate[] = [
    { key: 'baseline', scenario: withPolicies(base, 'baseline', []) },
    ...library.map((m, i) => ({ key: `lib-${i}`, scenario: withPolicies(base, `${m.pathway}@${m.budget}`, mixPolicies(m.values, costs)) })),
  ];
  const lib: Evaluation = await evaluateCandidates(candidates, {
    model: policyBinding, replicates: R, seed: base.seed, draws, outcomes: [...typed(objective), ...typed('villages')], yearly: typed('policy_cost'),
    ...run, outDir: batchDir(o.outDir, 'library'),
  });
  computed += lib.computed;
  skipped += lib.skipped;

  // 3. Per type: each option's expected gain in the county objective and its county spend; the knapsack.
  const groups: Option[][] = VILLAGE_TYPES.map((t) => {
    const nT = lib.horizon[typeMetricName('villages', t)][0];
    const weight = (k: number) => (agg === 'mean' ? nT[k] / N : 1);
    const obj = lib.horizon[typeMetricName(objective, t)];
    const cost = lib.yearlyMean[typeMetricName('policy_cost', t)];
    const opts: Option[] = [{ name: '', gain: 0, cost: 0 }];
    library!.forEach((m, i) => {
      let g = 0;
      for (let k = 0; k < lib.n; k++) g += (sign * weight(k) * (obj[i + 1][k] - obj[0][k])) / lib.n;
      opts.push({ name: `${m.pathway}@${m.budget}`, mix: m, gain: g, cost: mean(cost[i + 1]) });
    });
    return opts;
  });
  const picks = chooseOptions(groups, o.budget, o.budget / 2000);
  const allocation = VILLAGE_TYPES.map((t, g) => ({ villageType: t, option: groups[g][picks[g]].name, gain: groups[g][picks[g]].gain, cost: groups[g][picks[g]].cost }));
  for (const a of allocation) note(`${a.villageType}: ${a.option || 'nothing'} (expected gain ${(sign * a.gain).toPrecision(3)}, ${Math.round(a.cost)} yuan/year)`);
  const chosen = VILLAGE_TYPES.map((t, g) => ({ type: t, mix: groups[g][picks[g]].mix }));
  const planned = allocation.reduce((s, a) => s + a.cost, 0);

  // 4. Scale the portfolio so that its measured spend at the default parameters is the budget (secant steps).
  const yamlReplicates = base.replicates;
  const spendAt = async (scale: number, k: number) => {
    const e = await evaluateCandidates([{ key: 'portfolio', scenario: portfolioScenario(base, chosen, scale, costs, o.budget) }], {
      model: policyBinding, replicates: yamlReplicates, seed: base.seed, outcomes: [], yearly: ['policy_cost', ...LEVERS.flatMap((l) => typed(leverCostMetricName(l.name)))],
      ...run, outDir: batchDir(o.outDir, 'calibrate-spend', `step-${k}`),
    });
    computed += e.computed;
    skipped += e.skipped;
    return { spend: mean(e.yearlyMean.policy_cost[0]), e };
  };
  let scale = planned > 0 ? Math.min(3, o.budget / planned) : 1;
  let measured = await spendAt(scale, 0);
  let prev: { scale: number; spend: number } | undefined;
  for (let k = 1; k < 6 && planned > 0 && Math.abs(measured.spend - o.budget) > 0.01 * o.budget; k++) {
    const next = prev && measured.spend !== prev.spend
      ? scale + ((o.budget - measured.spend) * (scale - prev.scale)) / (measured.spend - prev.spend)
      : (scale * o.budget) / Math.max(1, measured.spend);
    prev = { scale, spend: measured.spend };
    scale = Math.max(0.05, Math.min(10, next));
    measured = await spendAt(scale, k);
  }
  note(`portfolio scale ${scale.toFixed(4)}: measured spend ${Math.round(measured.spend)} of ${Math.round(o.budget)} yuan per year`);
  const scenario = portfolioScenario(base, chosen, scale, costs, o.budget);
  const rows: PortfolioRow[] = [];
  for (const c of chosen) {
    if (!c.mix) continue;
    for (const p of scenario.policies.filter((x) => x.where?.villageType?.[0] === c.type)) {
      const s = mean(measured.e.yearlyMean[typeMetricName(leverCostMetricName(p.lever as LeverName), c.type)][0]);
      rows.push({ village_type: c.type, option: `${c.mix.pathway}@${c.mix.budget}`, lever: p.lever, value: p.value as number, spend_share: measured.spend > 0 ? s / measured.spend : 0 });
    }
  }

  // 5. Final evaluation on fresh draws and replicates.
  const FD = o.finalDraws ?? D;
  const FR = o.finalReplicates ?? R;
  const finalDraws = parameterDraws({ posterior: o.posterior }, FD, drawSeed + 1);
  const best = pathwaysAtBudget
    .map((p) => ({ p, g: groups.reduce((sum, opts) => sum + opts.find((x) => x.name === `${p}@${uniformAt(p)!.budget}`)!.gain, 0) }))
    .sort((a, b) => b.g - a.g)[0].p;
  const bestMix = uniformAt(best)!;
  const combinedMix = uniformAt(COMBINED)!;
  const fin = await evaluateCandidates(
    [
      { key: 'baseline', scenario: withPolicies(base, 'baseline', []) },
      { key: 'portfolio', scenario },
      { key: 'best-uniform', scenario: withPolicies(base, best, mixPolicies(bestMix.values, costs)) },
      { key: 'combined-uniform', scenario: withPolicies(base, COMBINED, mixPolicies(combinedMix.values, costs)) },
    ],
    { model: policyBinding, replicates: FR, seed: base.seed + 1, draws: finalDraws, outcomes: [objective], yearly: ['policy_cost'], ...run, outDir: batchDir(o.outDir, 'final') },
  );
  computed += fin.computed;
  skipped += fin.skipped;
  const [b0, pf, bu, cu] = fin.horizon[objective];
  const compare = (against: string, other: Float64Array): PortfolioComparison => {
    const theirs = drawMeans(other, FD, FR);
    const perDraw = drawMeans(pf, FD, FR).map((x, d) => x - theirs[d]);
    return {
      against, gain: pairedEstimate(pf, other), drawsWon: perDraw.filter((g) => sign * g >= 0).length / FD,
      gainP10: quantile(perDraw, sign > 0 ? 0.1 : 0.9),
    };
  };
  const result: PortfolioResult = {
    objective, budget: o.budget, villages: N, allocation, rows, scenario, spend: measured.spend, scale,
    objectiveEstimate: estimate(pf), baseline: estimate(b0),
    bestUniform: { pathway: best, objective: estimate(bu), spend: mean(fin.yearlyMean.policy_cost[2]) },
    combinedUniform: { objective: estimate(cu), spend: mean(fin.yearlyMean.policy_cost[3]) },
    spendUnderDraws: estimate(fin.yearlyMean.policy_cost[1]),
    comparisons: [compare(`best uniform pathway (${best})`, bu), compare('uniform combined mix', cu), compare('baseline', b0)],
    computed, skipped, files: [],
  };
  if (o.outDir) await writePortfolioOutputs(o.outDir, result);
  return result;
}

/** Columns of portfolio.csv. */
export const PORTFOLIO_COLUMNS = ['village_type', 'option', 'lever', 'value', 'spend_share'] as const;

/** portfolio.csv text. */
export function portfolioCsv(rows: readonly PortfolioRow[]): string {
  let out = PORTFOLIO_COLUMNS.join(',') + '\n';
  for (const r of rows) out += PORTFOLIO_COLUMNS.map((c) => csvField(r[c])).join(',') + '\n';
  return out;
}

/** The portfolio as a scenario file (YAML) that `talentsim run` accepts. */
export function portfolioYaml(r: PortfolioResult): string {
  const doc = new YAML.Document(scenarioToFile(r.scenario), { aliasDuplicateObjects: false });
  doc.commentBefore =
    ` County portfolio: ${Math.round(r.budget)} yuan per year over village types (talentsim optimize).\n` +
    ` Objective ${r.objective}; measured spend at the default parameters ${Math.round(r.spend)} yuan per year.`;
  return doc.toString({ lineWidth: 0 });
}

/** Writes portfolio.csv, portfolio.yaml and optimize.json into `dir`. */
async function writePortfolioOutputs(dir: string, r: PortfolioResult): Promise<void> {
  const write = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFileDurable(path, text);
    r.files.push(path);
  };
  await write('portfolio.csv', portfolioCsv(r.rows));
  await write('portfolio.yaml', portfolioYaml(r));
  const { scenario: _s, files: _f, ...summary } = r;
  await write('optimize.json', JSON.stringify(summary, null, 2) + '\n');
}

/**
 * `robustness`: how robust is the ranking of the pathways to the parameter assumptions? N parameter sets are
 * drawn from the ranges of the binding's factors (Latin hypercube), every scenario runs on each draw with common random
 * numbers (same seed, `crn` on), and for each pathway and outcome we report the share of draws in which it
 * beats baseline and in which it ranks first, plus scenario discovery: which parameter ranges separate the
 * draws where it beats baseline from those where it does not.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { csvField } from '../core/rows.js';
import { streamFor } from '../core/random.js';
import type { Scenario } from '../scenario/types.js';
import { resolveModel, type MetricInfo } from './binding.js';
import { designFactors, designOutcomes, designScenario, runDesign, type DesignPoint } from './design-runs.js';
import { ExperimentInputError } from './errors.js';
import { checkOutDir, type ExperimentOptions } from './experiment.js';
import { writeFileDurable, writeJsonDurable } from './files.js';
import { recordOutputs, type OutputRecords } from './integrity.js';
import { withOutputLock } from './lock.js';
import { unitKey } from './layout.js';
import { designCsv } from './sensitivity-run.js';
import { discoverScenarios, fewRunsWarning, type Discovery } from './sensitivity/discovery.js';
import { modelMetrics } from './experiment.js';
import { checkPairing } from './pairing.js';
import { pointValues, type Factor } from './sensitivity/factor.js';
import { latinHypercube } from './sensitivity/lhs.js';
import type { Shard } from './shard.js';

/** One row of robustness.csv: one scenario and outcome over all draws. */
export interface RobustnessRow {
  outcome: string;
  scenario: string;
  /** Direction in which the outcome is better. */
  better: 'higher' | 'lower';
  draws: number;
  /** Share of draws in which the scenario is strictly better than baseline (null for the baseline). */
  beats_baseline: number | null;
  /** Share of draws in which it ranks first among all scenarios (ties share the draw equally). */
  ranks_first: number;
  /** Mean of scenario − baseline over the draws (null for the baseline). */
  mean_diff: number | null;
  /** Scenario discovery of the draws where it beats baseline: the box (or best single range); '' if none. */
  rule: string;
  /** Share of winning draws inside the rule. */
  coverage: number | null;
  /** Share of draws inside the rule that win. */
  density: number | null;
  /** coverage − share of losing draws inside (Youden's J). */
  separation: number | null;
  /**
   * The rule judged against chance: the probability that the best of the candidate rules searched would do
   * as well at random (binomial tail at the overall win rate, Bonferroni-adjusted; see `ChanceCheck`);
   * ≥ 0.05 means the rule may be chance. Null without a rule.
   */
  p_chance?: number | null;
}

/** Columns of robustness.csv, in order. */
export const ROBUSTNESS_COLUMNS = [
  'outcome', 'scenario', 'better', 'draws', 'beats_baseline', 'ranks_first', 'mean_diff', 'rule', 'coverage', 'density', 'separation', 'p_chance',
] as const;

/** Options of {@link robustness}. */
export interface RobustnessOptions extends Omit<ExperimentOptions, 'metrics' | 'shard'> {
  /** N, the parameter sets drawn (Latin hypercube over the declared ranges). */
  samples: number;
  /** Factors (parameters) to draw (default: every factor the binding declares); the others keep each scenario's values. */
  params?: readonly string[];
  /** Outcome metrics at the horizon (default: the binding's sensitivity outcomes, see `designOutcomes`). */
  outcomes?: readonly string[];
  /** Seed of the Latin hypercube (default 1). The runs all use the baseline scenario's seed. */
  seed?: number;
  /** Baseline scenario name (default: "baseline" if present, else the first). */
  baseline?: string;
  /** Replicates per scenario and draw (default 1), averaged at the horizon. */
  replicates?: number;
  /** Run only draws d with d % count == index − 1 (all scenarios of a draw together); needs `outDir`. */
  shard?: Shard;
  /** Pair scenarios of another county, horizon or start year with the baseline anyway (default: refused). */
  allowMismatch?: boolean;
}

/** The discovery behind one row. */
export interface RobustnessDiscovery {
  outcome: string;
  scenario: string;
  discovery: Discovery;
}

/** What {@link robustness} produced. */
export interface RobustnessResult {
  baseline: string;
  scenarios: string[];
  factors: Factor[];
  outcomes: MetricInfo[];
  /** The drawn parameter sets, in factor order. */
  draws: number[][];
  /** Per outcome and scenario, the horizon value of each draw (undefined for a shard). */
  values?: Record<string, Record<string, Float64Array>>;
  /** Per outcome (in order asked) and scenario (in order given): shares and rules. Empty for a shard. */
  rows: RobustnessRow[];
  discoveries: RobustnessDiscovery[];
  computed: number;
  skipped: number;
  seconds: number;
  files: string[];
  /** Too few draws for the factors (scenario discovery), scenarios paired without common random numbers. */
  warnings: string[];
}

/** robustness.csv text (nulls as empty fields). */
export function robustnessCsv(rows: readonly RobustnessRow[]): string {
  let out = ROBUSTNESS_COLUMNS.join(',') + '\n';
  for (const r of rows) out += ROBUSTNESS_COLUMNS.map((c) => (r[c] === null || r[c] === undefined ? '' : csvField(r[c]))).join(',') + '\n';
  return out;
}

/** horizon.csv text: draw, scenario, outcome, value (long form). */
function horizonCsv(values: Record<string, Record<string, Float64Array>>, scenarios: readonly string[], draws: number): string {
  let out = 'draw,scenario,outcome,value\n';
  for (let d = 0; d < draws; d++) {
    for (const s of scenarios) for (const [o, bySc] of Object.entries(values)) out += `${d},${csvField(s)},${csvField(o)},${csvField(bySc[s][d])}\n`;
  }
  return out;
}

/**
 * Shares of draws in which each scenario beats baseline and ranks first, per outcome, with scenario
 * discovery of the winning draws. Pure: `values[outcome][scenario][draw]`.
 */
export function robustnessRows(
  values: Record<string, Record<string, Float64Array>>,
  outcomes: readonly MetricInfo[],
  scenarios: readonly string[],
  baseline: string,
  factors: readonly Factor[],
  draws: readonly number[][],
): { rows: RobustnessRow[]; discoveries: RobustnessDiscovery[] } {
  const rows: RobustnessRow[] = [];
  const discoveries: RobustnessDiscovery[] = [];
  const n = draws.length;
  const params = draws.map((d) => pointValues(factors, d));
  for (const o of outcomes) {
    const better = o.direction === 'lower' ? 'lower' : 'higher';
    const sign = better === 'higher' ? 1 : -1;
    const v = values[o.name];
    const first = new Float64Array(scenarios.length);
    for (let d = 0; d < n; d++) {
      let best = -Infinity;
      for (const s of scenarios) best = Math.max(best, sign * v[s][d]);
      const tied = scenarios.map((s, i) => (sign * v[s][d] === best ? i : -1)).filter((i) => i >= 0);
      for (const i of tied) first[i] += 1 / tied.length;
    }
    scenarios.forEach((s, i) => {
      const base: Pick<RobustnessRow, 'outcome' | 'scenario' | 'better' | 'draws' | 'ranks_first'> = {
        outcome: o.name, scenario: s, better, draws: n, ranks_first: first[i] / n,
      };
      if (s === baseline) {
        rows.push({ ...base, beats_baseline: null, mean_diff: null, rule: '', coverage: null, density: null, separation: null, p_chance: null });
        return;
      }
      const wins: boolean[] = [];
      let diff = 0;
      for (let d = 0; d < n; d++) {
        wins.push(sign * (v[s][d] - v[baseline][d]) > 0);
        diff += v[s][d] - v[baseline][d];
      }
      const discovery = discoverScenarios(params, wins, { parameters: factors.map((f) => f.name) });
      discoveries.push({ outcome: o.name, scenario: s, discovery });
      const top = discovery.box ?? discovery.rules[0];
      rows.push({
        ...base,
        beats_baseline: wins.filter(Boolean).length / n,
        mean_diff: diff / n,
        rule: top ? top.rule : '',
        coverage: top ? top.coverage : null,
        density: top ? top.density : null,
        separation: top ? top.separation : null,
        p_chance: top && discovery.chance ? Number(discovery.chance.adjustedP.toPrecision(4)) : null,
      });
    });
  }
  return { rows, discoveries };
}

function keyOf(name: string): string {
  return unitKey(name, createHash('sha256').update(name).digest('hex'));
}

/**
 * Runs every scenario on `samples` Latin-hypercube parameter draws with common random numbers and reports
 * how often each pathway beats baseline and ranks first (see the module comment). With `outDir`, writes
 * robustness.csv, discovery.json, design.csv (the draws), horizon.csv (every value) and the experiment
 * outputs there. Results do not depend on `workers`.
 */
export async function robustness(scenarios: readonly Scenario[], options: RobustnessOptions): Promise<RobustnessResult> {
  return withOutputLock(checkOutDir(options.outDir), () => robustnessLocked(scenarios, options), { command: options.command });
}

async function robustnessLocked(scenarios: readonly Scenario[], options: RobustnessOptions): Promise<RobustnessResult> {
  const started = Date.now();
  const problems: string[] = [];
  const names = scenarios.map((s) => s.name);
  if (scenarios.length < 2) problems.push('robustness needs at least two scenarios (a baseline and a pathway)');
  if (new Set(names).size !== names.length) problems.push(`scenario names must be unique: ${names.join(', ')}`);
  const baseline = options.baseline ?? (names.includes('baseline') ? 'baseline' : names[0]);
  if (!names.includes(baseline)) problems.push(`baseline "${baseline}" is not among the scenarios (${names.join(', ')})`);
  const n = options.samples;
  if (!Number.isInteger(n) || n < 2) problems.push(`samples must be an integer ≥ 2, found ${n}`);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0) problems.push(`seed must be an integer ≥ 0, found ${seed}`);
  const replicates = options.replicates ?? 1;
  if (!Number.isInteger(replicates) || replicates < 1) problems.push(`replicates must be an integer ≥ 1, found ${replicates}`);
  if (problems.length) throw new ExperimentInputError(problems);
  // Every draw runs with the baseline's seed and common random numbers, so only county and years can mismatch.
  const baseSeed = scenarios[names.indexOf(baseline)].seed;
  const pairing = checkPairing(scenarios.map((s) => ({ ...s, seed: baseSeed, crn: true })), baseline, options.allowMismatch);
  if (pairing.problems.length) throw new ExperimentInputError(pairing.problems);

  const { binding } = await resolveModel(options.model, scenarios[0]);
  const factors = designFactors(binding, options.params);
  const outcomes = [...(options.outcomes ?? designOutcomes(binding))];
  const undirected = modelMetrics(binding, outcomes).filter((m) => m.direction === 'none');
  if (undirected.length) {
    throw new ExperimentInputError(
      undirected.map((m) => `outcome ${m.name}: it has no direction (neither more nor less is better), so no scenario can beat or rank above another on it; choose outcomes with a direction`),
    );
  }
  const warnings = [...pairing.warnings];
  const few = fewRunsWarning(n, factors.length, 'draws');
  if (few) warnings.push(`robustness: ${few} (--samples, --params)`);
  const draws = latinHypercube(factors, n, streamFor(['robustness-design', seed]));
  const runSeed = scenarios[names.indexOf(baseline)].seed;
  const points: DesignPoint[] = [];
  draws.forEach((row, d) => {
    const over = pointValues(factors, row);
    for (const s of scenarios) {
      const at = designScenario(binding, { ...s, seed: runSeed }, over);
      points.push({
        key: `draw-${String(d).padStart(5, '0')}-${keyOf(s.name)}`,
        scenario: { ...at, name: `${s.name}@${d}`, replicates },
        group: d,
      });
    }
  });
  const { params: _p, samples: _s, outcomes: _o, seed: _seed, baseline: _b, replicates: _r, ...runOptions } = options;
  const run = await runDesign(points, { ...runOptions, outcomes });
  const files = [...run.experiment.files];
  let values: Record<string, Record<string, Float64Array>> | undefined;
  let rows: RobustnessRow[] = [];
  let discoveries: RobustnessDiscovery[] = [];
  if (run.values) {
    values = {};
    for (const o of outcomes) {
      const bySc: Record<string, Float64Array> = {};
      scenarios.forEach((s, i) => {
        const col = new Float64Array(n);
        for (let d = 0; d < n; d++) col[d] = run.values![o][d * scenarios.length + i];
        bySc[s.name] = col;
      });
      values[o] = bySc;
    }
    ({ rows, discoveries } = robustnessRows(values, run.outcomes, names, baseline, factors, draws));
  }
  if (options.outDir) {
    const dir = options.outDir;
    const records: OutputRecords = {};
    const write = async (name: string, text: string) => {
      records[name] = await writeFileDurable(join(dir, name), text);
      files.push(join(dir, name));
    };
    await write('design.csv', designCsv(factors, draws));
    if (values) {
      await write('robustness.csv', robustnessCsv(rows));
      await write('horizon.csv', horizonCsv(values, names, n));
      records['discovery.json'] = await writeJsonDurable(join(dir, 'discovery.json'), discoveries);
      files.push(join(dir, 'discovery.json'));
    }
    await recordOutputs(dir, records);
  }
  return {
    baseline,
    scenarios: names,
    factors,
    outcomes: run.outcomes,
    draws,
    values,
    rows,
    discoveries,
    computed: run.computed,
    skipped: run.skipped,
    seconds: (Date.now() - started) / 1000,
    files,
    warnings,
  };
}

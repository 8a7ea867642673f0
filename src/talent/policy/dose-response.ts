/**
 * Dose-response of single levers: each lever from 0 to its maximum in K evenly spaced values, everything
 * else as in the base scenario (the baseline by default), run with common random numbers against the base
 * so that each effect is a paired difference with its 95% interval; spend is what the model billed, per
 * village and year. Diminishing returns and saturation show as the curve of effect against spend.
 */
import { join } from 'node:path';
import { csvField } from '../../core/rows.js';
import { ExperimentInputError } from '../../experiment/errors.js';
import { writeFileDurable } from '../../experiment/files.js';
import type { Shard } from '../../experiment/shard.js';
import { LEVERS, type LeverName } from '../../model/levers.js';
import type { Scenario } from '../../scenario/types.js';
import { MAIN_METRICS } from '../metrics.js';
import { policyBinding } from './binding.js';
import { evaluateCandidates, measuredSpend, pairedEstimate, shortHash, spendMetrics, type PolicyCandidate, type PolicyDesignSettings } from './evaluate.js';
import { leverSpec, mixPolicies, roundValue, withPolicies } from './mix.js';

/** The default outcomes of policy design: the main outcomes (spend apart) and branches renewed. */
export const POLICY_OUTCOMES: readonly string[] = Object.freeze([...MAIN_METRICS.filter((m) => m !== 'policy_cost'), 'branches_renewed_share']);

/** Options of {@link doseResponse}. */
export interface DoseResponseOptions extends PolicyDesignSettings {
  /** Levers to vary (each on its own, all else as in `base`). */
  levers: readonly string[];
  /** Values per lever from 0 to its maximum, inclusive (default 5). */
  points?: number;
  /** Replicates per value (default: the base scenario's). */
  replicates?: number;
  /** Outcomes at the horizon (default {@link POLICY_OUTCOMES}). */
  outcomes?: readonly string[];
  /** Run only shard K/N of the values (then rerun unsharded with resume on the joined parts). */
  shard?: Shard;
}

/** One row of dose-response.csv: one lever value and outcome. */
export interface DoseResponseRow {
  lever: string;
  value: number;
  /** Measured spend on the lever, yuan per village per year (mean over years and replicates). */
  spend: number;
  outcome: string;
  /** Paired difference against the base at the horizon, and its 95% interval. */
  effect: number;
  ci_low: number;
  ci_high: number;
}

/** Columns of dose-response.csv, in order. */
export const DOSE_RESPONSE_COLUMNS = ['lever', 'value', 'spend', 'outcome', 'effect', 'ci_low', 'ci_high'] as const;

/** dose-response.csv text. */
export function doseResponseCsv(rows: readonly DoseResponseRow[]): string {
  let out = DOSE_RESPONSE_COLUMNS.join(',') + '\n';
  for (const r of rows) out += DOSE_RESPONSE_COLUMNS.map((c) => csvField(r[c])).join(',') + '\n';
  return out;
}

/** What {@link doseResponse} produced (rows empty for a shard). */
export interface DoseResponseResult {
  rows: DoseResponseRow[];
  computed: number;
  skipped: number;
  files: string[];
}

/** The K values of a lever from 0 to its maximum. */
export function doseValues(lever: string, points: number): number[] {
  const max = leverSpec(lever).max;
  return Array.from({ length: points }, (_, i) => roundValue((max * i) / (points - 1)));
}

/** Expands `all` and checks lever names (with a did-you-mean). */
export function leverList(names: readonly string[]): LeverName[] {
  const all = LEVERS.map((l) => l.name as LeverName);
  const out: LeverName[] = [];
  const problems: string[] = [];
  for (const n of names) {
    if (n === 'all') out.push(...all);
    else if ((all as string[]).includes(n)) out.push(n as LeverName);
    else problems.push(`unknown lever "${n}" (levers: ${all.join(', ')}, or all)`);
  }
  if (problems.length) throw new ExperimentInputError(problems);
  if (out.length === 0) throw new ExperimentInputError('no lever given');
  return [...new Set(out)];
}

/** Runs the dose-response of every lever on `base` and writes dose-response.csv (see the module comment). */
export async function doseResponse(base: Scenario, options: DoseResponseOptions): Promise<DoseResponseResult> {
  const levers = leverList(options.levers);
  const points = options.points ?? 5;
  if (!Number.isInteger(points) || points < 2) throw new ExperimentInputError(`points must be an integer ≥ 2, found ${points}`);
  const outcomes = [...(options.outcomes ?? POLICY_OUTCOMES)];
  const costs = options.costs ?? 'default';
  const replicates = options.replicates ?? base.replicates;
  const candidates: PolicyCandidate[] = [{ key: 'base', scenario: base }];
  const where: { lever: LeverName; value: number }[] = [];
  for (const lever of levers) {
    for (const value of doseValues(lever, points).slice(1)) {
      const policies = [...base.policies.filter((p) => p.lever !== lever), ...mixPolicies({ [lever]: value }, costs)];
      const name = `${lever}=${value}`;
      candidates.push({ key: `${lever}-${shortHash(name)}`, scenario: withPolicies(base, name, policies) });
      where.push({ lever, value });
    }
  }
  const e = await evaluateCandidates(candidates, {
    model: policyBinding, replicates, seed: base.seed, outcomes, yearly: ['policy_cost', ...spendMetrics(levers)],
    workers: options.workers, outDir: options.outDir, resume: options.resume, onProgress: options.onProgress, command: options.command,
    shard: options.shard,
  });
  if (!e.horizon[outcomes[0]]) return { rows: [], computed: e.computed, skipped: e.skipped, files: [] };
  const villages = base.county.villages;
  const rows: DoseResponseRow[] = [];
  const baseSpend = measuredSpend(e, 0, levers, villages);
  for (const lever of levers) {
    for (const o of outcomes) rows.push({ lever, value: 0, spend: 0, outcome: o, effect: 0, ci_low: 0, ci_high: 0 });
  }
  where.forEach(({ lever, value }, k) => {
    const c = k + 1;
    const spend = measuredSpend(e, c, [lever], villages).byLever[lever]! - (baseSpend.byLever[lever] ?? 0);
    for (const o of outcomes) {
      const d = pairedEstimate(e.horizon[o][c], e.horizon[o][0]);
      rows.push({ lever, value, spend, outcome: o, effect: d.mean, ci_low: d.ci_low, ci_high: d.ci_high });
    }
  });
  // Lever by lever, value ascending, outcomes in order.
  const order = (r: DoseResponseRow) => [levers.indexOf(r.lever as LeverName), r.value, outcomes.indexOf(r.outcome)];
  rows.sort((a, b) => {
    const x = order(a);
    const y = order(b);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  const files: string[] = [];
  if (options.outDir) {
    const path = join(options.outDir, 'dose-response.csv');
    await writeFileDurable(path, doseResponseCsv(rows));
    files.push(path);
  }
  return { rows, computed: e.computed, skipped: e.skipped, files };
}

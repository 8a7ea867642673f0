/**
 * The replicates of one run of the page as they finish: baseline and policy rows in series.csv order
 * (baseline first, then the policy; replicates ascending), how many replicate pairs are complete, and what
 * each lever was measured to cost.
 */
import { toCsv, type SeriesRow } from '../../src/core/rows.js';
import type { ReplicateResult } from './engine.js';
import type { PreparedRun } from './scenarios.js';
import type { MeasuredSpend } from './spend.js';

/** Finished replicates of a baseline–policy run. */
export class RunResults {
  private readonly baseline = new Map<number, ReplicateResult>();
  private readonly policy = new Map<number, ReplicateResult>();

  /** Results of `run` with `replicates` replicates per scenario. */
  constructor(
    readonly run: PreparedRun,
    readonly replicates: number,
  ) {}

  /** Name of the baseline and of the policy scenario, in display order. */
  get scenarios(): [string, string] {
    return [this.run.baseline.name, this.run.policy.name];
  }

  /** Records a finished replicate (of either scenario). */
  add(result: ReplicateResult): void {
    const into = result.scenario === this.run.baseline.name ? this.baseline : result.scenario === this.run.policy.name ? this.policy : undefined;
    if (!into) throw new Error(`a replicate of "${result.scenario}" does not belong to this run`);
    into.set(result.replicate, result);
  }

  /** Replicates finished for both scenarios. */
  get pairs(): number {
    let n = 0;
    for (const r of this.policy.keys()) if (this.baseline.has(r)) n++;
    return n;
  }

  /** Replicates finished of each scenario. */
  get finished(): { baseline: number; policy: number } {
    return { baseline: this.baseline.size, policy: this.policy.size };
  }

  /** Every finished row: baseline then policy, replicate ascending, each replicate's rows as the model wrote them. */
  rows(): SeriesRow[] {
    const out: SeriesRow[] = [];
    for (const m of [this.baseline, this.policy]) {
      for (const r of [...m.keys()].sort((a, b) => a - b)) out.push(...m.get(r)!.rows);
    }
    return out;
  }

  /** The finished rows as series.csv text (same columns and number format). */
  csv(): string {
    return toCsv(this.rows());
  }

  /** Mean yearly value and yuan per village per year of each lever the policy sets, over finished policy replicates. */
  measuredSpend(): Record<string, MeasuredSpend> {
    const out: Record<string, MeasuredSpend> = {};
    const done = [...this.policy.values()];
    if (!done.length) return out;
    const villages = this.run.policy.county.villages;
    for (const [lever, plan] of Object.entries(this.run.plans)) {
      const meanValue = plan.values.reduce((s, v) => s + v, 0) / Math.max(1, plan.values.length);
      const perVillage = done.reduce((s, r) => s + (r.spend[lever] ?? 0), 0) / done.length / villages;
      out[lever] = { meanValue, perVillage };
    }
    return out;
  }

  /** Milliseconds of model time summed over finished replicates (both scenarios). */
  get modelMs(): number {
    let s = 0;
    for (const m of [this.baseline, this.policy]) for (const r of m.values()) s += r.ms;
    return s;
  }
}

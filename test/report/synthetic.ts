/** Synthetic tidy rows for the report tests (the model is built elsewhere): series, comparison, scenarios, manifest. */
import { normal, streamFor } from '../../src/core/random.js';
import type { SeriesRow } from '../../src/core/rows.js';
import type { ComparisonRow } from '../../src/experiment/types.js';
import type { ReportInputs, ScenarioInfo } from '../../src/report/index.js';

/** Scenario → (effect strength, yearly cost in yuan). */
const SCENARIOS: Record<string, { effect: number; cost: number; description: string }> = {
  baseline: { effect: 0, cost: 0, description: 'Current policy, no extra levers.' },
  'organizational-fortification': { effect: 0.6, cost: 2e6, description: 'Supervision, study and training of branches.' },
  'industrial-focal-points': { effect: 0.8, cost: 5e6, description: 'Industry investment run through the branch.' },
  'cultural-identity': { effect: 0.4, cost: 1.5e6, description: 'Festivals & "spiritual spaces" <renewal>.' },
  'benefit-incentives': { effect: 1.2, cost: 4e6, description: 'Support for returnees and young applicants.' },
  combined: { effect: 1.6, cost: 9e6, description: 'All four pathways together.' },
  'lockdown-shock': { effect: -0.5, cost: 0, description: 'Mobility stops for two years.' },
  'my-custom-pathway': { effect: 0.2, cost: 1e6, description: 'A user scenario with an unknown name.' },
};

/** Metrics generated, with (start level, trend per year at effect 0, extra trend per unit effect, noise sd). */
const METRICS: Record<string, [number, number, number, number]> = {
  members_full: [1200, -8, 6, 15],
  members_probationary: [60, -0.5, 0.6, 4],
  applicants: [400, -3, 3, 20],
  activists: [200, -1.5, 1.5, 10],
  development_targets: [90, -0.8, 0.8, 6],
  member_share_35under: [0.18, -0.002, 0.002, 0.01],
  member_share_61plus: [0.38, 0.004, -0.003, 0.01],
  branches_warning_share: [0.25, 0.003, -0.004, 0.02],
  youth_outmigration_rate: [0.12, 0.001, -0.001, 0.01],
  return_rate: [0.04, 0, 0.001, 0.005],
  succession_ready_share: [0.4, -0.004, 0.005, 0.02],
  member_mean_age: [52, 0.2, -0.15, 0.5],
  recruits: [40, -0.3, 0.5, 4],
};

/** Options of the synthetic data. */
export interface SyntheticOptions {
  scenarios?: readonly string[];
  replicates?: number;
  startYear?: number;
  years?: number;
}

/** Series rows for the scenarios, replicates and years, from fixed-seed streams (deterministic). */
export function syntheticSeries(options?: SyntheticOptions): SeriesRow[] {
  const names = options?.scenarios ?? Object.keys(SCENARIOS);
  const reps = options?.replicates ?? 10;
  const start = options?.startYear ?? 2025;
  const years = options?.years ?? 30;
  const rows: SeriesRow[] = [];
  for (const scenario of names) {
    const { effect, cost } = SCENARIOS[scenario] ?? { effect: 0.1, cost: 1e6 };
    for (let replicate = 0; replicate < reps; replicate++) {
      const seed = 1000 + replicate;
      // common random numbers: the replicate's noise does not depend on the scenario
      const s = streamFor(['synthetic', seed]);
      const own = streamFor(['synthetic', seed, scenario]);
      for (let t = 0; t <= years; t++) {
        const year = start + t;
        for (const [metric, [level, trend, extra, sd]] of Object.entries(METRICS)) {
          let value = level + t * (trend + effect * extra) + normal(s, 0, sd) + normal(own, 0, sd);
          if (metric.includes('share') || metric.includes('rate')) value = Math.min(1, Math.max(0, value));
          rows.push({ scenario, replicate, seed, year, metric, value });
        }
        rows.push({ scenario, replicate, seed, year, metric: 'policy_cost', value: t === 0 ? 0 : cost });
      }
    }
  }
  return rows;
}

/** Directions used for p_better. */
const DIRECTION: Record<string, number> = { member_share_61plus: -1, branches_warning_share: -1, youth_outmigration_rate: -1, member_mean_age: -1 };

/** Comparison rows against baseline for every scenario, metric and year (normal-approximation intervals). */
export function syntheticComparison(series: readonly SeriesRow[]): ComparisonRow[] {
  const by = new Map<string, number[]>();
  for (const r of series) {
    const k = `${r.scenario}|${r.metric}|${r.year}`;
    (by.get(k) ?? by.set(k, []).get(k)!)[r.replicate] = r.value;
  }
  const out: ComparisonRow[] = [];
  const stats = (v: number[]) => {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, v.length - 1));
    const h = (1.96 * sd) / Math.sqrt(v.length);
    return { m, sd, lo: m - h, hi: m + h };
  };
  for (const [k, vals] of by) {
    const [scenario, metric, y] = k.split('|');
    if (metric === 'policy_cost') continue;
    const base = by.get(`baseline|${metric}|${y}`)!;
    const d = vals.map((v, i) => v - base[i]);
    const a = stats(vals);
    const b = stats(d);
    const dir = DIRECTION[metric] ?? 1;
    out.push({
      scenario, metric, year: Number(y), n: vals.length, mean: a.m, sd: a.sd, ci_low: a.lo, ci_high: a.hi,
      diff: b.m, diff_ci_low: b.lo, diff_ci_high: b.hi, p_better: d.filter((x) => dir * x > 0).length / d.length,
    });
  }
  return out;
}

/** Scenario descriptions for the given names. */
export function syntheticScenarios(names: readonly string[] = Object.keys(SCENARIOS)): ScenarioInfo[] {
  return names.map((name) => ({ name, description: SCENARIOS[name]?.description ?? '' }));
}

/** A complete ReportInputs from synthetic rows. */
export function syntheticInputs(options?: SyntheticOptions): ReportInputs {
  const series = syntheticSeries(options);
  const names = [...new Set(series.map((r) => r.scenario))];
  return {
    series,
    comparison: syntheticComparison(series),
    scenarios: syntheticScenarios(names),
    manifest: {
      talentsim: '0.1.0', node: 'v20.0.0', seeds: [1000, 1001], replicates: options?.replicates ?? 10,
      scenarioHashes: { baseline: 'abc123' }, elapsedMs: 1234,
    },
  };
}

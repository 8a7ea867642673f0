/** Aggregation of tidy series rows across replicates, done before building specs so specs stay small. */
import type { SeriesRow } from '../core/rows.js';

/** Mean and 5th-95th percentile band of one metric for one scenario and year, across replicates. */
export interface BandPoint {
  scenario: string;
  year: number;
  mean: number;
  /** 5th percentile across replicates. */
  low: number;
  /** 95th percentile across replicates. */
  high: number;
  /** Replicates. */
  n: number;
}

/** Quantile `p` ∈ [0, 1] of sorted values by linear interpolation (type 7, as R and numpy default). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Arithmetic mean (NaN when empty). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Values of one metric grouped by scenario, then year (non-finite values dropped). */
export function groupByScenarioYear(rows: readonly SeriesRow[], metric: string): Map<string, Map<number, number[]>> {
  const out = new Map<string, Map<number, number[]>>();
  for (const r of rows) {
    if (r.metric !== metric || !Number.isFinite(r.value)) continue;
    let byYear = out.get(r.scenario);
    if (!byYear) out.set(r.scenario, (byYear = new Map()));
    let vals = byYear.get(r.year);
    if (!vals) byYear.set(r.year, (vals = []));
    vals.push(r.value);
  }
  return out;
}

/** Mean and 5th-95th percentile band per scenario and year, sorted by scenario then year. */
export function bandSeries(rows: readonly SeriesRow[], metric: string): BandPoint[] {
  const out: BandPoint[] = [];
  for (const [scenario, byYear] of groupByScenarioYear(rows, metric)) {
    for (const [year, vals] of byYear) {
      const sorted = [...vals].sort((a, b) => a - b);
      out.push({ scenario, year, mean: mean(vals), low: quantileSorted(sorted, 0.05), high: quantileSorted(sorted, 0.95), n: vals.length });
    }
  }
  return out.sort((a, b) => (a.scenario < b.scenario ? -1 : a.scenario > b.scenario ? 1 : a.year - b.year));
}

/** Mean across replicates per scenario and year, as a nested map. */
export function meanByScenarioYear(rows: readonly SeriesRow[], metric: string): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const [scenario, byYear] of groupByScenarioYear(rows, metric)) {
    out.set(scenario, new Map([...byYear].map(([y, v]) => [y, mean(v)] as const)));
  }
  return out;
}

/** Scenario names in the order first seen in rows. */
export function scenariosIn(rows: readonly { scenario: string }[]): string[] {
  return [...new Set(rows.map((r) => r.scenario))];
}

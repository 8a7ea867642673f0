/**
 * Declared metrics: a name, a unit, how to compute the value for one group (village) and how to
 * aggregate groups to the whole (county). Collection only reads state: it is never given a random
 * stream, so adding or removing metrics cannot change a run.
 */

/** How per-group values combine into one figure for the whole. */
export type Aggregate<M> =
  | 'sum'
  | 'mean'
  | 'max'
  | 'min'
  /** Mean weighted by a per-group weight (e.g. a share weighted by its denominator); 0 if all weights are 0. */
  | { readonly weight: (model: M, g: number) => number };

/** One declared metric. */
export interface MetricDef<M> {
  /** snake_case name, the `metric` column of the output. */
  readonly name: string;
  /** Unit, e.g. "persons", "share", "yuan/year". */
  readonly unit: string;
  /** What it measures. */
  readonly description: string;
  /** Value for group `g` (must be finite). */
  readonly perGroup: (model: M, g: number) => number;
  /** Aggregation to the whole. */
  readonly aggregate: Aggregate<M>;
  /** Which direction is better, used when comparing scenarios. */
  readonly better?: 'higher' | 'lower';
}

/** Per-group values and weights of every metric, at one time (what a shard of villages sends back). */
export interface GroupValues {
  /** values[m][g] */
  readonly values: Float64Array[];
  /** weights[m][g] (1 for unweighted aggregates). */
  readonly weights: Float64Array[];
}

/** Computes every metric for every group, reading state only. */
export function collectGroups<M>(model: M, metrics: readonly MetricDef<M>[], groups: number): GroupValues {
  const values: Float64Array[] = [];
  const weights: Float64Array[] = [];
  for (const m of metrics) {
    const v = new Float64Array(groups);
    const w = new Float64Array(groups);
    const agg = m.aggregate;
    for (let g = 0; g < groups; g++) {
      const x = m.perGroup(model, g);
      v[g] = Number.isFinite(x) ? x : 0;
      w[g] = typeof agg === 'object' ? agg.weight(model, g) : 1;
    }
    values.push(v);
    weights.push(w);
  }
  return { values, weights };
}

/** Aggregates one metric's group values to the whole. Empty inputs aggregate to 0. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function aggregateValues(kind: Aggregate<any>, values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  if (kind === 'sum') {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[i];
    return s;
  }
  if (kind === 'mean') {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[i];
    return s / n;
  }
  if (kind === 'max') {
    let s = -Infinity;
    for (let i = 0; i < n; i++) if (values[i] > s) s = values[i];
    return s;
  }
  if (kind === 'min') {
    let s = Infinity;
    for (let i = 0; i < n; i++) if (values[i] < s) s = values[i];
    return s;
  }
  let sw = 0;
  let sx = 0;
  for (let i = 0; i < n; i++) {
    sw += weights[i];
    sx += weights[i] * values[i];
  }
  return sw > 0 ? sx / sw : 0;
}

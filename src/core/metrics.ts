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

/**
 * A running aggregate: groups folded in order with {@link foldAggregate}, read with {@link finishAggregate}.
 * Folding the groups in chunks gives exactly (bit for bit) what one {@link aggregateValues} call over all of
 * them gives, because aggregateValues is this fold over one chunk: a run split into shards of villages
 * aggregates to the same figures.
 */
export interface AggregateState {
  /** Groups folded so far. */
  n: number;
  /** Running sum, max, min, or weighted sum. */
  s: number;
  /** Running weight sum (weighted aggregates). */
  sw: number;
}

/** An empty running aggregate of the given kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function startAggregate(kind: Aggregate<any>): AggregateState {
  return { n: 0, s: kind === 'max' ? -Infinity : kind === 'min' ? Infinity : 0, sw: 0 };
}

/** Folds the next groups (in group order) into a running aggregate. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function foldAggregate(kind: Aggregate<any>, state: AggregateState, values: ArrayLike<number>, weights: ArrayLike<number>): void {
  const n = values.length;
  state.n += n;
  let s = state.s;
  if (kind === 'sum' || kind === 'mean') {
    for (let i = 0; i < n; i++) s += values[i];
  } else if (kind === 'max') {
    for (let i = 0; i < n; i++) if (values[i] > s) s = values[i];
  } else if (kind === 'min') {
    for (let i = 0; i < n; i++) if (values[i] < s) s = values[i];
  } else {
    let sw = state.sw;
    for (let i = 0; i < n; i++) {
      sw += weights[i];
      s += weights[i] * values[i];
    }
    state.sw = sw;
  }
  state.s = s;
}

/** The figure of a running aggregate (0 if no group was folded). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function finishAggregate(kind: Aggregate<any>, state: AggregateState): number {
  if (state.n === 0) return 0;
  if (kind === 'sum' || kind === 'max' || kind === 'min') return state.s;
  if (kind === 'mean') return state.s / state.n;
  return state.sw > 0 ? state.s / state.sw : 0;
}

/** Aggregates one metric's group values to the whole. Empty inputs aggregate to 0. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function aggregateValues(kind: Aggregate<any>, values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const state = startAggregate(kind);
  foldAggregate(kind, state, values, weights);
  return finishAggregate(kind, state);
}

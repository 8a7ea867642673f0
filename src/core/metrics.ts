/**
 * Declared metrics: a name with everything a reader needs to know about it (label, unit, direction,
 * format, its place among the main outcomes), how to compute the value for one group (village) and how
 * to aggregate groups to the whole (county). Collection only reads state: it is never given a random
 * stream, so adding or removing metrics cannot change a run.
 */

/** How per-group values combine into one figure for the whole. */
export type Aggregate<M> =
  | 'sum'
  | 'mean'
  | 'max'
  | 'min'
  /** Mean weighted by a per-group weight (e.g. a share weighted by its denominator); 0 if all weights are 0. */
  | { weight(model: M, g: number): number };

/** Which way a metric is better: 'none' for figures that are neither (a population count, a cost). */
export type Direction = 'higher' | 'lower' | 'none';

/**
 * How a metric's values read: a count of persons or events, a share in [0, 1], a yearly rate (a share per
 * year), years (an age), yuan, an index in [0, 1], or a ratio of two counts.
 */
export type MetricFormat = 'count' | 'share' | 'rate' | 'years' | 'yuan' | 'index' | 'ratio';

/** Every {@link MetricFormat}, for validation. */
export const METRIC_FORMATS: readonly MetricFormat[] = ['count', 'share', 'rate', 'years', 'yuan', 'index', 'ratio'];

/** A short text in English and Chinese. */
export interface LocalText {
  readonly en: string;
  readonly zh: string;
}

/** The lists a metric can have a place in (see {@link MetricMeta}). */
export type MetricRole = 'main' | 'sensitivity' | 'report';

/**
 * Everything known about a metric besides how it is computed: plain data, so manifests can write it and
 * reports, tables and help texts can read it without the model.
 */
export interface MetricMeta {
  /** snake_case name, the `metric` column of the output. */
  readonly name: string;
  /** Display label, e.g. { en: "Full members", zh: "正式党员" }. */
  readonly label: LocalText;
  /** Unit as written in outputs (English), e.g. "persons", "share", "yuan/year". */
  readonly unit: string;
  /** The unit for display when it needs translating, e.g. { en: "persons", zh: "人" }. */
  readonly unitLabel?: LocalText;
  /** What it measures. */
  readonly description: string;
  /** Which way is better; decides `p_better` of comparisons ('none' is counted like 'higher' there). */
  readonly direction: Direction;
  /** How its values read (shares and rates are shown as percentages). */
  readonly format: MetricFormat;
  /** Phrase for running text, e.g. "the share of branches in warning" (default: the label in lower case). */
  readonly phrase?: LocalText;
  /** Position among the main outcomes (summary.json, the CLI's tables and help); absent: not a main outcome. */
  readonly main?: number;
  /** Position among the default outcomes of sensitivity and robustness designs; absent: not one of them. */
  readonly sensitivity?: number;
  /** Position among the outcomes of the report's table, effects chart and reading; absent: not shown there. */
  readonly report?: number;
}

/** One declared metric: its metadata, how to compute it per group and how groups aggregate. */
export interface MetricDef<M> extends MetricMeta {
  /**
   * Value for group `g` (must be finite). Declared as a method so that a definition for a concrete model
   * state (`MetricDef<County>`) is also a `MetricDef<unknown>`, as the engine's model factories return.
   */
  perGroup(model: M, g: number): number;
  /** Aggregation to the whole. */
  readonly aggregate: Aggregate<M>;
}

/** The metadata of a metric (a plain copy, without the functions), with roles only where declared. */
export function metricMeta(m: MetricMeta): MetricMeta {
  const out: { -readonly [K in keyof MetricMeta]: MetricMeta[K] } = {
    name: m.name,
    label: { en: m.label?.en, zh: m.label?.zh },
    unit: m.unit,
    ...(m.unitLabel ? { unitLabel: { en: m.unitLabel.en, zh: m.unitLabel.zh } } : {}),
    description: m.description,
    direction: m.direction,
    format: m.format,
  };
  if (m.phrase) out.phrase = { en: m.phrase.en, zh: m.phrase.zh };
  for (const role of ['main', 'sensitivity', 'report'] as const) if (m[role] !== undefined) out[role] = m[role];
  return out;
}

/** Problems with a metric's metadata (empty when complete): each names the metric and the field. */
export function checkMetricMeta(m: MetricMeta): string[] {
  const problems: string[] = [];
  const where = `metric "${m?.name ?? '?'}"`;
  const text = (v: unknown) => typeof v === 'string' && v.length > 0;
  if (!text(m?.name)) problems.push(`${where}: name must be a non-empty string`);
  if (!text(m?.label?.en) || !text(m?.label?.zh)) problems.push(`${where}: label must give { en, zh } texts`);
  if (typeof m?.unit !== 'string') problems.push(`${where}: unit must be a string`);
  if (m?.direction !== 'higher' && m?.direction !== 'lower' && m?.direction !== 'none') {
    problems.push(`${where}: direction must be 'higher', 'lower' or 'none', found ${JSON.stringify(m?.direction)}`);
  }
  if (!METRIC_FORMATS.includes(m?.format)) problems.push(`${where}: format must be one of ${METRIC_FORMATS.join(', ')}, found ${JSON.stringify(m?.format)}`);
  for (const role of ['main', 'sensitivity', 'report'] as const) {
    const v = m?.[role];
    if (v !== undefined && !Number.isFinite(v)) problems.push(`${where}: ${role} must be a number (a position) when given`);
  }
  return problems;
}

/** The metrics that have a place in `role`, in the order of their positions (declaration order breaks ties). */
export function metricsInRole<T extends MetricMeta>(metrics: readonly T[], role: MetricRole): T[] {
  return metrics
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m[role] !== undefined)
    .sort((a, b) => a.m[role]! - b.m[role]! || a.i - b.i)
    .map(({ m }) => m);
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

/**
 * `run(model, options)`: builds the initial state, steps it year by year through the declared
 * schedule and collects the declared metrics into tidy rows. Pure and browser-safe (no Node imports).
 */
import { StreamFactory, type KeyPart } from './random.js';
import { stepYear, type Process } from './schedule.js';
import { aggregateValues, collectGroups, type GroupValues, type MetricDef } from './metrics.js';
import type { SeriesRow } from './rows.js';

/** What a model's `create` receives. */
export interface CreateContext {
  /** A stream for initialising group `g` (keyed by the run prefix with "init", then `g` and `purpose`, default "init"). */
  stream(g: number, purpose?: string): import('./random.js').Stream;
  /** Keyed draws for initialising group `g` (same key as {@link CreateContext.stream}, unrelated numbers). */
  draws(g: number, purpose?: string): import('./random.js').Draws;
  readonly startYear: number;
}

/** A model the core can run: state construction, processes, metrics. Domain-free. */
export interface ModelDefinition<M> {
  /** Model name (for manifests). */
  readonly name: string;
  /** Builds the initial state. */
  create(ctx: CreateContext): M;
  /** Number of groups (villages) in the state. */
  groups(model: M): number;
  /** The yearly processes, in order. */
  readonly processes: readonly Process<M>[];
  /** The declared metrics. */
  readonly metrics: readonly MetricDef<M>[];
  /** Called by the core at the start of every year before the processes (e.g. to reset flow counters). */
  beginYear?(model: M, year: number, t: number): void;
  /**
   * Descriptive attributes of group `g` (e.g. a village's majority ethnicity, size and type), read from the
   * state for per-group outputs; the names must be those the model's binding lists. Reading only.
   */
  groupAttributes?(model: M, g: number): Readonly<Record<string, string | number>>;
}

/** Options of {@link run}. */
export interface RunOptions<M = unknown> {
  /** Years to simulate. */
  years: number;
  /** Calendar year of the initial state (the core has no default: the scenario or the caller knows it). */
  startYear: number;
  /** Run seed (unsigned 32-bit integer). */
  seed: number;
  /** Replicate number (default 0). */
  replicate?: number;
  /** Scenario name written in the rows (default "default"). */
  scenario?: string;
  /**
   * Common-random-numbers key, part of every stream key (default ""). Runs that share it draw the same
   * numbers wherever they agree; give each scenario its own key to switch CRN off.
   */
  crnKey?: string;
  /** Only collect these metrics (default: all). Never changes the simulation. */
  metrics?: readonly string[];
  /**
   * Called after each collected year (t = 0 for the initial state, then 1..years) with the state, the
   * calendar year and t. For reading the state only: changing it changes the run.
   */
  onYear?: (state: M, year: number, t: number) => void;
  /** Offset added to group numbers in stream keys (used when a run is split into shards of villages). */
  groupOffset?: number;
  /** Keep per-group values in the result (default false). */
  keepGroups?: boolean;
}

/** The result of {@link run}. */
export interface RunResult<M> {
  /** Tidy rows, years 0..years, metrics in declaration order. */
  rows: SeriesRow[];
  /** The final state. */
  state: M;
  /** Uniform random draws taken during the yearly steps (not initialisation). */
  draws: number;
  /** Per-year group values, if `keepGroups`. */
  groups?: GroupValues[];
}

/** The stream-key prefix of one run. */
export function runPrefix(seed: number, crnKey: string, replicate: number): KeyPart[] {
  return [seed >>> 0, crnKey, replicate];
}

/** Runs a model for `years` years and returns tidy rows plus the final state. */
export function run<M>(model: ModelDefinition<M>, options: RunOptions<M>): RunResult<M> {
  const startYear = options.startYear;
  if (!Number.isFinite(startYear)) throw new Error(`run: startYear (the calendar year of the initial state) must be a number, found ${startYear}`);
  const replicate = options.replicate ?? 0;
  const scenario = options.scenario ?? 'default';
  const seed = options.seed >>> 0;
  const prefix = runPrefix(seed, options.crnKey ?? '', replicate);
  const groupOffset = options.groupOffset ?? 0;
  const initRng = new StreamFactory([...prefix, 'init']);
  const state = model.create({
    startYear,
    stream: (g: number, purpose = 'init') => initRng.stream(g + groupOffset, purpose),
    draws: (g: number, purpose = 'init') => initRng.draws(g + groupOffset, purpose),
  });
  const metrics = selectMetrics(model.metrics, options.metrics);
  const rng = new StreamFactory(prefix);
  const rows: SeriesRow[] = [];
  const kept: GroupValues[] = [];
  const collect = (t: number) => {
    const year = startYear + t;
    const gv = collectGroups(state, metrics, model.groups(state));
    if (options.keepGroups) kept.push(gv);
    for (let k = 0; k < metrics.length; k++) {
      rows.push({
        scenario,
        replicate,
        seed,
        year,
        metric: metrics[k].name,
        value: aggregateValues(metrics[k].aggregate, gv.values[k], gv.weights[k]),
      });
    }
    options.onYear?.(state, year, t);
  };
  collect(0);
  for (let t = 1; t <= options.years; t++) {
    const year = startYear + t;
    model.beginYear?.(state, year, t);
    stepYear(state, model.processes, rng, year, t, groupOffset);
    collect(t);
  }
  return { rows, state, draws: rng.drawCount, groups: options.keepGroups ? kept : undefined };
}

/** The metrics named in `names` (all if undefined), in declaration order; throws on an unknown name. */
export function selectMetrics<T extends { readonly name: string }>(all: readonly T[], names?: readonly string[]): T[] {
  if (!names) return [...all];
  const known = new Set(all.map((m) => m.name));
  for (const n of names) if (!known.has(n)) throw new Error(`unknown metric "${n}"`);
  const want = new Set(names);
  return all.filter((m) => want.has(m.name));
}

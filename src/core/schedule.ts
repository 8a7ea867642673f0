/**
 * The year schedule: named processes run in one declared order, and the core (not the processes)
 * advances the clock. Each process gets its own randomness — keyed draws and an order-based stream per
 * group (village) — keyed by its name, the group and the year, so processes never share or shift each
 * other's draws.
 */
import { StreamFactory, type Draws, type Stream } from './random.js';

/** What a process sees in one year. */
export interface StepContext {
  /** Calendar year being simulated. */
  readonly year: number;
  /** Years since the start (1 in the first simulated year). */
  readonly t: number;
  /**
   * The process's own counter-based draws for group `g` (a village) in this year: `draws(g).u(agentKey,
   * decision)`. The way to draw for a decision of an agent (or, with `group(decision)`, of the group).
   */
  draws(g: number): Draws;
  /**
   * The process's own keyed draws for group `g` that do not depend on the year: for one-off events of an
   * agent (the review of a candidacy, the end of a probation), with the agent's own count of the event in
   * the decision index, so that the same event draws the same number in whichever year it happens (in two
   * scenarios that time it differently).
   */
  eventDraws(g: number): Draws;
  /** The process's own order-based stream for group `g` in this year (for shuffles and other procedures without per-agent decisions). */
  stream(g: number): Stream;
}

/** A yearly process: a plain function over the model state. */
export interface Process<M> {
  /** Unique name; part of every stream key this process uses. */
  readonly name: string;
  /** One-line description, shown by `describe` and in docs. */
  readonly description?: string;
  /** Runs the process for one year. */
  run(model: M, ctx: StepContext): void;
}

/** Checks that process names are unique and non-empty; returns the list unchanged. */
export function defineSchedule<M>(processes: readonly Process<M>[]): readonly Process<M>[] {
  const seen = new Set<string>();
  for (const p of processes) {
    if (!p.name) throw new Error('a process needs a name');
    if (seen.has(p.name)) throw new Error(`duplicate process name "${p.name}"`);
    seen.add(p.name);
  }
  return processes;
}

/** Runs one year: every process in order, each with draws and streams keyed by (prefix, group, process, year). */
export function stepYear<M>(
  model: M,
  processes: readonly Process<M>[],
  rng: StreamFactory,
  year: number,
  t: number,
  groupOffset = 0,
): void {
  for (const p of processes) {
    const ctx: StepContext = {
      year,
      t,
      draws: (g: number) => rng.draws(g + groupOffset, p.name, year),
      eventDraws: (g: number) => rng.draws(g + groupOffset, p.name, 'events'),
      stream: (g: number) => rng.stream(g + groupOffset, p.name, year),
    };
    p.run(model, ctx);
  }
}

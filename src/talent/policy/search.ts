/**
 * A compass (pattern) search on the simplex of spend shares for noisy objectives evaluated with common random
 * numbers (Kolda, Lewis & Torczon 2003, "Optimization by direct search", SIAM Review 45(3)). From the
 * incumbent shares s, the poll set holds, for every lever i, a move toward vertex i, (1 − δ)s + δeᵢ, and one
 * away from it (lever i's share cut by δ, or to 0, the rest rescaled). The whole poll set is evaluated as one
 * batch (in parallel) on the same replicates as the incumbent, so every comparison is a paired difference; the
 * best poll point replaces the incumbent if its mean paired improvement is positive, else δ halves. The search
 * stops when δ falls below `minStep` or the evaluation budget is spent. The incumbent's estimate is biased
 * upward by selection among noisy candidates (the winner's curse); callers re-evaluate the result on fresh
 * replicates (see frontier.ts).
 */

/**
 * Evaluates a batch of share vectors: one array of observations per point, paired across points (higher is
 * better), or null for an infeasible point (never accepted; an infeasible incumbent gives way to the feasible
 * poll point with the highest mean).
 */
export type BatchObjective = (points: readonly number[][]) => Promise<(Float64Array | null)[]>;

/** Options of {@link simplexSearch}. */
export interface SimplexSearchOptions {
  /** Starting shares (≥ 0, positive sum; normalised). */
  start: readonly number[];
  /** First step δ (default 0.25). */
  step?: number;
  /** Stop when δ falls below this (default 1/16). */
  minStep?: number;
  /** Most points evaluated, the start included (default 60). */
  maxEvaluations?: number;
  /** Key of a point for caching (default: its shares rounded to 1e-9); equal keys are evaluated once. */
  key?: (point: readonly number[]) => string;
}

/** One evaluated point of the search. */
export interface SearchStep {
  iteration: number;
  step: number;
  shares: number[];
  /** Mean of its observations. */
  mean: number;
  /** Mean paired difference to the incumbent of its iteration (0 for the start). */
  gain: number;
  accepted: boolean;
}

/** What {@link simplexSearch} found. */
export interface SearchResult {
  shares: number[];
  /** The best point's observations (on the search replicates: optimistic, see the module comment); null if no point was feasible. */
  observations: Float64Array | null;
  evaluations: number;
  history: SearchStep[];
}

function normalise(x: readonly number[]): number[] {
  const s = x.reduce((a, b) => a + Math.max(0, b), 0);
  if (!(s > 0)) throw new RangeError('shares must have a positive sum');
  return x.map((v) => Math.max(0, v) / s);
}

function meanOf(x: ArrayLike<number> | null): number {
  if (!x) return NaN;
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) { s += x[i]; n++; }
  return n ? s / n : NaN;
}

/** Mean paired improvement of `a` over the incumbent `b`: −∞ if `a` is infeasible, +∞ over an infeasible incumbent. */
function pairedGain(a: Float64Array | null, b: Float64Array | null): number {
  if (!a) return -Infinity;
  if (!b) return Infinity;
  let s = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i])) { s += a[i] - b[i]; n++; }
  return n ? s / n : NaN;
}

/** The poll set of shares `s` at step δ: toward and away from each vertex (duplicates and `s` itself left out). */
export function pollPoints(s: readonly number[], step: number): number[][] {
  const out: number[][] = [];
  const k = s.length;
  for (let i = 0; i < k; i++) {
    const toward = s.map((v, j) => (1 - step) * v + (j === i ? step : 0));
    out.push(toward);
    if (s[i] > 0) {
      const cut = Math.min(s[i], step);
      const rest = 1 - s[i];
      if (rest > 0) out.push(s.map((v, j) => (j === i ? s[i] - cut : v + (cut * v) / rest)));
    }
  }
  return out.map(normalise);
}

/** Runs the compass search (see the module comment). */
export async function simplexSearch(objective: BatchObjective, options: SimplexSearchOptions): Promise<SearchResult> {
  const keyOf = options.key ?? ((p: readonly number[]) => p.map((v) => v.toFixed(9)).join(','));
  const minStep = options.minStep ?? 1 / 16;
  const maxEvaluations = options.maxEvaluations ?? 60;
  let step = options.step ?? 0.25;
  const cache = new Map<string, Float64Array | null>();
  let evaluations = 0;
  const evaluate = async (points: number[][]): Promise<(Float64Array | null)[]> => {
    const fresh = points.filter((p, i) => !cache.has(keyOf(p)) && points.findIndex((q) => keyOf(q) === keyOf(p)) === i);
    if (fresh.length) {
      const obs = await objective(fresh);
      fresh.forEach((p, i) => cache.set(keyOf(p), obs[i]));
      evaluations += fresh.length;
    }
    return points.map((p) => cache.get(keyOf(p)) ?? null);
  };
  let incumbent = normalise(options.start);
  let best = (await evaluate([incumbent]))[0];
  const history: SearchStep[] = [{ iteration: 0, step, shares: incumbent, mean: meanOf(best), gain: 0, accepted: true }];
  let iteration = 0;
  while (step >= minStep && evaluations < maxEvaluations) {
    iteration++;
    let poll = pollPoints(incumbent, step).filter((p) => keyOf(p) !== keyOf(incumbent));
    const newOnes = poll.filter((p) => !cache.has(keyOf(p)));
    const room = maxEvaluations - evaluations;
    if (newOnes.length > room) {
      // Out of budget: poll only what is cached plus as many new points as fit, in order.
      const allowed = new Set(newOnes.slice(0, room).map(keyOf));
      poll = poll.filter((p) => cache.has(keyOf(p)) || allowed.has(keyOf(p)));
    }
    if (poll.length === 0) break;
    const obs = await evaluate(poll);
    let bestI = -1;
    let bestGain = 0;
    let bestMean = -Infinity;
    obs.forEach((o, i) => {
      const g = pairedGain(o, best);
      // Over an infeasible incumbent every feasible point gains +∞: take the highest mean among them.
      if (g > bestGain || (g === Infinity && bestGain === Infinity && meanOf(o) > bestMean)) {
        bestGain = g;
        bestI = i;
        bestMean = meanOf(o);
      }
    });
    poll.forEach((p, i) => history.push({ iteration, step, shares: p, mean: meanOf(obs[i]), gain: pairedGain(obs[i], best), accepted: i === bestI }));
    if (bestI >= 0) {
      incumbent = poll[bestI];
      best = obs[bestI];
    } else step /= 2;
  }
  return { shares: incumbent, observations: best, evaluations, history };
}

/**
 * Scenario discovery for robustness analysis: given the parameter values of many runs and a yes/no outcome
 * per run (e.g. "the pathway wins"), find the parameter ranges that best separate the yes runs from the no
 * runs. Each parameter gets its best single range (a threshold, or an interval when that is clearly
 * better); the top one is then refined greedily by ranges on other parameters into a small box, in the
 * spirit of PRIM (Friedman & Fisher 1999; Bryant & Lempert 2010) but with an exact search per step, and each
 * condition is refitted given the others.
 */

/** Options of {@link discoverScenarios}. */
export interface DiscoveryOptions {
  /** Parameters to search, in order (default: the keys of the first row). */
  parameters?: readonly string[];
  /** Least rise in separation that justifies a two-sided interval or one more box condition; default 0.05. */
  minGain?: number;
  /** Most conditions in the box; default 2. */
  maxConditions?: number;
}

/** A range of one parameter: lowerBound < value <= upperBound (a missing bound is unbounded). */
export interface RangeCondition {
  parameter: string;
  /** Plain text of the condition, e.g. "tokenism > 0.62" or "0.3 < wage <= 0.6". */
  rule: string;
  lowerBound?: number;
  upperBound?: number;
}

/** A rule with its quality on the data. */
export interface DiscoveredRule extends RangeCondition {
  /** Share of all wins that satisfy the rule. */
  coverage: number;
  /** Share of the runs satisfying the rule that win. */
  density: number;
  /** coverage − (share of all losses that satisfy the rule), in [0, 1]; 1 = perfect separation (Youden's J). */
  separation: number;
}

/** A box: conditions joined by "and", with the same quality measures. */
export interface DiscoveredBox {
  conditions: RangeCondition[];
  /** The conditions joined by " and ". */
  rule: string;
  coverage: number;
  density: number;
  separation: number;
}

/**
 * The top rule (the box, else the best single range) judged against chance: under random selection, the
 * runs inside a rule win at the overall rate p0 = wins / runs, so k wins among its m runs has the binomial
 * tail probability P(Bin(m, p0) ≥ k). Because the rule was the best of many candidate cuts, that
 * probability is multiplied by the number of candidates searched (Bonferroni: 2 one-sided cuts at each of
 * the runs − 1 gaps of each parameter, times the box's conditions).
 */
export interface ChanceCheck {
  /** Runs inside the rule. */
  inside: number;
  /** Winning runs inside the rule. */
  winsInside: number;
  /** The overall win rate p0 (the density a rule drawn at random would have). */
  chanceDensity: number;
  /** P(Bin(inside, p0) ≥ winsInside). */
  pValue: number;
  /** Candidate rules searched (the Bonferroni factor). */
  candidates: number;
  /** min(1, pValue × candidates). */
  adjustedP: number;
  /** adjustedP < 0.05: the rule separates wins better than the best of as many random rules would. */
  significant: boolean;
}

/** Draws per searched parameter below which scenario discovery is not to be trusted (PRIM practice: 10 per parameter). */
export const DISCOVERY_RUNS_PER_PARAMETER = 10;

/** What {@link discoverScenarios} found. */
export interface Discovery {
  /** Number of runs. */
  runs: number;
  /** Number of winning runs. */
  wins: number;
  /** The best range of each parameter that varies, most separating first. */
  rules: DiscoveredRule[];
  /** The top rule refined by further conditions while each adds at least `minGain`; null if nothing separates. */
  box: DiscoveredBox | null;
  /** One plain-language sentence describing the result. */
  summary: string;
  /** The top rule judged against chance; null when there is no rule. */
  chance: ChanceCheck | null;
  /**
   * Set when the runs are too few for the parameters searched (fewer than
   * {@link DISCOVERY_RUNS_PER_PARAMETER} per parameter): say so before reading any rule.
   */
  warning?: string;
}

/** ln C(n, k). */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/** P(Bin(m, p) ≥ k), summed in log space (exact for the sizes of a design). */
export function binomialUpperTail(m: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > m) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  let logTerm = logChoose(m, k) + k * lp + (m - k) * lq;
  let sum = 0;
  for (let j = k; j <= m; j++) {
    sum += Math.exp(logTerm);
    logTerm += Math.log(m - j) - Math.log(j + 1) + lp - lq;
  }
  return Math.min(1, sum);
}

/** The chance check of a rule holding `inside` runs of which `winsInside` win (see {@link ChanceCheck}). */
function chanceCheck(inside: number, winsInside: number, runs: number, wins: number, parameters: number, conditions: number): ChanceCheck {
  const chanceDensity = wins / runs;
  const pValue = binomialUpperTail(inside, winsInside, chanceDensity);
  const candidates = Math.max(1, 2 * parameters * Math.max(1, runs - 1) * Math.max(1, conditions));
  const adjustedP = Math.min(1, pValue * candidates);
  return { inside, winsInside, chanceDensity, pValue, candidates, adjustedP, significant: adjustedP < 0.05 };
}

/** The warning for too few runs (`noun`: what they are called) for the parameters searched, if they are. */
export function fewRunsWarning(runs: number, parameters: number, noun = 'runs'): string | undefined {
  const need = DISCOVERY_RUNS_PER_PARAMETER * parameters;
  if (runs >= need) return undefined;
  return (
    `${runs} ${noun} for ${parameters} parameters: scenario discovery needs at least ${DISCOVERY_RUNS_PER_PARAMETER} ${noun} per parameter searched ` +
    `(${need} here); with fewer, some range separates wins from losses by chance alone. Draw more, or search fewer parameters`
  );
}

interface Cut {
  score: number;
  lower?: number;
  upper?: number;
}

/** The shortest decimal d with a <= d < b (near their midpoint), so printed bounds are exact and short. */
function between(a: number, b: number): number {
  const m = a + (b - a) / 2;
  for (let p = 1; p <= 17; p++) {
    const d = Number(m.toPrecision(p));
    if (d >= a && d < b) return d;
  }
  return a;
}

/**
 * Best range of one parameter over the rows `idx`, scored by the summed weights of the rows kept
 * (wins 1/W, losses −1/L). Null when the parameter takes one value only.
 */
function bestCut(values: Float64Array, weight: Float64Array, idx: readonly number[], minGain: number): Cut | null {
  const order = [...idx].sort((a, b) => values[a] - values[b]);
  const v: number[] = [];
  const s: number[] = [];
  for (const i of order) {
    if (v.length > 0 && values[i] === v[v.length - 1]) s[s.length - 1] += weight[i];
    else { v.push(values[i]); s.push(weight[i]); }
  }
  const B = v.length;
  if (B < 2) return null;
  let total = 0;
  for (const x of s) total += x;
  // one-sided: value <= t (blocks 0..b) or value > t (blocks b..B-1)
  let best: Cut = { score: -Infinity };
  let cum = 0;
  for (let b = 0; b < B - 1; b++) {
    cum += s[b];
    if (cum > best.score) best = { score: cum, upper: between(v[b], v[b + 1]) };
    if (total - cum > best.score) best = { score: total - cum, lower: between(v[b], v[b + 1]) };
  }
  // two-sided: the best run of inner blocks 1..B-2 (Kadane's maximum subarray)
  let run = 0;
  let runStart = 1;
  let inner: { score: number; from: number; to: number } | null = null;
  for (let b = 1; b < B - 1; b++) {
    if (run <= 0) { run = 0; runStart = b; }
    run += s[b];
    if (!inner || run > inner.score) inner = { score: run, from: runStart, to: b };
  }
  if (inner && inner.score > best.score + minGain) {
    return { score: inner.score, lower: between(v[inner.from - 1], v[inner.from]), upper: between(v[inner.to], v[inner.to + 1]) };
  }
  return best;
}

function conditionText(parameter: string, lower?: number, upper?: number): string {
  if (lower !== undefined && upper !== undefined) return `${lower} < ${parameter} <= ${upper}`;
  if (lower !== undefined) return `${parameter} > ${lower}`;
  return `${parameter} <= ${upper}`;
}

function inRange(x: number, c: Cut): boolean {
  return (c.lower === undefined || x > c.lower) && (c.upper === undefined || x <= c.upper);
}

function percent(x: number): string {
  return `${Math.round(100 * x)}%`;
}

/**
 * Ranks the parameters by how well one range of each separates winning from losing runs, and builds a
 * small box of such ranges. `rows[i]` holds run i's parameter values, `wins[i]` its outcome.
 * Parameters with a single value get no rule. Throws on length mismatch or a non-finite value.
 */
export function discoverScenarios(
  rows: readonly Record<string, number>[],
  wins: readonly boolean[],
  options: DiscoveryOptions = {},
): Discovery {
  if (rows.length !== wins.length) throw new RangeError(`discoverScenarios: ${rows.length} rows but ${wins.length} outcomes`);
  const parameters = options.parameters ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const minGain = options.minGain ?? 0.05;
  const maxConditions = options.maxConditions ?? 2;
  const n = rows.length;
  const W = wins.filter(Boolean).length;
  const L = n - W;
  const columns = parameters.map((p) => {
    const col = new Float64Array(n);
    rows.forEach((r, i) => {
      const x = r[p];
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`discoverScenarios: rows[${i}].${p} is not a finite number`);
      col[i] = x;
    });
    return col;
  });
  const warning = fewRunsWarning(n, parameters.length);
  const extra = warning ? { warning } : {};
  if (W === 0 || L === 0) {
    const summary = n === 0 ? 'No runs to analyse.' : W === 0 ? `No run wins (of ${n}); nothing to separate.` : `All ${n} runs win; nothing to separate.`;
    return { runs: n, wins: W, rules: [], box: null, summary, chance: null, ...extra };
  }
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) weight[i] = wins[i] ? 1 / W : -1 / L;
  const quality = (keep: (i: number) => boolean) => {
    let inWins = 0;
    let inLosses = 0;
    for (let i = 0; i < n; i++) if (keep(i)) { if (wins[i]) inWins++; else inLosses++; }
    const inside = inWins + inLosses;
    return { coverage: inWins / W, density: inside > 0 ? inWins / inside : 0, separation: inWins / W - inLosses / L };
  };

  const all = Array.from({ length: n }, (_, i) => i);
  const cuts = new Map<string, Cut>();
  const rules: DiscoveredRule[] = [];
  parameters.forEach((p, j) => {
    const c = bestCut(columns[j], weight, all, minGain);
    if (!c) return;
    cuts.set(p, c);
    rules.push({
      parameter: p,
      rule: conditionText(p, c.lower, c.upper),
      ...(c.lower !== undefined ? { lowerBound: c.lower } : {}),
      ...(c.upper !== undefined ? { upperBound: c.upper } : {}),
      ...quality((i) => inRange(columns[j][i], c)),
    });
  });
  rules.sort((a, b) => b.separation - a.separation); // stable: ties keep parameter order

  let box: DiscoveredBox | null = null;
  if (rules.length > 0 && rules[0].separation >= minGain) {
    const chosen: { j: number; cut: Cut }[] = [{ j: parameters.indexOf(rules[0].parameter), cut: cuts.get(rules[0].parameter)! }];
    let inside = all.filter((i) => inRange(columns[chosen[0].j][i], chosen[0].cut));
    let score = rules[0].separation;
    while (chosen.length < maxConditions) {
      let next: { j: number; cut: Cut } | null = null;
      parameters.forEach((_, j) => {
        if (chosen.some((c) => c.j === j)) return;
        const c = bestCut(columns[j], weight, inside, minGain);
        if (c && c.score >= score + minGain && (!next || c.score > next.cut.score)) next = { j, cut: c };
      });
      if (!next) break;
      const add: { j: number; cut: Cut } = next;
      chosen.push(add);
      inside = inside.filter((i) => inRange(columns[add.j][i], add.cut));
      score = add.cut.score;
    }
    // Refit each condition given the others (coordinate ascent, a few passes): the greedy first cut was
    // chosen alone and may sit slightly off once the later conditions remove other losses.
    for (let pass = 0; pass < 3 && chosen.length > 1; pass++) {
      let improved = false;
      chosen.forEach((c, m) => {
        const others = all.filter((i) => chosen.every((o, q) => q === m || inRange(columns[o.j][i], o.cut)));
        const refit = bestCut(columns[c.j], weight, others, minGain);
        // Equal scores are taken too: the refit bound sits mid-gap among the rows the box can still hold.
        if (refit && refit.score >= score - 1e-12) {
          if (refit.score > score + 1e-12) improved = true;
          chosen[m] = { j: c.j, cut: refit };
          score = Math.max(score, refit.score);
        }
      });
      if (!improved) break;
    }
    inside = all.filter((i) => chosen.every((o) => inRange(columns[o.j][i], o.cut)));
    const conditions: RangeCondition[] = chosen.map(({ j, cut }) => ({
      parameter: parameters[j],
      rule: conditionText(parameters[j], cut.lower, cut.upper),
      ...(cut.lower !== undefined ? { lowerBound: cut.lower } : {}),
      ...(cut.upper !== undefined ? { upperBound: cut.upper } : {}),
    }));
    const set = new Set(inside);
    box = { conditions, rule: conditions.map((c) => c.rule).join(' and '), ...quality((i) => set.has(i)) };
  }

  // The top rule's runs: inside the box, else inside the best single range.
  let topInside: number[] | undefined;
  if (box) {
    const conds = box.conditions.map((c) => ({ j: parameters.indexOf(c.parameter), cut: { score: 0, lower: c.lowerBound, upper: c.upperBound } }));
    topInside = all.filter((i) => conds.every((o) => inRange(columns[o.j][i], o.cut)));
  } else if (rules.length) {
    const j = parameters.indexOf(rules[0].parameter);
    const cut = cuts.get(rules[0].parameter)!;
    topInside = all.filter((i) => inRange(columns[j][i], cut));
  }
  const chance = topInside
    ? chanceCheck(topInside.length, topInside.filter((i) => wins[i]).length, n, W, parameters.length, box ? box.conditions.length : 1)
    : null;
  let summary: string;
  if (!box) {
    summary = rules.length === 0
      ? 'No parameter varies; nothing separates wins from losses.'
      : `No parameter separates wins from losses: the best rule, ${rules[0].rule}, has separation ${rules[0].separation.toFixed(2)}.`;
  } else {
    const others = rules.filter((r) => !box!.conditions.some((c) => c.parameter === r.parameter)).slice(0, 2);
    summary = `Runs win mostly where ${box.rule}: ${percent(box.coverage)} of the ${W} wins fall there and ` +
      `${percent(box.density)} of the runs there win (separation ${box.separation.toFixed(2)})` +
      (others.length > 0 ? `; next most separating: ${others.map((r) => `${r.parameter} (${r.separation.toFixed(2)})`).join(', ')}.` : '.');
    if (chance && !chance.significant) {
      summary += ` This is no better than the best of ${chance.candidates} random rules would be (adjusted p = ${chance.adjustedP.toPrecision(2)}): it may be chance.`;
    }
  }
  return { runs: n, wins: W, rules, box, summary, chance, ...extra };
}

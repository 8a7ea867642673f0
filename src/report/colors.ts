/**
 * The shared scenario styles: a colour and a line dash per scenario, the same in every chart of a report.
 * The comparison's baseline — whatever its name — is black and dashed; built-in pathways keep a fixed
 * colour; other scenarios take distinct colours (never greys) in the order given.
 */

/** The Okabe-Ito colour-blind-safe palette (Okabe & Ito 2008), in its usual order. */
export const OKABE_ITO = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;

/** The baseline's colour and dash (also the explorer's): black, dashed. */
export const BASELINE_COLOR = '#000000';
/** Dash pattern of the baseline's lines (6 px on, 4 off). */
export const BASELINE_DASH: readonly number[] = [6, 4];

/**
 * Fixed colours of the built-in scenarios (Okabe-Ito; lockdown-shock brown rather than sky blue, which
 * was hard to tell from organisational fortification's blue on lines). `baseline` is black when it is
 * the comparison's baseline, as every baseline is.
 */
export const BUILTIN_SCENARIO_COLORS: Readonly<Record<string, string>> = {
  baseline: BASELINE_COLOR,
  'organizational-fortification': '#0072B2',
  'industrial-focal-points': '#E69F00',
  'cultural-identity': '#009E73',
  'benefit-incentives': '#CC79A7',
  combined: '#D55E00',
  'lockdown-shock': '#8C510A',
};

/** Built-in scenario names in their canonical display order. */
export const BUILTIN_SCENARIOS: readonly string[] = Object.keys(BUILTIN_SCENARIO_COLORS);

/**
 * Colours for scenarios without a fixed one, most distinct first: the built-in pathways' colours (used
 * only when that built-in is not in the report), then Paul Tol's muted and bright colours. No greys.
 */
const SPARE = [
  '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#8C510A',
  '#882255', '#332288', '#999933', '#44AA99', '#56B4E9', '#AA4499', '#117733', '#661100',
];

/** Line dashes of the non-baseline scenarios in display order (solid first); the baseline has its own. */
export const SCENARIO_DASHES: readonly (readonly number[])[] = [
  [1, 0], [10, 3], [2, 2], [10, 3, 2, 3], [14, 3, 3, 3, 3, 3], [4, 2], [16, 4], [8, 2, 2, 2, 2, 2],
];

/** Colours and dashes of a report's scenarios: `range[i]` and `dashes[i]` belong to `domain[i]`. */
export interface ScenarioColorScale {
  domain: string[];
  range: string[];
  dashes: number[][];
  /** The baseline among them (black, dashed), if any. */
  baseline?: string;
}

/**
 * The styles for these scenario names. The baseline (default: a scenario named "baseline", if present)
 * is black and dashed; other built-ins keep their fixed colour; unknown names (and the built-in
 * "baseline" when it is not the baseline) take the spare colours no present built-in uses, in order.
 * Non-baseline scenarios get dashes in order, solid first. Duplicates are dropped.
 */
export function scenarioColors(names: readonly string[], baseline?: string): ScenarioColorScale {
  const domain = [...new Set(names)];
  const base = baseline ?? (domain.includes('baseline') ? 'baseline' : undefined);
  const fixed = (n: string) => (n !== 'baseline' && n !== base ? BUILTIN_SCENARIO_COLORS[n] : undefined);
  const used = new Set(domain.map(fixed).filter((c): c is string => c !== undefined));
  const spare = SPARE.filter((c) => !used.has(c));
  let next = 0;
  let dash = 0;
  const range: string[] = [];
  const dashes: number[][] = [];
  for (const n of domain) {
    if (n === base) {
      range.push(BASELINE_COLOR);
      dashes.push([...BASELINE_DASH]);
      continue;
    }
    range.push(fixed(n) ?? spare[next++ % spare.length]);
    dashes.push([...SCENARIO_DASHES[dash++ % SCENARIO_DASHES.length]]);
  }
  return { domain, range, dashes, ...(base !== undefined && domain.includes(base) ? { baseline: base } : {}) };
}

/**
 * Scenario names in display order: the baseline first (when given), then built-ins in canonical order,
 * then the others in the order first seen. Use the same list for every chart so each scenario keeps its style.
 */
export function orderScenarios(names: Iterable<string>, baseline?: string): string[] {
  const all = [...new Set(names)];
  const builtin = BUILTIN_SCENARIOS.filter((n) => all.includes(n) && n !== baseline);
  const rest = all.filter((n) => !(n in BUILTIN_SCENARIO_COLORS) && n !== baseline);
  return [...(baseline !== undefined && all.includes(baseline) ? [baseline] : []), ...builtin, ...rest];
}

/** The scale restricted to the scenarios in `present` (legends list only what a chart draws), in scale order. */
export function restrictScale(scale: ScenarioColorScale, present: Iterable<string>): ScenarioColorScale {
  const keep = new Set(present);
  const idx = scale.domain.map((d, i) => i).filter((i) => keep.has(scale.domain[i]));
  return {
    domain: idx.map((i) => scale.domain[i]),
    range: idx.map((i) => scale.range[i]),
    dashes: idx.map((i) => scale.dashes[i]),
    ...(scale.baseline !== undefined && keep.has(scale.baseline) ? { baseline: scale.baseline } : {}),
  };
}

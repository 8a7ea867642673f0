/** The shared scenario colour scale: one fixed Okabe-Ito colour per built-in scenario, the same in every chart. */

/** The Okabe-Ito colour-blind-safe palette (Okabe & Ito 2008), in its usual order. */
export const OKABE_ITO = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;

/** Fixed colours of the built-in scenarios. */
export const BUILTIN_SCENARIO_COLORS: Readonly<Record<string, string>> = {
  baseline: '#000000',
  'organizational-fortification': '#0072B2',
  'industrial-focal-points': '#E69F00',
  'cultural-identity': '#009E73',
  'benefit-incentives': '#CC79A7',
  combined: '#D55E00',
  'lockdown-shock': '#56B4E9',
};

/** Built-in scenario names in their canonical display order. */
export const BUILTIN_SCENARIOS: readonly string[] = Object.keys(BUILTIN_SCENARIO_COLORS);

/** Colours used once the palette is exhausted (greys and dark tones, still distinct from the palette). */
const OVERFLOW = ['#999999', '#666666', '#8C510A', '#01665E', '#762A83', '#1B7837', '#B2182B', '#2166AC'];

/** A vega-lite ordinal colour scale: `range[i]` is the colour of `domain[i]`. */
export interface ScenarioColorScale {
  domain: string[];
  range: string[];
}

/**
 * The colour scale for these scenario names: built-ins keep their fixed colour; unknown names take the
 * palette colours no built-in uses, in the order given, then overflow colours. Duplicates are dropped.
 */
export function scenarioColors(names: readonly string[]): ScenarioColorScale {
  const domain = [...new Set(names)];
  const used = new Set(Object.values(BUILTIN_SCENARIO_COLORS));
  const spare = [...OKABE_ITO.filter((c) => !used.has(c)), ...OVERFLOW];
  let next = 0;
  const range = domain.map((n) => BUILTIN_SCENARIO_COLORS[n] ?? spare[next++ % spare.length]);
  return { domain, range };
}

/**
 * Scenario names in display order: built-ins first in canonical order, then the others in the order
 * first seen. Use the same list for every chart so each scenario keeps its colour.
 */
export function orderScenarios(names: Iterable<string>): string[] {
  const all = [...new Set(names)];
  const builtin = BUILTIN_SCENARIOS.filter((n) => all.includes(n));
  return [...builtin, ...all.filter((n) => !(n in BUILTIN_SCENARIO_COLORS))];
}

/**
 * The facts about metrics that CLI help texts state, read from the library's declarations in one place
 * (so a help text never restates a metric list by hand). Loaded only when a command's help needs them.
 */

/** What help texts say about metrics. */
export interface MetricHelpFacts {
  /** The outcomes `sensitivity` and `robustness` analyse when `--outcome` is not given, in order. */
  analysisOutcomes: readonly string[];
}

/** Reads the facts from the library's metric declarations. */
export async function metricHelpFacts(): Promise<MetricHelpFacts> {
  const { SENSITIVITY_OUTCOMES } = await import('../experiment/index.js');
  return { analysisOutcomes: SENSITIVITY_OUTCOMES };
}

/**
 * The facts about metrics that CLI help texts state, read from the library's declarations in one place
 * (so a help text never restates a metric list by hand). Loaded only when a command's help needs them.
 */

/** What help texts say about metrics. */
export interface MetricHelpFacts {
  /** The outcomes `sensitivity` and `robustness` analyse when `--outcome` is not given, in order. */
  analysisOutcomes: readonly string[];
}

/**
 * Reads the facts from the library's metric declarations when help is shown (`helpShown`); otherwise
 * undefined, without loading the library (the descriptions are then never printed).
 */
export async function metricHelpFacts(helpShown: boolean): Promise<MetricHelpFacts | undefined> {
  if (!helpShown) return undefined;
  const { SENSITIVITY_OUTCOMES } = await import('../talent/metrics.js');
  return { analysisOutcomes: SENSITIVITY_OUTCOMES };
}

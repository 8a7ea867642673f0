/** Defaults of the CLI that depend on the built-in scenarios. */

/** The built-in scenarios `compare` runs by default: all but the province-scale `guangxi` benchmark. */
export async function defaultCompareScenarios(): Promise<string[]> {
  const { builtinScenarioNames } = await import('../../scenario/builtin.js');
  return builtinScenarioNames().filter((n) => n !== 'guangxi');
}

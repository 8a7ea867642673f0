/** Options shared by every chart function, filled into a complete form in one place. */
import { orderScenarios, scenarioColors, type ScenarioColorScale } from '../colors.js';
import { TALENT_CATALOG, type MetricCatalog } from '../metric-info.js';

/** Options every chart accepts. */
export interface ChartOptions {
  /**
   * Every scenario name in the report, in display order. Pass the same list to every chart so each
   * scenario has the same colour everywhere; default: the scenarios in the chart's own rows.
   */
  scenarios?: readonly string[];
  /** Width of one panel in pixels (default 520). */
  width?: number;
  /** Height of one panel in pixels (default 300). */
  height?: number;
  /** Replaces the default chart title. */
  title?: string;
  /** Metric labels, units and formats (default: the talent model's metadata). */
  catalog?: MetricCatalog;
}

/** ChartOptions with every field filled in. */
export interface ResolvedChartOptions {
  scenarios: string[];
  colors: ScenarioColorScale;
  width: number;
  height: number;
  title: string | undefined;
  catalog: MetricCatalog;
}

/** Fills defaults; `present` are the scenario names found in the chart's data. */
export function resolveChartOptions(options: ChartOptions | undefined, present: readonly string[]): ResolvedChartOptions {
  const scenarios = orderScenarios(options?.scenarios ?? present);
  for (const s of orderScenarios(present)) if (!scenarios.includes(s)) scenarios.push(s);
  return {
    scenarios,
    colors: scenarioColors(scenarios),
    width: options?.width ?? 520,
    height: options?.height ?? 300,
    title: options?.title,
    catalog: options?.catalog ?? TALENT_CATALOG,
  };
}

/** The scenario colour channel, identical in every chart for the same scenario list. */
export function scenarioColorChannel(colors: ScenarioColorScale) {
  return {
    field: 'scenario',
    type: 'nominal' as const,
    title: 'Scenario',
    scale: { domain: colors.domain, range: colors.range },
  };
}

/** The calendar-year x channel. */
export const YEAR_X = {
  field: 'year',
  type: 'quantitative' as const,
  title: 'Year',
  axis: { format: 'd', tickMinStep: 1 },
  scale: { zero: false, nice: false },
};

/** Top-level properties shared by every spec. */
export const SPEC_BASE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  background: 'white',
  config: {
    font: 'DejaVu Sans, Arial, sans-serif',
    view: { stroke: null },
    axis: { labelLimit: 240 },
    legend: { labelLimit: 240 },
  },
} as const;

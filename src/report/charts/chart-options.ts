/** Options shared by every chart function, filled into a complete form in one place, and the channels every chart shares. */
import { TALENT_METRICS } from '../../talent/metrics.js';
import { orderScenarios, restrictScale, scenarioColors, type ScenarioColorScale } from '../colors.js';
import { FONT_STACK, messagesFor, type Lang, type Messages } from '../i18n/index.js';
import { metricCatalog, type MetricCatalog } from '../metric-info.js';

/** The default number of start-up years shaded on time charts (see {@link ChartOptions.startupYears}). */
export const DEFAULT_STARTUP_YEARS = 5;

/** Options every chart accepts. */
export interface ChartOptions {
  /**
   * Every scenario name in the report, in display order. Pass the same list to every chart so each
   * scenario has the same style everywhere; default: the scenarios in the chart's own rows.
   */
  scenarios?: readonly string[];
  /** The comparison's baseline (black, dashed, never drawn as a pathway); default "baseline" when present. */
  baseline?: string;
  /** Display names of the scenarios (default: the names). */
  labels?: Readonly<Record<string, string>>;
  /** Language of titles, axes, legends and tooltips (default: the catalog's, else English). */
  lang?: Lang;
  /** Width of one panel in pixels. */
  width?: number;
  /** Height of one panel in pixels. */
  height?: number;
  /** Replaces the default chart title. */
  title?: string;
  /** Metric labels, units and formats (default: the talent model's metadata in `lang`). */
  catalog?: MetricCatalog;
  /**
   * Years after the first year that time charts shade as start-up (the initial state settling); 0 for
   * none. Default {@link DEFAULT_STARTUP_YEARS} (until a burn-in or hindcast start removes the transient).
   */
  startupYears?: number;
}

/** ChartOptions with every field filled in. */
export interface ResolvedChartOptions {
  scenarios: string[];
  colors: ScenarioColorScale;
  baseline: string | undefined;
  label: (scenario: string) => string;
  width: number;
  height: number;
  title: string | undefined;
  catalog: MetricCatalog;
  lang: Lang;
  m: Messages;
  startupYears: number;
}

/** Fills defaults; `present` are the scenario names found in the chart's data. */
export function resolveChartOptions(options: ChartOptions | undefined, present: readonly string[]): ResolvedChartOptions {
  const lang = options?.lang ?? options?.catalog?.lang ?? 'en';
  const all = [...(options?.scenarios ?? present), ...present];
  const baseline = options?.baseline ?? (all.includes('baseline') ? 'baseline' : undefined);
  const scenarios = orderScenarios(options?.scenarios ?? present, baseline);
  for (const s of orderScenarios(present, baseline)) if (!scenarios.includes(s)) scenarios.push(s);
  const labels = options?.labels ?? {};
  return {
    scenarios,
    colors: scenarioColors(scenarios, baseline),
    baseline,
    label: (s) => labels[s] ?? s,
    width: options?.width ?? 520,
    height: options?.height ?? 300,
    title: options?.title,
    catalog: options?.catalog ?? metricCatalog(TALENT_METRICS, lang),
    lang,
    m: messagesFor(lang),
    startupYears: Math.max(0, options?.startupYears ?? DEFAULT_STARTUP_YEARS),
  };
}

/** Rows with the display name of their scenario in `label` (the field legends and axes show). */
export function withLabels<T extends { scenario: string }>(rows: readonly T[], opts: ResolvedChartOptions): (T & { label: string })[] {
  return rows.map((r) => ({ ...r, label: opts.label(r.scenario) }));
}

/** The styles of the scenarios present in a chart, in report order. */
function presentScale(opts: ResolvedChartOptions, present: Iterable<string>): ScenarioColorScale {
  return restrictScale(opts.colors, present);
}

/** A scenario channel on the `label` field with one range of the present scenarios' styles. */
function scenarioChannel<R>(opts: ResolvedChartOptions, present: Iterable<string>, range: (s: ScenarioColorScale) => R) {
  const s = presentScale(opts, present);
  return { field: 'label', type: 'nominal' as const, title: opts.m.charts.scenario, scale: { domain: s.domain.map(opts.label), range: range(s) } };
}

/**
 * The scenario colour channel on the `label` field: only the scenarios present in the chart (so the
 * legend lists only what is drawn), each with its report-wide colour.
 */
export function scenarioColorChannel(opts: ResolvedChartOptions, present: Iterable<string>) {
  return scenarioChannel(opts, present, (s) => s.range);
}

/** The scenario dash channel (lines): the baseline dashed, the others in their report-wide dashes. */
export function scenarioDashChannel(opts: ResolvedChartOptions, present: Iterable<string>) {
  return scenarioChannel(opts, present, (s) => s.dashes);
}

/** The display order of the present scenarios' labels (for `sort` of a nominal axis). */
export function labelOrder(opts: ResolvedChartOptions, present: Iterable<string>): string[] {
  return presentScale(opts, present).domain.map(opts.label);
}

/** The calendar-year x channel. */
export function yearX(opts: ResolvedChartOptions) {
  return {
    field: 'year',
    type: 'quantitative' as const,
    title: opts.m.charts.year,
    axis: { format: 'd', tickMinStep: 1 },
    scale: { zero: false, nice: false },
  };
}

/**
 * Top-level properties shared by every spec. The font stack names DejaVu Sans first and the CJK fonts
 * after it in both languages: Latin text and digits then come from DejaVu and only Chinese characters
 * from the CJK font, which resvg draws about ten times slower per glyph (a CID-keyed CFF font).
 */
export function specBase(_lang: Lang = 'en') {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    config: {
      font: FONT_STACK,
      view: { stroke: null },
      axis: { labelLimit: 240 },
      legend: { labelLimit: 240 },
    },
  } as const;
}

/** Top-level properties shared by every English spec. */
export const SPEC_BASE = specBase('en');

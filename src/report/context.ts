/**
 * The facts of one report, resolved once from its inputs so every section, chart and sentence agrees:
 * language and catalogue, the metric catalog in that language, the horizon, the real baseline of the
 * comparison, the scenarios in display order with their display names and styles, and what each spends.
 */
import { TALENT_METRICS } from '../talent/metrics.js';
import type { ChartOptions } from './charts/chart-options.js';
import { DEFAULT_STARTUP_YEARS } from './charts/chart-options.js';
import { horizonYear } from './charts/horizon.js';
import { orderScenarios, scenarioColors, type ScenarioColorScale } from './colors.js';
import { scenarioSpending, type ScenarioSpending } from './costs.js';
import { DEFAULT_LANG, isLang, messagesFor, type Lang, type Messages } from './i18n/index.js';
import { scenarioTitles } from './labels.js';
import { metricCatalog, type MetricCatalog } from './metric-info.js';
import type { ReportInputs, ScenarioInfo } from './report-inputs.js';

/** Everything a section needs to write its part of the report. */
export interface ReportContext {
  inputs: ReportInputs;
  lang: Lang;
  m: Messages;
  catalog: MetricCatalog;
  /** The year results are read at. */
  year: number;
  /** The comparison's baseline (undefined when there is none). */
  baseline: string | undefined;
  /** Display name of the baseline (the catalogue's word for it when there is none). */
  baseLabel: string;
  /** Every scenario, baseline first, then built-ins, then the others. */
  names: string[];
  /** Display name of each scenario. */
  label: (scenario: string) => string;
  /** Colour and dash of each scenario. */
  colors: ScenarioColorScale;
  /** The scenario facts by name (where the inputs describe them). */
  info: ReadonlyMap<string, ScenarioInfo>;
  /** Yearly spending per scenario. */
  spending: ReadonlyMap<string, ScenarioSpending>;
  /** Replicates behind the comparison (the largest n at the horizon). */
  replicates: number;
  /** Start-up years shaded and noted. */
  startupYears: number;
  /** The chart options every default chart gets (so styles and labels match everywhere). */
  chartOptions: ChartOptions;
}

/** A field of the recorded scenario, if it has that type. */
function field<T>(info: ScenarioInfo | undefined, key: string, is: (v: unknown) => v is T): T | undefined {
  const v = info?.scenario?.[key];
  return is(v) ? v : undefined;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Villages of a scenario's county, from its recorded settings. */
export function villagesOf(info: ScenarioInfo | undefined): number | undefined {
  const county = info?.scenario?.county as { villages?: unknown } | undefined;
  return isNumber(county?.villages) ? county.villages : undefined;
}

/** The baseline: as given, else the manifest's, else a scenario named "baseline" (undefined when none is there). */
export function reportBaseline(inputs: Pick<ReportInputs, 'baseline' | 'manifest' | 'comparison' | 'scenarios' | 'series'>): string | undefined {
  const names = new Set([...inputs.scenarios.map((s) => s.name), ...inputs.comparison.map((r) => r.scenario), ...inputs.series.map((r) => r.scenario)]);
  const given = inputs.baseline ?? (typeof inputs.manifest.baseline === 'string' ? inputs.manifest.baseline : undefined);
  if (given !== undefined && names.has(given)) return given;
  return names.has('baseline') ? 'baseline' : undefined;
}

/** The report language: as given, else the baseline's scenario `lang`, else the first scenario's that has one, else English. */
export function reportLang(inputs: Pick<ReportInputs, 'lang' | 'scenarios'>, baseline?: string): Lang {
  if (inputs.lang) return inputs.lang;
  const langOf = (s: ScenarioInfo | undefined) => field(s, 'lang', isLang);
  return langOf(inputs.scenarios.find((s) => s.name === baseline)) ?? inputs.scenarios.map(langOf).find((l) => l !== undefined) ?? DEFAULT_LANG;
}

/** Every scenario name in the inputs in display order (baseline first). */
export function reportScenarioNames(inputs: Pick<ReportInputs, 'series' | 'comparison' | 'scenarios'>, baseline?: string): string[] {
  return orderScenarios([
    ...inputs.scenarios.map((s) => s.name),
    ...inputs.series.map((r) => r.scenario),
    ...inputs.comparison.map((r) => r.scenario),
  ], baseline);
}

/** Resolves the facts of the report once. */
export function reportContext(inputs: ReportInputs): ReportContext {
  const baseline = reportBaseline(inputs);
  const lang = reportLang(inputs, baseline);
  const m = messagesFor(lang);
  const catalog = metricCatalog(inputs.metrics ?? TALENT_METRICS, lang);
  const year = inputs.horizon ?? horizonYear(inputs.comparison);
  const names = reportScenarioNames(inputs, baseline);
  const info = new Map(inputs.scenarios.map((s) => [s.name, s] as const));
  const titles = scenarioTitles(names.map((n) => ({ name: n, ...(info.get(n)?.title !== undefined ? { title: info.get(n)!.title } : {}) })), lang);
  const label = (s: string) => titles.get(s) ?? s;
  const startupYears = Math.max(0, inputs.startupYears ?? DEFAULT_STARTUP_YEARS);
  const replicates = inputs.comparison.filter((r) => r.year === year).reduce((n, r) => Math.max(n, Number.isFinite(r.n) ? r.n : 0), 0);
  return {
    inputs, lang, m, catalog, year, baseline,
    baseLabel: baseline !== undefined ? label(baseline) : m.scenarioTable.baselineMark,
    names, label,
    colors: scenarioColors(names, baseline),
    info,
    spending: scenarioSpending(inputs.series, year, (s) => villagesOf(info.get(s))),
    replicates,
    startupYears,
    chartOptions: {
      scenarios: names, lang, catalog, labels: Object.fromEntries(titles), startupYears,
      ...(baseline !== undefined ? { baseline } : {}),
    },
  };
}

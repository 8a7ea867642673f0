/** What the report is built from: tidy rows, scenario descriptions, the run manifest and metric metadata (never model state). */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricMeta } from '../core/metrics.js';
import type { SeriesRow } from '../core/rows.js';
import type { BestRow } from '../experiment/best.js';
import type { RobustnessRow } from '../experiment/robustness.js';
import type { ComparisonRow } from '../experiment/types.js';
import type { LocalizedText } from '../scenario/schema.js';
import type { Lang } from './i18n/index.js';
import type { ReportSection } from './sections.js';

/** A scenario as the report knows it: its name, texts and (when the manifest records it) its resolved settings. */
export interface ScenarioInfo {
  name: string;
  /** What it changes and why: one text or texts by language. */
  description: LocalizedText;
  /** Display name: one text or texts by language (default: the pathway's label, else the name). */
  title?: LocalizedText;
  /** The resolved scenario as manifest.json records it (county, years, policies, shocks, lang …). */
  scenario?: Readonly<Record<string, unknown>>;
}

/** The run manifest (talentsim version, node version, seeds, replicates, scenario hashes, time taken, …). */
export type ReportManifest = Record<string, unknown>;

/** Everything the HTML report needs. */
export interface ReportInputs {
  /** Tidy series rows, all replicates. */
  series: readonly SeriesRow[];
  /** Comparison rows against the baseline (empty difference cells read as NaN). */
  comparison: readonly ComparisonRow[];
  /** Scenario descriptions, in display order. */
  scenarios: readonly ScenarioInfo[];
  /** The run manifest, shown as a key/value list (its `metricMetadata` is read, not shown). */
  manifest: ReportManifest;
  /** The comparison's baseline (default: the manifest's `baseline`, else a scenario named "baseline"). */
  baseline?: string;
  /** Language of the report (default: the baseline's scenario `lang`, else English). */
  lang?: Lang;
  /** Metadata of the metrics (labels, units, directions, main outcomes); default: the talent model's. */
  metrics?: readonly MetricMeta[];
  /** Report title (default: the catalogue's title in the report's language). */
  title?: string;
  /** Year results are read at (default: the latest year in the comparison rows). */
  horizon?: number;
  /** Years shown in the pipeline funnel (default: first, middle and last series years). */
  funnelYears?: readonly number[];
  /** Start-up years shaded on time charts and named in the notes (default 5; 0 once a burn-in removes the transient). */
  startupYears?: number;
  /** Charts to show instead of the default set (name → spec). */
  specs?: Readonly<Record<string, TopLevelSpec>>;
  /** Rows of a robustness run (robustness.csv); when given, the report gets a "How robust is the ranking?" section. */
  robustness?: readonly RobustnessRow[];
  /** Sections added to the default ones (e.g. calibration), each placed after the section it names. */
  sections?: readonly ReportSection[];
  /** Rows of best.csv (probability of being best); when given, the report gets the "Which pathway is best?" section. */
  best?: readonly BestRow[];
  /** True when the replicates drew their parameters from a posterior (the manifest's `posterior`). */
  posterior?: boolean;
}

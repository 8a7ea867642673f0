/** What the report is built from: tidy rows, scenario descriptions, the run manifest and metric metadata (never model state). */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricMeta } from '../core/metrics.js';
import type { SeriesRow } from '../core/rows.js';
import type { BestRow } from '../experiment/best.js';
import type { RobustnessRow } from '../experiment/robustness.js';
import type { ComparisonRow } from '../experiment/types.js';

/** A scenario's name and plain-language description. */
export interface ScenarioInfo {
  name: string;
  description: string;
}

/** The run manifest (talentsim version, node version, seeds, replicates, scenario hashes, time taken, …). */
export type ReportManifest = Record<string, unknown>;

/** Everything the HTML report needs. */
export interface ReportInputs {
  /** Tidy series rows, all replicates. */
  series: readonly SeriesRow[];
  /** Comparison rows against baseline. */
  comparison: readonly ComparisonRow[];
  /** Scenario descriptions, in display order. */
  scenarios: readonly ScenarioInfo[];
  /** The run manifest, shown as is (its `metricMetadata` is read, not shown). */
  manifest: ReportManifest;
  /** Metadata of the metrics (labels, units, directions, main outcomes); default: the talent model's. */
  metrics?: readonly MetricMeta[];
  /** Report title (default "talentsim report: renewal of village Party branches"). */
  title?: string;
  /** Year results are read at (default: the latest year in the comparison rows). */
  horizon?: number;
  /** Years shown in the pipeline funnel (default: first, middle and last series years). */
  funnelYears?: readonly number[];
  /** Charts to show instead of the default set (name → spec). */
  specs?: Readonly<Record<string, TopLevelSpec>>;
  /** Rows of a robustness run (robustness.csv); when given, the report gets a "How robust is the ranking?" section. */
  robustness?: readonly RobustnessRow[];
  /** Rows of best.csv (probability of being best); when given, the report gets the "Which pathway is best?" section. */
  best?: readonly BestRow[];
  /** True when the replicates drew their parameters from a posterior (the manifest's `posterior`). */
  posterior?: boolean;
}

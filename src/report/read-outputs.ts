/**
 * Reads an output folder's tidy files back: series.csv, comparison.csv, manifest.json, summary.json,
 * robustness.csv. Every file the report reads goes through {@link readOutputFile}, the one place to check
 * a file (e.g. against the checksums of its manifest) before it is used. Empty cells (a baseline's own
 * difference, p_better of an outcome without a direction) read as NaN.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkMetricMeta, type MetricMeta } from '../core/metrics.js';
import type { SeriesRow } from '../core/rows.js';
import { verifyOutputs } from '../experiment/integrity.js';
import type { RobustnessRow } from '../experiment/robustness.js';
import type { ComparisonRow } from '../experiment/types.js';
import type { LocalizedText } from '../scenario/schema.js';
import type { ReportManifest, ScenarioInfo } from './report-inputs.js';

/** Reads one file of an output folder as text: the single entry point of the report's reads. */
export async function readOutputFile(dir: string, file: string): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

/** Parses RFC 4180 CSV text into records keyed by the header line (all values as strings). */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let i = 0;
  const endField = () => { row.push(field); field = ''; };
  const endRow = () => { endField(); records.push(row); row = []; };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  const nonEmpty = records.filter((r) => !(r.length === 1 && r[0] === ''));
  const [header, ...data] = nonEmpty;
  if (!header) return [];
  return data.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

/** A CSV cell as a number ("NaN" and empty become NaN). */
function num(s: string): number {
  return s === '' ? NaN : Number(s);
}

/** A cell of an extra column: a number when it reads as one, otherwise the text. */
function auto(s: string): string | number {
  const t = s.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : s;
}

/** Series rows from series.csv text; fixed numeric columns become numbers, extra columns numbers where they parse. */
export function parseSeriesCsv(text: string): SeriesRow[] {
  return parseCsv(text).map((r) => {
    const row: SeriesRow = { ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, auto(v)])),
      scenario: r.scenario, replicate: num(r.replicate), seed: num(r.seed), year: num(r.year), metric: r.metric, value: num(r.value) };
    return row;
  });
}

/** Comparison rows from comparison.csv text. */
export function parseComparisonCsv(text: string): ComparisonRow[] {
  return parseCsv(text).map((r) => ({
    scenario: r.scenario, metric: r.metric, year: num(r.year), n: num(r.n), mean: num(r.mean), sd: num(r.sd),
    ci_low: num(r.ci_low), ci_high: num(r.ci_high), diff: num(r.diff), diff_ci_low: num(r.diff_ci_low),
    diff_ci_high: num(r.diff_ci_high), p_better: num(r.p_better),
  }));
}

/** A CSV cell as a number, or null when empty. */
function numOrNull(s: string | undefined): number | null {
  return s === undefined || s.trim() === '' ? null : Number(s);
}

/** Robustness rows from robustness.csv text (empty cells become null, as written). */
export function parseRobustnessCsv(text: string): RobustnessRow[] {
  return parseCsv(text).map((r) => ({
    outcome: r.outcome, scenario: r.scenario, better: r.better === 'lower' ? 'lower' : 'higher', draws: num(r.draws),
    beats_baseline: numOrNull(r.beats_baseline), ranks_first: num(r.ranks_first), mean_diff: numOrNull(r.mean_diff),
    rule: r.rule ?? '', coverage: numOrNull(r.coverage), density: numOrNull(r.density), separation: numOrNull(r.separation),
  }));
}

/** Reads `dir/robustness.csv` (refusing one that does not match the checksum its manifest records). */
export async function readRobustness(dir: string): Promise<RobustnessRow[]> {
  await verifyOutputs(dir, ['robustness.csv']);
  return parseRobustnessCsv(await readOutputFile(dir, 'robustness.csv'));
}

/** The tidy outputs of a run folder. */
export interface RunOutputs {
  series: SeriesRow[];
  comparison: ComparisonRow[];
  manifest: ReportManifest;
  scenarios: ScenarioInfo[];
  /** summary.json as read. */
  summary: Record<string, unknown>;
  /** The metric metadata manifest.json carries (undefined for an output folder written before it did). */
  metrics?: MetricMeta[];
  /** The comparison's baseline (summary.json's, else the manifest's; undefined when neither names one). */
  baseline?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A scenario text as recorded (a string or texts by language); undefined otherwise. */
function localized(v: unknown): LocalizedText | undefined {
  if (typeof v === 'string') return v;
  if (isRecord(v) && (typeof v.en === 'string' || typeof v.zh === 'string')) {
    return { ...(typeof v.en === 'string' ? { en: v.en } : {}), ...(typeof v.zh === 'string' ? { zh: v.zh } : {}) };
  }
  return undefined;
}

/**
 * The scenarios of a run: summary.json's list (name, description), each with the resolved scenario the
 * manifest records under the same name (its title, texts, county, policies, language).
 */
export function scenariosOf(summary: Record<string, unknown>, manifest: ReportManifest): ScenarioInfo[] {
  const list = Array.isArray(summary.scenarios) ? summary.scenarios.filter(isRecord) : [];
  const recorded = new Map<string, Record<string, unknown>>();
  if (Array.isArray(manifest.scenarios)) {
    for (const e of manifest.scenarios) if (isRecord(e) && isRecord(e.scenario) && !recorded.has(String(e.name))) recorded.set(String(e.name), e.scenario);
  }
  const seen = new Set<string>();
  return list.flatMap((s) => {
    const name = String(s.name ?? '');
    if (seen.has(name)) return [];
    seen.add(name);
    const scenario = recorded.get(name);
    const title = localized(scenario?.title);
    return [{
      name,
      description: localized(scenario?.description) ?? localized(s.description) ?? '',
      ...(title !== undefined ? { title } : {}),
      ...(scenario ? { scenario } : {}),
    }];
  });
}

/**
 * The `metricMetadata` of a manifest: undefined when absent, the entries when every one is complete;
 * throws naming the file, the entry and what is missing otherwise.
 */
export function manifestMetrics(manifest: ReportManifest, file = 'manifest.json'): MetricMeta[] | undefined {
  const list = manifest.metricMetadata;
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) throw new Error(`${file}: metricMetadata: expected a list of metric descriptions`);
  const problems = list.flatMap((m, i) => checkMetricMeta(m as MetricMeta).map((p) => `${file}: metricMetadata[${i}]: ${p}`));
  if (problems.length) throw new Error(problems.join('\n'));
  return list as MetricMeta[];
}

/**
 * Reads `dir/series.csv`, `dir/comparison.csv`, `dir/manifest.json` (with its metric metadata) and
 * `dir/summary.json`, refusing files that do not match the sizes and checksums the manifest records.
 */
export async function readOutputs(dir: string): Promise<RunOutputs> {
  await verifyOutputs(dir, ['series.csv', 'comparison.csv', 'summary.json']);
  const [seriesText, comparisonText, manifestText, summaryText] = await Promise.all(
    ['series.csv', 'comparison.csv', 'manifest.json', 'summary.json'].map((f) => readOutputFile(dir, f)),
  );
  const summary = JSON.parse(summaryText) as Record<string, unknown>;
  const manifest = JSON.parse(manifestText) as ReportManifest;
  const metrics = manifestMetrics(manifest, join(dir, 'manifest.json'));
  const baseline = typeof summary.baseline === 'string' ? summary.baseline : typeof manifest.baseline === 'string' ? manifest.baseline : undefined;
  return {
    series: parseSeriesCsv(seriesText),
    comparison: parseComparisonCsv(comparisonText),
    manifest,
    ...(metrics ? { metrics } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    scenarios: scenariosOf(summary, manifest),
    summary,
  };
}

/**
 * The calibration's charts and its self-contained report page, from a calibration folder's files alone
 * (calibration.json, posterior.csv, hindcast.json): the marginal distribution of the non-implausible
 * sample against the uniform prior for the parameters the targets identify, and every hindcast target
 * against the simulated value at the representative point, standardised by its tolerance. The page
 * (calibration.html) embeds the charts as SVG, so it needs nothing else; `calibrationSectionHtml` is the
 * same content as a section for a larger report.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { SPEC_BASE } from './charts/chart-options.js';
import { writeFileAtomic } from './atomic-write.js';
import { escapeHtml } from './format.js';
import { renderCharts, type RenderedChart } from './render.js';

/** What the report reads of calibration.json. */
export interface CalibrationFile {
  parameters: { name: string; min: number; max: number }[];
  settings: { cutoff: number; implausibilityRank: number; runsPerWave: number[]; budget: number | null; seed: unknown };
  waves: { wave: number; runs: number; nonImplausible: number; share: number; implausibility: { name: string; implausibility: { min: number; median: number } | null; aboveCutoff: number }[] }[];
  acceptance: { designRuns: number; totalRuns: number; accepted: number; stopReason: string; finalTargets: string[] };
  representative: { choice: string; run: number | null; measure: number | null } | null;
  identification: { name: string; rangeRatio: number | null; identified: boolean }[];
}

/** One row of hindcast.json. */
export interface HindcastFileRow {
  name: string;
  description: string;
  source: string;
  use: string;
  low: number;
  high: number;
  observed: number;
  obs_low: number;
  obs_high: number;
  simulated: number | null;
  ci_low: number | null;
  ci_high: number | null;
  implausibility: number | null;
  ok: boolean;
}

/** Everything the calibration report is built from. */
export interface CalibrationReportInputs {
  calibration: CalibrationFile;
  /** posterior.csv parsed: the parameter columns' values per accepted row. */
  posterior: Record<string, number[]>;
  hindcast: HindcastFileRow[];
}

/** Parses posterior.csv text into columns (every column numeric). */
export function posteriorColumns(text: string): Record<string, number[]> {
  const lines = text.trim().split('\n');
  const header = lines[0].split(',');
  const cols: Record<string, number[]> = Object.fromEntries(header.map((h) => [h, [] as number[]]));
  for (const line of lines.slice(1)) line.split(',').forEach((c, i) => cols[header[i]].push(Number(c)));
  return cols;
}

/** Reads the inputs of the report from a calibration folder. */
export async function readCalibrationFolder(dir: string): Promise<CalibrationReportInputs> {
  const [c, p, h] = await Promise.all(['calibration.json', 'posterior.csv', 'hindcast.json'].map((f) => readFile(join(dir, f), 'utf8')));
  return { calibration: JSON.parse(c) as CalibrationFile, posterior: posteriorColumns(p), hindcast: (JSON.parse(h) as { rows: HindcastFileRow[] }).rows };
}

/** The parameters shown in the marginal chart: the identified ones, else the 12 narrowest. */
export function shownParameters(c: CalibrationFile, most = 12): string[] {
  const ranked = c.identification.filter((p) => p.rangeRatio !== null).sort((a, b) => a.rangeRatio! - b.rangeRatio!);
  const identified = ranked.filter((p) => p.identified);
  return (identified.length ? identified : ranked).slice(0, most).map((p) => p.name);
}

/**
 * Histograms of the accepted values of each shown parameter on its prior range scaled to [0, 1] (10 bins),
 * as densities, against the uniform prior (density 1, the dashed line).
 */
export function marginalsSpec(
  inputs: Pick<CalibrationReportInputs, 'calibration' | 'posterior'>,
  names = shownParameters(inputs.calibration),
  truth?: Readonly<Record<string, number>>,
): TopLevelSpec {
  const bins = 10;
  const values: { parameter: string; bin: number; density: number }[] = [];
  const marks: { parameter: string; x: number }[] = [];
  for (const name of names) {
    const f = inputs.calibration.parameters.find((p) => p.name === name);
    const xs = inputs.posterior[name] ?? [];
    if (!f || xs.length === 0) continue;
    const counts = new Array<number>(bins).fill(0);
    for (const x of xs) counts[Math.min(bins - 1, Math.floor(((x - f.min) / (f.max - f.min)) * bins))]++;
    const label = `${name} [${f.min}, ${f.max}]`;
    counts.forEach((n, b) => values.push({ parameter: label, bin: (b + 0.5) / bins, density: (n / xs.length) * bins }));
    if (truth && truth[name] !== undefined) marks.push({ parameter: label, x: (truth[name] - f.min) / (f.max - f.min) });
  }
  return {
    ...SPEC_BASE,
    title: {
      text: 'Non-implausible sample against the prior',
      subtitle: `each parameter on its prior range scaled to 0-1; dashed: the uniform prior${truth ? '; red: the known value' : ''}`,
      offset: 10,
    },
    data: { values: [...values, ...marks.map((m) => ({ ...m, truth: true }))] },
    facet: { field: 'parameter', type: 'nominal', title: null, header: { labelLimit: 320 } },
    columns: 3,
    spec: {
      width: 200,
      height: 90,
      layer: [
        { mark: { type: 'bar', color: '#4c78a8' }, encoding: { x: { field: 'bin', type: 'quantitative', bin: { binned: true, step: 1 / bins }, scale: { domain: [0, 1] }, title: 'position in the prior range' }, x2: { field: 'bin2' }, y: { field: 'density', type: 'quantitative', title: 'density' } }, transform: [{ filter: 'datum.truth !== true' }, { calculate: `datum.bin - ${0.5 / bins}`, as: 'bin' }, { calculate: `datum.bin + ${1 / bins}`, as: 'bin2' }] },
        { mark: { type: 'rule', strokeDash: [4, 3], color: '#888' }, encoding: { y: { datum: 1 } } },
        ...(truth ? [{ transform: [{ filter: 'datum.truth === true' }], mark: { type: 'rule' as const, color: '#d62728', strokeWidth: 2 }, encoding: { x: { field: 'x', type: 'quantitative' as const } } }] : []),
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}

/**
 * Every target's simulated mean (with its 95% interval) minus the observation, in units of the target's
 * tolerance SD sqrt(V_obs + V_disc): inside ±3 (the cut-off) is met; the stated interval is ±2 σ_obs.
 */
export function targetsSpec(rows: readonly HindcastFileRow[]): TopLevelSpec {
  const values = rows
    .filter((r) => r.simulated !== null)
    .map((r) => {
      const sd = (r.high - r.low) / 6;
      const z = (x: number) => (x - r.observed) / sd;
      return {
        target: r.name, use: r.use === 'validation' ? 'held out' : 'calibration',
        sim: z(r.simulated!), lo: z(r.ci_low ?? r.simulated!), hi: z(r.ci_high ?? r.simulated!), obsLo: z(r.obs_low), obsHi: z(r.obs_high),
      };
    });
  const order = rows.map((r) => r.name);
  const y = { field: 'target', type: 'nominal' as const, sort: order, title: null };
  return {
    ...SPEC_BASE,
    title: { text: 'Hindcast targets against the simulation', subtitle: '(simulated − observed) / tolerance SD; grey: the stated interval; met within ±3', offset: 10 },
    data: { values },
    width: 420,
    height: { step: 18 },
    layer: [
      { mark: { type: 'rect', color: '#ddd' }, encoding: { y, x: { field: 'obsLo', type: 'quantitative', title: 'standardised difference' }, x2: { field: 'obsHi' } } },
      { mark: { type: 'rule', strokeDash: [4, 3], color: '#c44' }, encoding: { x: { datum: -3 } } },
      { mark: { type: 'rule', strokeDash: [4, 3], color: '#c44' }, encoding: { x: { datum: 3 } } },
      { mark: { type: 'rule', color: '#333' }, encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
      { mark: { type: 'point', filled: true, size: 50 }, encoding: { y, x: { field: 'sim', type: 'quantitative' }, color: { field: 'use', type: 'nominal', title: null, scale: { range: ['#4c78a8', '#f58518'] } } } },
    ],
  } as TopLevelSpec;
}

/** The chart specs of a calibration report, by chart name. */
export function calibrationSpecs(inputs: CalibrationReportInputs): Record<string, TopLevelSpec> {
  return { 'calibration-marginals': marginalsSpec(inputs), 'calibration-targets': targetsSpec(inputs.hindcast) };
}

function num(x: number | null | undefined, digits = 4): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(digits)).toString();
}

/** The calibration as an HTML section (charts as inline SVG texts, given by name). */
export function calibrationSectionHtml(inputs: CalibrationReportInputs, svgs: Readonly<Record<string, string>>): string {
  const c = inputs.calibration;
  const a = c.acceptance;
  const met = inputs.hindcast.filter((r) => r.use === 'calibration' && r.ok).length;
  const cal = inputs.hindcast.filter((r) => r.use === 'calibration').length;
  const heldMet = inputs.hindcast.filter((r) => r.use !== 'calibration' && r.ok).length;
  const held = inputs.hindcast.length - cal;
  const identified = c.identification.filter((p) => p.identified).map((p) => p.name);
  const waveRows = c.waves.map((w) => `<tr><td>${w.wave}</td><td>${w.runs}</td><td>${w.nonImplausible}</td><td>${num(w.share, 3)}</td></tr>`).join('\n');
  const lastWave = c.waves.at(-1);
  const reach = (name: string) => {
    const t = lastWave?.implausibility.find((x) => x.name === name);
    return t?.implausibility ? num(t.implausibility.min, 3) : '—';
  };
  const targetRows = inputs.hindcast.map((r) => `<tr class="${r.ok ? 'ok' : 'miss'}"><td>${escapeHtml(r.name)}</td><td>${escapeHtml(r.use)}</td><td>${num(r.observed)} [${num(r.obs_low)}, ${num(r.obs_high)}]</td><td>[${num(r.low)}, ${num(r.high)}]</td><td>${num(r.simulated)} [${num(r.ci_low)}, ${num(r.ci_high)}]</td><td>${num(r.implausibility, 3)}</td><td>${r.use === 'calibration' ? reach(r.name) : '—'}</td><td>${r.ok ? 'yes' : '<strong>no</strong>'}</td><td class="src">${escapeHtml(r.source)}</td></tr>`).join('\n');
  const idRows = c.identification.map((p) => `<tr><td>${escapeHtml(p.name)}</td><td>${num(p.rangeRatio, 3)}</td><td>${p.identified ? 'yes' : 'no'}</td></tr>`).join('\n');
  return `<section class="calibration">
<h2>Calibration: the 2010 → 2024 hindcast</h2>
<p>History matching over ${c.parameters.length} parameters (uniform priors over their declared ranges) against ${a.finalTargets.length} targets:
${a.designRuns} design runs in ${c.waves.length} wave(s), stopped by <em>${escapeHtml(a.stopReason)}</em>; ${a.accepted} parameter sets not ruled out
(cut-off ${c.settings.cutoff} on the ${c.settings.implausibilityRank === 1 ? 'largest' : `${c.settings.implausibilityRank === 2 ? '2nd' : '3rd'} largest`} target implausibility).
At the representative point (${escapeHtml(c.representative?.choice ?? 'none')}${c.representative?.run !== null && c.representative ? `, run ${c.representative.run}` : ''}): ${met} of ${cal} calibration targets met, ${heldMet} of ${held} held-out targets met.
${identified.length ? `The targets identify ${identified.length} parameter(s): ${identified.map(escapeHtml).join(', ')}; the others stay as free as their prior.` : 'No parameter is identified (range ratio ≤ 0.8).'}</p>
<table><thead><tr><th>wave</th><th>runs</th><th>not ruled out</th><th>share</th></tr></thead><tbody>
${waveRows}
</tbody></table>
<h3>Targets</h3>
<p>Tolerance = observation ± 3 sqrt(V_obs + V_disc); "best reached" is the smallest implausibility of the target over the last wave's runs (above 3: no run of that wave reaches it).</p>
<table><thead><tr><th>target</th><th>use</th><th>observed [stated interval]</th><th>tolerance</th><th>simulated [95% CI]</th><th>implausibility</th><th>best reached</th><th>met</th><th>source</th></tr></thead><tbody>
${targetRows}
</tbody></table>
${svgs['calibration-targets'] ?? ''}
<h3>Parameters</h3>
${svgs['calibration-marginals'] ?? ''}
<details><summary>Identification of every parameter (range ratio: 90% range of the sample over 90% of the prior)</summary>
<table><thead><tr><th>parameter</th><th>range ratio</th><th>identified</th></tr></thead><tbody>
${idRows}
</tbody></table></details>
</section>`;
}

/** The self-contained calibration page. */
export function calibrationPageHtml(inputs: CalibrationReportInputs, svgs: Readonly<Record<string, string>>): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>talentsim calibration</title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.85em; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
tr.miss td:first-child { color: #b00; }
td.src { color: #666; font-size: 0.9em; max-width: 360px; }
svg { max-width: 100%; height: auto; }
</style></head><body>
<h1>talentsim calibration</h1>
${calibrationSectionHtml(inputs, svgs)}
</body></html>
`;
}

/** Renders the charts (dir/charts/calibration-*.svg|png) and writes dir/calibration.html; returns the files. */
export async function writeCalibrationReport(dir: string): Promise<{ page: string; charts: RenderedChart[] }> {
  const inputs = await readCalibrationFolder(dir);
  const specs = calibrationSpecs(inputs);
  const charts = await renderCharts(specs, dir);
  const svgs: Record<string, string> = {};
  for (const c of charts) svgs[c.name] = await readFile(c.svg, 'utf8');
  const page = join(dir, 'calibration.html');
  await writeFileAtomic(page, calibrationPageHtml(inputs, svgs));
  return { page, charts };
}

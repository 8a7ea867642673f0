// The full known-answer check of the calibration on the real model (docs/calibration.md): observations made
// by the model at known values of five parameters, calibrated over them and two the targets cannot see, on
// the hindcast county with every calibration target. Writes DIR/posterior.csv, calibration.json, runs.csv,
// known-answer.json (each parameter: known value, 90% range, identified, inside) and
// charts/known-answer-marginals.svg|png (the sample against the prior, the known value marked).
// `npm run build && node scripts/known-answer.mjs [--out DIR] [--runs-per-wave N] [--waves W] [--workers K]`
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadScenario } from '../dist/scenario/index.js';
import { KNOWN_INERT, KNOWN_TRUTH, knownAnswer } from '../dist/talent/calibration/known-answer.js';
import { HINDCAST_TARGETS } from '../dist/talent/calibration/hindcast-targets.js';
import { calibrationRecord } from '../dist/experiment/calibration/calibration-report.js';
import { posteriorFromResult } from '../dist/experiment/calibration/posterior.js';
import { marginalsSpec } from '../dist/report/calibration-report.js';
import { renderCharts } from '../dist/report/render.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const out = opt('out', 'out/known-answer');
const runsPerWave = Number(opt('runs-per-wave', 300));
const maxWaves = Number(opt('waves', 3));
const workers = Number(opt('workers', 2));
const scenario = loadScenario('hindcast-2010');
const parameters = [...Object.keys(KNOWN_TRUTH), ...KNOWN_INERT];
const started = Date.now();
const r = await knownAnswer({
  scenario,
  truth: KNOWN_TRUTH,
  parameters,
  targets: HINDCAST_TARGETS.filter((t) => t.use === 'calibration'),
  replicates: 3,
  workers,
  outDir: out,
  settings: { seed: 1, runsPerWave, maxWaves, implausibilityRank: 2 },
});
await mkdir(out, { recursive: true });
const summary = {
  truth: KNOWN_TRUTH,
  runs: r.result.totalRuns,
  waves: r.result.waves.map((w) => ({ wave: w.wave, runs: w.runs, nonImplausible: w.nonImplausible })),
  accepted: r.result.accepted.length,
  truthRegion: r.truthRegion,
  parameters: r.parameters,
  unidentified: r.unidentified,
  seconds: (Date.now() - started) / 1000,
};
await writeFile(join(out, 'known-answer.json'), JSON.stringify(summary, null, 2) + '\n');
const record = calibrationRecord(r.result);
const cols = posteriorFromResult(r.result);
const posterior = Object.fromEntries(cols.parameters.map((p) => [p, cols.rows.map((row) => row.values[p])]));
await renderCharts({ 'known-answer-marginals': marginalsSpec({ calibration: record, posterior }, parameters, KNOWN_TRUTH) }, out);
console.log(JSON.stringify({ ...summary, parameters: summary.parameters.map((p) => `${p.name}: ${p.truth} in [${p.q05}, ${p.q95}] ${p.identified ? 'identified' : 'not identified'} ${p.inside ? 'inside' : 'OUTSIDE'}`) }, null, 2));

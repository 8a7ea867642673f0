// Measures the explorer side by side with Node: the page's default run (5 replicates x 30 years of the
// default county, baseline and the organizational-fortification preset) in headless Chromium, with the
// page's own worker count and with one worker, then the same 10 replicates in Node on one thread.
// Needs `npm run build && npm run build:explorer` and /usr/bin/chromium. Prints one JSON object.
//   node explorer/measure.mjs [--repeat N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveExplorer } from '../dist/cli/commands/explore.js';
import { runReplicate } from '../dist/experiment/replicate.js';
import { loadScenario } from '../dist/scenario/index.js';

const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 1;
const server = await serveExplorer(undefined, 0);
const profile = mkdtempSync(join(tmpdir(), 'talentsim-measure-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Seconds from clicking Run to the last chart update, on a freshly loaded page, warmed up and idle for `idleMs`. */
async function browserRun(query, idleMs = 3000) {
  const page = await context.newPage();
  await page.goto(server.url + query);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 120_000 });
  await page.waitForSelector('body[data-warm="true"]', { state: 'attached', timeout: 120_000 });
  await page.waitForTimeout(idleMs);
  await page.click('#run');
  await page.waitForSelector('body[data-run-state="done"]', { state: 'attached', timeout: 600_000 });
  const ms = Number(await page.getAttribute('body', 'data-run-ms'));
  const workers = await page.evaluate(() => Math.min(4, navigator.hardwareConcurrency || 2));
  await page.close();
  return { seconds: ms / 1000, workers };
}

/** The same 10 replicates on this thread, after the warm-up the page gives its workers (3 villages, 2 years). */
function nodeRun() {
  const scenarios = [loadScenario('baseline'), loadScenario('organizational-fortification')];
  const b = scenarios[0];
  runReplicate({ ...b, name: 'warm-up', years: 2, county: { ...b.county, villages: 3, population: 4500 } }, 0);
  const t0 = performance.now();
  for (let r = 0; r < 5; r++) for (const s of scenarios) runReplicate(s, r);
  return (performance.now() - t0) / 1000;
}

const rows = [];
for (let i = 0; i < repeat; i++) {
  const page = await browserRun('');
  const oneWorker = await browserRun('?workers=1');
  const node = nodeRun();
  rows.push({ browserSeconds: page.seconds, browserWorkers: page.workers, browserOneWorkerSeconds: oneWorker.seconds, nodeOneThreadSeconds: node, oneWorkerOverNode: oneWorker.seconds / node });
}
await context.close();
await server.close();
rmSync(profile, { recursive: true, force: true });
const r3 = (x) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({ replicates: 5, years: 30, runs: 10, rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, r3(v)]))) }, null, 1));

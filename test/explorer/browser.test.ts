/**
 * The explorer in headless Chromium (Debian's build), served by the real `talentsim explore`: move a
 * slider, run 5 replicates against the baseline and watch the charts fill, switch zh/en, paste YAML, then
 * download the scenario (it validates with the CLI) and the rows (one replicate of each scenario equals
 * what `talentsim run` writes, byte for byte). No console error and no request beyond the page's origin.
 * Prints the measured run time (5 replicates × 30 years of the default county, baseline and policy).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, talentsim } from '../cli/cli-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
// Outside CI a missing browser skips this test (install: apt-get install -y chromium); in CI it must run.
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.warn(`explorer browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium); it runs in CI`);

const REPLICATES = 5;
// The run takes seconds on a quiet machine; the bound leaves room for a loaded 2-core CI box (not a target).
const RUN_TIMEOUT = 300_000;

describe.skipIf(skip)('the explorer in headless Chromium', () => {
  let server: ChildProcess;
  let origin: string;
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  let yamlPath = '';
  let csvPath = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talentsim-explorer-'));
    server = spawn(process.execPath, [BIN, 'explore', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d) => {
        out += d;
        const m = /explorer: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1]);
      });
      server.stderr!.on('data', (d) => (out += d));
      server.on('exit', () => reject(new Error(`talentsim explore exited: ${out}`)));
    });
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'en-GB',
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Report CSP violations as console errors too (an init script is not subject to the page's CSP).
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    context.on('request', (r) => requests.push(r.url()));
    context.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    context.on('weberror', (e) => errors.push(String(e.error())));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('worker', (w) => w.on('console', (m) => void (m.type() === 'error' && errors.push(`worker: ${m.text()}`))));
    await page.goto(`${origin}/`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows each lever\'s spending live as a slider moves, and disables Run over the budget cap', async () => {
    expect(await page.textContent('#run')).toBe('Run');
    const slider = page.locator('input[type="range"][data-lever="cultural_programmes"]');
    await slider.fill('0.5');
    expect(await page.inputValue('input[data-lever-value="cultural_programmes"]')).toBe('0.5');
    expect(await page.textContent('[data-spend="cultural_programmes"]')).toBe('30,000 yuan per village per year · 1,080,000 per county');
    expect(await page.textContent('[data-spend="young_talent_stipend"]')).toBe('off');
    expect(await page.textContent('[data-spend="first_secretary"]')).toMatch(/^80,000 yuan per dispatched secretary-year · spending known after a run$/);
    expect(await page.inputValue('#name')).toBe('organizational-fortification-custom');
    await page.fill('#budget', '1000');
    expect(await page.isDisabled('#run')).toBe(true);
    expect(await page.textContent('#budget-warning')).toMatch(/exceeds the cap 1,000 yuan per village per year/);
    await page.fill('#budget', '');
    expect(await page.isDisabled('#run')).toBe(false);
    expect(await page.textContent('#budget-warning')).toBe('');
  });

  it(`runs ${REPLICATES} replicates × 30 years against the baseline, the charts filling as replicates finish`, async () => {
    const marks = () => page.$$eval('.chart', (els) => els.map((el) => el.querySelectorAll('svg path').length));
    const empty = await marks();
    expect(empty).toHaveLength(6);
    // As a user would: the page has been open a moment, its workers have loaded and warmed up.
    await page.waitForSelector('body[data-warm="true"]', { state: 'attached', timeout: 60_000 });
    await page.click('#run');
    await page.waitForSelector('.chart[data-replicates="1"]', { state: 'attached', timeout: RUN_TIMEOUT });
    const firstLine = await page.$eval('.chart[data-chart="members_full"] svg', (s) => s.innerHTML);
    await page.waitForSelector('body[data-run-state="done"], body[data-run-state="failed"]', { state: 'attached', timeout: RUN_TIMEOUT });
    expect(await page.getAttribute('body', 'data-run-state')).toBe('done');
    expect(await page.getAttribute('#progress', 'data-done')).toBe(String(REPLICATES));
    expect(await page.textContent('#progress')).toBe(`${REPLICATES} of ${REPLICATES} replicates finished`);
    const sizes = await page.$$eval('.chart', (els) =>
      els.map((el) => ({ n: el.getAttribute('data-replicates'), w: el.querySelector('svg')?.getBoundingClientRect().width ?? 0, paths: el.querySelectorAll('svg path').length })),
    );
    for (const [i, s] of sizes.entries()) {
      expect(s.n).toBe(String(REPLICATES));
      expect(s.w).toBeGreaterThan(200);
      expect(s.paths).toBeGreaterThan(empty[i]);
    }
    expect(await page.$eval('.chart[data-chart="members_full"] svg', (s) => s.innerHTML)).not.toBe(firstLine);
    const ms = Number(await page.getAttribute('body', 'data-run-ms'));
    const modelMs = Number(await page.getAttribute('body', 'data-model-ms'));
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(`explorer: ${REPLICATES} replicates x 30 years of the default county (baseline + policy, ${2 * REPLICATES} runs) in ${(ms / 1000).toFixed(1)} s in Chromium (model time ${(modelMs / 1000).toFixed(1)} s over ${Math.min(4, workers)} workers)`);
    expect(await page.textContent('[data-spend="first_secretary"]')).toMatch(/ · last run: [\d,]+ yuan per village per year · [\d,]+ per county$/);
  }, RUN_TIMEOUT + 30_000);

  it('switches between Chinese and English, charts included', async () => {
    await page.click('#lang-toggle');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('#run')).toBe('运行');
    expect(await page.textContent('#progress')).toBe(`已完成 ${REPLICATES} / ${REPLICATES} 次重复`);
    await page.waitForFunction(() => [...document.querySelectorAll('.chart svg')].every((s) => s.textContent?.includes('年份')), undefined, { timeout: 30_000 });
    expect(await page.getAttribute('.chart[data-chart="members_full"]', 'data-replicates')).toBe(String(REPLICATES));
    await page.click('#lang-toggle');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#run')).toBe('Run');
  });

  it('downloads the scenario as YAML that the CLI validates, and the rows as series.csv columns', async () => {
    const [yaml] = await Promise.all([page.waitForEvent('download'), page.click('#download-yaml')]);
    yamlPath = join(dir, yaml.suggestedFilename());
    await yaml.saveAs(yamlPath);
    expect(yaml.suggestedFilename()).toBe('organizational-fortification-custom.yaml');
    const text = readFileSync(yamlPath, 'utf8');
    expect(text).toMatch(/- lever: cultural_programmes\n\s+value: 0\.5\n/);
    const v = await talentsim(['validate', yamlPath]);
    expect([v.code, v.stdout.trim()]).toEqual([0, `${yamlPath}: ok (organizational-fortification-custom)`]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    csvPath = join(dir, csv.suggestedFilename());
    await csv.saveAs(csvPath);
    expect(readFileSync(csvPath, 'utf8').split('\n')[0]).toBe('scenario,replicate,seed,year,metric,value');
  }, 60_000);

  it('gives, for replicate 0 of the policy and of the baseline, the rows talentsim run writes, byte for byte', async () => {
    const lines = readFileSync(csvPath, 'utf8').split('\n');
    const header = lines[0];
    const of = (scenario: string, replicate: number) => [header, ...lines.filter((l) => l.startsWith(`${scenario},${replicate},`))].join('\n') + '\n';
    expect(lines.filter((l) => /^baseline,4,/.test(l)).length).toBeGreaterThan(0);
    const [p, b] = await Promise.all([
      talentsim(['run', yamlPath, '--replicates', '1', '--workers', '1', '--quiet', '--out', join(dir, 'cli-policy')]),
      talentsim(['run', 'baseline', '--replicates', '1', '--workers', '1', '--quiet', '--out', join(dir, 'cli-baseline')]),
    ]);
    expect(p.code, p.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(of('organizational-fortification-custom', 0)).toBe(readFileSync(join(dir, 'cli-policy', 'series.csv'), 'utf8'));
    expect(of('baseline', 0)).toBe(readFileSync(join(dir, 'cli-baseline', 'series.csv'), 'utf8'));
  }, 180_000);

  it('takes a pasted scenario, and shows the validator\'s problems for a bad one', async () => {
    await page.click('details > summary');
    await page.fill('#paste', 'name: small\nextends: baseline\nyeras: 3\n');
    await page.click('#paste-use');
    await page.waitForSelector('#issues li', { state: 'attached' });
    expect(await page.textContent('#issues')).toMatch(/pasted YAML: yeras: unknown key.*did you mean `years`/);
    await page.click('details > summary').catch(() => undefined);
    if (!(await page.isVisible('#paste'))) await page.click('details > summary');
    await page.fill('#paste', 'name: small\nextends: cultural-identity\nyears: 3\ncounty: { name: Small county, villages: 3, population: 3000 }\n');
    await page.click('#paste-use');
    await page.waitForFunction(() => (document.getElementById('county') as HTMLSelectElement | null)?.value === 'pasted');
    expect(await page.inputValue('#years')).toBe('3');
    expect(await page.inputValue('#preset')).toBe('pasted');
    expect(await page.inputValue('input[data-lever-value="cultural_programmes"]')).toBe('1');
    expect(await page.textContent('#issues')).toBe('');
  });

  it('also works opened from disk (the address `talentsim explore --no-serve` prints)', async () => {
    const file = await context.newPage();
    const fileErrors: string[] = [];
    file.on('pageerror', (e) => fileErrors.push(String(e)));
    file.on('console', (m) => void (m.type() === 'error' && fileErrors.push(m.text())));
    await file.goto(pathToFileURL(join(ROOT, 'explorer', 'dist', 'index.html')).href + '?warmup=0');
    await file.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
    await file.fill('#years', '2');
    await file.dispatchEvent('#years', 'change');
    await file.fill('#replicates', '1');
    await file.dispatchEvent('#replicates', 'change');
    await file.click('#run');
    await file.waitForSelector('body[data-run-state="done"], body[data-run-state="failed"]', { state: 'attached', timeout: RUN_TIMEOUT });
    expect(await file.textContent('#progress')).toBe('1 of 1 replicates finished');
    expect(fileErrors).toEqual([]);
    await file.close();
  }, RUN_TIMEOUT);

  it('logged no console error and requested nothing beyond its own origin', () => {
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    const served = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:null/'));
    for (const u of served) expect(new URL(u).origin, u).toBe(origin);
    expect(served.filter((u) => !u.startsWith('blob:'))).toEqual([`${origin}/`]);
    // The page opened from disk requested only itself (and its workers' blob: scripts).
    expect(requests.filter((u) => u.startsWith('file:')).map((u) => u.replace(/\?.*$/, ''))).toEqual([pathToFileURL(join(ROOT, 'explorer', 'dist', 'index.html')).href]);
  });
});

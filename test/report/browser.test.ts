import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSpecs, writeReport } from '../../src/report/index.js';
import { syntheticInputs } from './synthetic.js';
import { syntheticRobustnessRows } from './synthetic-robustness.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
// Outside CI a missing browser skips this test (install: apt-get install -y chromium); in CI it must run.
const skip = !haveChromium && !process.env.CI;
if (skip) console.warn(`report browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium); it runs in CI`);

describe.skipIf(skip)('report.html in headless Chromium', () => {
  let dir: string;
  let browser: Browser | undefined;
  const inputs = syntheticInputs({ replicates: 5, years: 20 });
  const charts = Object.keys(reportSpecs(inputs)).length;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talentsim-browser-'));
    await writeReport(dir, inputs);
    await writeReport(join(dir, 'robust'), { ...inputs, robustness: syntheticRobustnessRows });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Opens `file` and checks that all `expected` charts render with marks, no console error and no outside request. */
  async function checkRenders(file: string, expected: number): Promise<void> {
    const page = await browser!.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-charts-ready="true"]', { timeout: 20_000 });

    const sizes = await page.$$eval('div.chart', (els) => els.map((el) => {
      const g = el.querySelector('svg, canvas');
      const r = g?.getBoundingClientRect();
      return { name: el.getAttribute('data-chart'), w: r?.width ?? 0, h: r?.height ?? 0, marks: el.querySelectorAll('svg path, svg rect, svg line').length };
    }));
    expect(sizes).toHaveLength(expected);
    for (const s of sizes) {
      expect(s.w, `${s.name} width`).toBeGreaterThan(100);
      expect(s.h, `${s.name} height`).toBeGreaterThan(100);
      expect(s.marks, `${s.name} marks`).toBeGreaterThan(10);
    }
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  }

  it('renders every chart with no console error and no request beyond the file itself', async () => {
    await checkRenders(join(dir, 'report.html'), charts);
  }, 40_000);

  it('renders the robustness section\'s chart too when robustness rows are given', async () => {
    await checkRenders(join(dir, 'robust', 'report.html'), charts + 1);
  }, 40_000);
});

#!/usr/bin/env node
/**
 * Makes the screenshots in docs/report.md: the report (a real comparison of the built-in scenarios) in
 * English and Chinese at desktop and phone width, and the explorer after a short run, in both languages at
 * both widths. Needs the build (`npm run build && npm run build:explorer`) and Chromium.
 * Run: `node scripts/screenshots.mjs [--out docs/screenshots] [--years 20] [--replicates 4]`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const out = resolve(arg('out', join(ROOT, 'docs', 'screenshots')));
const years = arg('years', '20');
const replicates = arg('replicates', '4');
const CHROMIUM = '/usr/bin/chromium';
const explorer = join(ROOT, 'explorer', 'dist', 'index.html');
for (const [file, fix] of [[join(ROOT, 'dist', 'index.js'), 'npm run build'], [explorer, 'npm run build:explorer'], [CHROMIUM, 'apt-get install chromium']]) {
  if (!existsSync(file)) throw new Error(`${file} not found: run ${fix} first`);
}
mkdirSync(out, { recursive: true });

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 400, height: 820 };
const talentsim = (...args) => execFileSync(process.execPath, [join(ROOT, 'bin', 'talentsim.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });

const tmp = mkdtempSync(join(tmpdir(), 'talentsim-screenshots-'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const shots = [];
try {
  // The report: one comparison of the built-in scenarios, its report rebuilt in each language.
  const run = join(tmp, 'compare');
  talentsim('compare', '--years', years, '--replicates', replicates, '--quiet', '--no-report', '--out', run);
  for (const lang of ['en', 'zh']) {
    talentsim('report', run, '--lang', lang);
    for (const [kind, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(join(run, 'report.html')).href);
      await page.waitForSelector('body[data-charts-ready="true"]', { timeout: 60_000 });
      const file = join(out, `report-${lang}-${kind}.png`);
      await page.screenshot({ path: file });
      shots.push(file);
      // a second view on the desktop: the charts
      if (kind === 'desktop') {
        await page.locator('#charts').scrollIntoViewIfNeeded();
        await page.evaluate(() => document.querySelector('[data-chart="members-over-time"]').scrollIntoView());
        const charts = join(out, `report-${lang}-charts.png`);
        await page.screenshot({ path: charts });
        shots.push(charts);
      }
      await page.close();
    }
  }
  // The explorer: a short run (2 replicates) of the default preset, then each language at each width.
  const page = await browser.newPage({ viewport: DESKTOP, deviceScaleFactor: 1, locale: 'en-GB' });
  await page.goto(`${pathToFileURL(explorer).href}?workers=2`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
  await page.fill('#replicates', '2');
  await page.dispatchEvent('#replicates', 'change');
  await page.click('#run');
  await page.waitForSelector('body[data-run-state="done"]', { state: 'attached', timeout: 300_000 });
  for (const lang of ['en', 'zh']) {
    if ((await page.getAttribute('html', 'lang')) !== (lang === 'zh' ? 'zh-CN' : 'en')) {
      await page.click('#lang-toggle');
      await page.waitForFunction((word) => [...document.querySelectorAll('.chart svg')].every((s) => s.textContent?.includes(word)), lang === 'zh' ? '年份' : 'Year', { timeout: 30_000 });
    }
    for (const [kind, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(800); // charts re-fit to the new width
      // the desktop shows controls and charts side by side; on a phone the charts come below the controls
      if (kind === 'phone') await page.evaluate(() => document.querySelector('#charts').scrollIntoView());
      else await page.evaluate(() => window.scrollTo(0, 0));
      const file = join(out, `explorer-${lang}-${kind}.png`);
      await page.screenshot({ path: file });
      shots.push(file);
    }
  }
  await page.close();
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
for (const f of shots) console.log(`wrote ${f}`);

// report.html and the one-page summaries in headless Chromium (Debian's): every chart renders in English
// and in Chinese with no console error and no request beyond the file; Chinese text is drawn with a CJK
// font (the platform font Chromium used for it, and its width against empty boxes); the layout has no
// horizontal page overflow at 400 and 1400 px; tooltips appear on hover; each summary prints on one A4 page.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFonts, reportSpecs, writeReport, writeSummaries } from '../../src/report/index.js';
import { syntheticInputs } from './synthetic.js';
import { syntheticRobustnessRows } from './synthetic-robustness.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
// Outside CI a missing browser (or CJK font) skips this test (install: apt-get install -y chromium fonts-noto-cjk); in CI it must run.
const skip = !haveChromium && !process.env.CI;
if (skip) console.warn(`report browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium); it runs in CI`);
const noCjk = findFonts().cjk.length === 0 && !process.env.CI;
if (noCjk && !skip) console.warn('report browser test: the Chinese glyph checks are skipped, no CJK font installed (apt-get install fonts-noto-cjk); they run in CI');

/** Chromium's flags for tests: headless, no sandbox (root in CI), nothing fetched in the background. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

describe.skipIf(skip)('report.html in headless Chromium', () => {
  let dir: string;
  let browser: Browser | undefined;
  const inputs = syntheticInputs({ replicates: 5, years: 20 });
  const charts = Object.keys(reportSpecs(inputs)).length;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talentsim-browser-'));
    await writeReport(join(dir, 'en'), inputs);
    await writeReport(join(dir, 'zh'), { ...inputs, lang: 'zh' });
    await writeReport(join(dir, 'robust'), { ...inputs, robustness: syntheticRobustnessRows });
    await writeSummaries(dir, inputs);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Opens `file` at a viewport width; collects console errors and requests. */
  async function open(file: string, width = 1400): Promise<{ page: Page; errors: string[]; requests: string[]; url: string }> {
    const page = await browser!.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-charts-ready="true"]', { timeout: 30_000 });
    return { page, errors, requests, url };
  }

  /** Opens `file` and checks that all `expected` charts render with marks, no console error and no outside request. */
  async function checkRenders(file: string, expected: number): Promise<void> {
    const { page, errors, requests, url } = await open(file);
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

  it('renders every chart of the English report with no console error and no request beyond the file itself', async () => {
    await checkRenders(join(dir, 'en', 'report.html'), charts);
  }, 60_000);

  it('renders every chart of the Chinese report the same way', async () => {
    await checkRenders(join(dir, 'zh', 'report.html'), charts);
  }, 60_000);

  it('renders the robustness section\'s chart too when robustness rows are given', async () => {
    await checkRenders(join(dir, 'robust', 'report.html'), charts + 1);
  }, 60_000);

  it.skipIf(noCjk)('draws Chinese headings and chart text with a CJK font, not empty boxes', async () => {
    const { page } = await open(join(dir, 'zh', 'report.html'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    /** The platform fonts Chromium drew a node's text with, and how many glyphs from each. */
    const fontsOf = async (selector: string) => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      expect(nodeId, selector).toBeGreaterThan(0);
      return (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts;
    };
    const heading = await fontsOf('#summary h2'); // 决策摘要
    expect(heading.map((f) => f.familyName).join(', ')).toMatch(/Noto Sans CJK|Source Han|WenQuanYi|Droid Sans Fallback/);
    expect(heading.reduce((n, f) => n + f.glyphCount, 0)).toBe(4);
    // a chart's Chinese title, inside vega's SVG
    const titles = await page.$$eval('[data-chart="members-over-time"] svg text', (ts) => ts.map((t) => t.textContent));
    expect(titles).toContain('全县正式党员人数变化');
    const svgFonts = await fontsOf('[data-chart="members-over-time"] svg .role-title-text text');
    expect(svgFonts.map((f) => f.familyName).join(', ')).toMatch(/Noto Sans CJK|Source Han|WenQuanYi|Droid Sans Fallback/);
    // and the width of real glyphs: a CJK character is about 1 em wide; a missing one falls back to a
    // box (or nothing) of another width. 4 characters at 20 px: 80 px for glyphs of a CJK font.
    const width = await page.evaluate(() => {
      const s = document.createElement('span');
      s.style.cssText = 'font-size:20px;position:absolute;white-space:nowrap';
      s.textContent = '决策摘要';
      document.body.append(s);
      const w = s.getBoundingClientRect().width;
      s.remove();
      return w;
    });
    expect(Math.abs(width - 80)).toBeLessThan(4);
    await page.close();
  }, 60_000);

  for (const lang of ['en', 'zh'] as const) {
    for (const width of [400, 1400]) {
      it(`has no horizontal page overflow at ${width} px (${lang}): tables scroll in their box, charts fit`, async () => {
        const { page, errors } = await open(join(dir, lang, 'report.html'), width);
        const m = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
          charts: [...document.querySelectorAll('div.chart')].map((el) => {
            const svg = el.querySelector('svg')!.getBoundingClientRect();
            return { name: el.getAttribute('data-chart'), right: svg.right, width: svg.width };
          }),
          tables: [...document.querySelectorAll('.table-wrap')].map((el) => ({ box: el.clientWidth, content: el.scrollWidth, overflow: getComputedStyle(el).overflowX })),
        }));
        expect(m.scroll).toBeLessThanOrEqual(m.client);
        for (const t of m.tables) expect(t.overflow).toBe('auto'); // a wide table scrolls inside its box
        if (width === 400) {
          // charts are fitted to the screen, not cut: every chart's drawing ends inside the page
          for (const c of m.charts) expect(c.right, `${c.name} right edge`).toBeLessThanOrEqual(m.client + 1);
          expect(m.tables.some((t) => t.content > t.box)).toBe(true); // the main table is wider than a phone
        } else {
          // on a wide screen the single charts fill the column
          const members = m.charts.find((c) => c.name === 'members-over-time')!;
          expect(members.width).toBeGreaterThan(900);
        }
        expect(errors).toEqual([]);
        await page.close();
      }, 60_000);
    }
  }

  it('shows a tooltip when the pointer is over a data point', async () => {
    const { page } = await open(join(dir, 'en', 'report.html'));
    for (const [chart, expected] of [['members-over-time', 'Scenario'], ['pathway-effects', 'Difference']] as const) {
      const point = page.locator(`[data-chart="${chart}"] svg .mark-symbol path`).first();
      await point.scrollIntoViewIfNeeded();
      const box = (await point.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tip = page.locator('#vg-tooltip-element.visible');
      await tip.waitFor({ state: 'visible', timeout: 5_000 });
      expect(await tip.textContent()).toContain(expected);
      await page.mouse.move(1, 1);
    }
    await page.close();
  }, 60_000);

  it('prints each one-page summary on exactly one A4 page', async () => {
    const countPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    // the counter counts: the full report is many pages
    const full = await open(join(dir, 'en', 'report.html'), 1000);
    expect(countPages(await full.page.pdf({ format: 'A4' }))).toBeGreaterThan(3);
    await full.page.close();
    for (const lang of ['en', 'zh']) {
      const { page, errors } = await open(join(dir, `summary.${lang}.html`), 1000);
      expect(await page.locator('.summary-table tbody tr').count()).toBe(inputs.scenarios.length);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(countPages(pdf), `summary.${lang}.html`).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 60_000);
});

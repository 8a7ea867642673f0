// The bilingual report through the real binary: `compare … --lang zh` writes a report whose headings and
// reading are Chinese, summaries in both languages, and PNG charts with Chinese text; `report DIR --lang en`
// rewrites it in English; `run --lang` writes a report too. (Issue 19's "done when".)
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFonts } from '../../src/report/fonts.js';
import { decodePng } from '../report/png.js';
import { talentsim, tempDir, tinyScenarios } from './cli-helpers.js';

const noCjk = findFonts().cjk.length === 0 && !process.env.CI;
if (noCjk) console.warn('Chinese report test skipped: no CJK font under /usr/share/fonts (apt-get install fonts-noto-cjk); it runs in CI');

/** The text of every <h2> of the page (before the inlined libraries, whose code mentions <h2> too) and of the reading list. */
function headings(html: string): string[] {
  return [...html.slice(0, html.indexOf('<script')).matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
}
function reading(html: string): string {
  const i = html.indexOf('<ul class="reading">');
  return html.slice(i, html.indexOf('</ul>', i));
}

describe.skipIf(noCjk)('talentsim compare --lang zh', () => {
  it('writes a Chinese report, both one-page summaries and Chinese PNG charts; report --lang en rewrites it in English', async () => {
    const out = tempDir();
    const r = await talentsim(['compare', 'baseline', 'cultural-identity', '--years', '10', '--replicates', '4', '--lang', 'zh', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`summary: ${join(out, 'summary.en.html')}, ${join(out, 'summary.zh.html')}`);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(headings(html)).toEqual(['决策摘要', '结果解读', '情景说明', '2035年主要结果', '哪条路径最好？结论是否经得起不确定性？', '图表', '运行信息']);
    const text = reading(html);
    expect(text).toMatch(/<li>到2035年，/);
    expect(text).toContain('厚植文化认同'); // the pathway's declared label
    expect(text).toContain('基线'); // the baseline's own title
    expect(text).not.toMatch(/\b(by|over|replicates|baseline)\b/); // no English left in the reading
    expect(html).toContain('"font":"\\"DejaVu Sans\\", \\"Noto Sans CJK SC\\"'); // charts name the CJK fonts
    for (const lang of ['zh', 'en']) expect(existsSync(join(out, `summary.${lang}.html`))).toBe(true);
    expect(readFileSync(join(out, 'summary.en.html'), 'utf8')).toContain('Summary for decision-makers');
    // PNG charts carry the Chinese title, drawn: the SVG names it and the PNG is a real image
    const svg = readFileSync(join(out, 'charts', 'members-over-time.svg'), 'utf8');
    expect(svg).toContain('全县正式党员人数变化');
    const png = decodePng(readFileSync(join(out, 'charts', 'members-over-time.png')));
    expect(png.width).toBeGreaterThan(800);
    // the cost-effectiveness chart at a sane width (it was 3,306 px with a gap)
    expect(decodePng(readFileSync(join(out, 'charts', 'cost-effectiveness.png'))).width).toBeLessThan(1400);

    const en = await talentsim(['report', out, '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    expect(headings(page)).toEqual(['Summary for decision-makers', 'Reading', 'Scenarios', 'Main outcomes in 2035', 'Which pathway is best, and does the conclusion survive?', 'Charts', 'Run']);
    expect(reading(page)).toContain('Cultural identity');
    expect(readFileSync(join(out, 'charts', 'members-over-time.svg'), 'utf8')).toContain('Full Party members in the county over time');
  }, 240_000);

  it('takes the report language from the scenario file when no --lang is given', async () => {
    const dir = tempDir();
    const { base } = tinyScenarios(dir);
    const zh = join(dir, 'zh.yaml');
    writeFileSync(zh, `extends: ./tiny.yaml\nname: baseline\nlang: zh\ntitle: { en: Tiny county, zh: 小县 }\n`);
    const out = join(dir, 'out');
    const r = await talentsim(['run', zh, '--report', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('小县');
    expect(base).toBeTruthy();
  }, 120_000);
});

describe('talentsim run --lang / report of a scenario with its own language', () => {
  it('writes a report for one scenario when a language is asked for, and takes the default language from the scenario', async () => {
    const dir = tempDir();
    const { base } = tinyScenarios(dir);
    const out = join(dir, 'run');
    const r = await talentsim(['run', base, '--lang', 'en', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(out, 'report.html')).size).toBeGreaterThan(1000);
    const plain = await talentsim(['run', base, '--out', join(dir, 'plain'), '--quiet']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(existsSync(join(dir, 'plain', 'report.html'))).toBe(false); // as before: run writes no report unless asked
  }, 120_000);

  it('refuses an unknown language with a usage error', async () => {
    const r = await talentsim(['report', tempDir(), '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lang/);
  });
});

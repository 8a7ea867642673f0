// Chinese charts render with a CJK font the project installs (fonts-noto-cjk): the PNG's title region has
// real glyphs — much more ink than the empty boxes ("tofu") the same text gets from a Latin-only font —
// and without any CJK font the renderer stops with a message saying what to install instead of drawing boxes.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faceFamilies, findFonts, hasCjk, membersOverTimeSpec, MissingFontError, renderCharts, specToSvg, subsetFont, svgToPng } from '../../src/report/index.js';
import { decodePng, type DecodedPng } from './png.js';
import { syntheticInputs } from './synthetic.js';

const fonts = findFonts();
// Outside CI a machine without a CJK font skips the glyph test (install: apt-get install fonts-noto-cjk); in CI it must run.
const skip = fonts.cjk.length === 0 && !process.env.CI;
if (skip) console.warn('CJK glyph test skipped: no CJK font under /usr/share/fonts (apt-get install fonts-noto-cjk); it runs in CI');

const inputs = syntheticInputs({ replicates: 3, years: 5, scenarios: ['baseline', 'cultural-identity'] });
const zhSpec = membersOverTimeSpec(inputs.series, { lang: 'zh' });

/** Dark pixels (red channel < 160) in rows [y0, y1). */
function ink(img: DecodedPng, y0: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = 0; x < img.width; x++) if (img.rgba[4 * (y * img.width + x)] < 160) n++;
  return n;
}

describe('Chinese text in PNG charts', () => {
  let dir: string;
  let empty: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talentsim-cjk-'));
    empty = await mkdtemp(join(tmpdir(), 'talentsim-nofonts-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(empty, { recursive: true, force: true });
  });

  it.skipIf(skip)('draws the Chinese title with CJK glyphs, not empty boxes', async () => {
    expect(fonts.cjk.some((f) => /NotoSansCJK|SourceHan|wqy|DroidSansFallback|NotoSansSC/i.test(f))).toBe(true);
    const svg = await specToSvg(zhSpec);
    expect(svg).toContain('全县正式党员人数变化');
    const real = decodePng(svgToPng(svg, { scale: 1 }));
    // the same SVG with the Latin font only: every Chinese character becomes a hollow .notdef box
    const tofu = decodePng(new Resvg(svg, {
      background: 'white', fitTo: { mode: 'zoom', value: 1 },
      font: { loadSystemFonts: false, fontFiles: fonts.latin, defaultFontFamily: 'DejaVu Sans' },
    }).render().asPng());
    const band = [0, 34] as const; // title and subtitle
    const realInk = ink(real, ...band);
    const tofuInk = ink(tofu, ...band);
    expect(realInk).toBeGreaterThan(300); // glyph pixels are there
    // strokes of 全县正式党员… fill far more than box outlines: measured 961 vs 518 px; 1.4× leaves room for hinting and font versions
    expect(realInk).toBeGreaterThan(1.4 * tofuInk);
    // and the rest of the chart (axes, lines) is drawn as before
    expect(ink(real, band[1], real.height)).toBeGreaterThan(1000);
  }, 60_000);

  it.skipIf(skip)('draws the same glyphs from the cut-down font as from the full font, from a file of a few kilobytes', async () => {
    const svg = await specToSvg(zhSpec);
    const ours = decodePng(svgToPng(svg, { scale: 1 }));
    const full = decodePng(new Resvg(svg, {
      background: 'white', fitTo: { mode: 'zoom', value: 1 },
      font: { loadSystemFonts: false, fontFiles: [...fonts.latin, ...fonts.cjk], defaultFontFamily: 'DejaVu Sans' },
    }).render().asPng());
    expect([ours.width, ours.height]).toEqual([full.width, full.height]);
    let differ = 0;
    for (let i = 0; i < ours.rgba.length; i += 4) if (Math.abs(ours.rgba[i] - full.rgba[i]) > 8) differ++;
    // Not pixel-identical: from the full collection resvg falls back to its first (Japanese) face, whose
    // full-width colon and semicolon sit centred; the subset is cut from the simplified-Chinese face.
    // Measured 0.75% of the pixels; 2% bounds that, while a wrong font or missing glyphs differ far more.
    expect(differ / (ours.width * ours.height)).toBeLessThan(0.02);
    const sub = subsetFont(fonts.cjk[0], '全县正式党员');
    expect(sub.byteLength).toBeLessThan(100_000);
    expect(faceFamilies(sub)).toEqual([expect.stringMatching(/CJK SC|Hei|Han|Fallback|SC/)]);
  }, 120_000);

  it('stops with a clear message, and writes nothing, when no CJK font is installed', async () => {
    const svg = await specToSvg(zhSpec);
    expect(hasCjk(svg)).toBe(true);
    expect(() => svgToPng(svg, { fontDirs: [empty] })).toThrow(MissingFontError);
    expect(() => svgToPng(svg, { fontDirs: [empty] })).toThrow(/no CJK font found under .*talentsim-nofonts-.*Chinese text.*empty boxes.*apt-get install fonts-noto-cjk/);
    await expect(renderCharts({ 'members-over-time': zhSpec }, dir, { fontDirs: [empty] })).rejects.toThrow(MissingFontError);
    expect(await readdir(dir)).toEqual([]); // no chart, not even a temp file
  }, 60_000);

  it('renders an English chart without any CJK font (no Chinese text, nothing missing)', async () => {
    const svg = await specToSvg(membersOverTimeSpec(inputs.series));
    expect(hasCjk(svg)).toBe(false);
    const img = decodePng(svgToPng(svg, { scale: 1, fontDirs: [empty] }));
    expect(ink(img, 0, 34)).toBeGreaterThan(200); // the title, from the system's fonts
  }, 60_000);
});

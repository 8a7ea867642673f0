/**
 * Static rendering of vega-lite specs: SVG through vega's headless view, PNG through resvg with the font
 * files the project installs (DejaVu Sans; Noto Sans CJK for Chinese text, see fonts.ts), written atomically.
 */
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from './atomic-write.js';
import { fontsFor, hasCjk } from './fonts.js';

/** PNG rendering options. */
export interface PngOptions {
  /** Zoom factor over the SVG's own size (default 2, for print). */
  scale?: number;
  /** Background colour (default white). */
  background?: string;
  /** Folders searched for font files (default /usr/share/fonts and /usr/local/share/fonts). */
  fontDirs?: readonly string[];
}

/** Files written for one chart. */
export interface RenderedChart {
  name: string;
  svg: string;
  png: string;
}

/**
 * Width of a text in vega's headless layout, where no canvas measures it. vega's own estimate, 0.8 em per
 * character, is far too wide for Latin text in DejaVu Sans (about 0.6 em on average), so long titles left
 * a wide empty margin (the cost-effectiveness chart was 3,306 px wide); a CJK character is a full em.
 * Bold text is about 8% wider.
 */
function estimateWidth(item: { text?: unknown; fontSize?: number; fontWeight?: unknown }, text?: unknown): number {
  const value = text ?? item.text;
  const s = Array.isArray(value) ? value.join(' ') : value == null ? '' : String(value);
  const size = item.fontSize ?? 11;
  let ems = 0;
  for (const ch of s) ems += hasCjk(ch) ? 1 : 0.62;
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
  return Math.ceil(ems * size * (bold ? 1.08 : 1));
}

/** Renders a vega-lite spec to SVG text (headless vega view, no DOM). */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const vgSpec = compile(spec).spec;
  // vega exports textMetrics (its text measurer) without a type; it is the object its layout calls.
  const metrics = (vega as unknown as { textMetrics: { width: (item: never, text?: unknown) => number } }).textMetrics;
  const before = metrics.width;
  metrics.width = estimateWidth as never;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
    metrics.width = before;
  }
}

/**
 * Rasterises SVG text to PNG bytes, white background, ×2 by default. resvg loads the Latin font file and,
 * when the text has Chinese characters, the CJK fonts found under `fontDirs` cut down to the chart's
 * characters (a clear MissingFontError when there is none); without the Latin file it falls back to the
 * system's fonts.
 */
export function svgToPng(svg: string, options?: PngOptions): Uint8Array {
  const fonts = fontsFor(svg, options?.fontDirs);
  try {
    const resvg = new Resvg(svg, {
      background: options?.background ?? 'white',
      fitTo: { mode: 'zoom', value: options?.scale ?? 2 },
      font: { loadSystemFonts: fonts.system, fontFiles: fonts.files, defaultFontFamily: fonts.family },
    });
    return resvg.render().asPng();
  } finally {
    fonts.dispose();
  }
}

/** Chart names become file names: keep letters, digits, '-' and '_'. */
function fileStem(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  if (!s) throw new Error(`chart name ${JSON.stringify(name)} gives an empty file name`);
  return s;
}

/** Writes `dir/charts/<name>.svg` and `.png` for every spec (each file atomically); returns the paths. */
export async function renderCharts(
  specs: Readonly<Record<string, TopLevelSpec>>,
  dir: string,
  options?: PngOptions,
): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const stem = fileStem(name);
    const svg = await specToSvg(spec);
    const png = svgToPng(svg, options); // before writing anything: a missing font leaves no half-written chart
    const svgPath = join(dir, 'charts', `${stem}.svg`);
    const pngPath = join(dir, 'charts', `${stem}.png`);
    await writeFileAtomic(svgPath, svg);
    await writeFileAtomic(pngPath, png);
    out.push({ name, svg: svgPath, png: pngPath });
  }
  return out;
}

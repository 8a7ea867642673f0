/** Static rendering of vega-lite specs: SVG through vega's headless view, PNG through resvg, written atomically. */
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from './atomic-write.js';

/** PNG rendering options. */
export interface PngOptions {
  /** Zoom factor over the SVG's own size (default 2, for print). */
  scale?: number;
  /** Background colour (default white). */
  background?: string;
}

/** Files written for one chart. */
export interface RenderedChart {
  name: string;
  svg: string;
  png: string;
}

/** Renders a vega-lite spec to SVG text (headless vega view, no DOM). */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const vgSpec = compile(spec).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterises SVG text to PNG bytes with system fonts, white background, ×2 by default. */
export function svgToPng(svg: string, options?: PngOptions): Uint8Array {
  const resvg = new Resvg(svg, {
    background: options?.background ?? 'white',
    fitTo: { mode: 'zoom', value: options?.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
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
    const svgPath = join(dir, 'charts', `${stem}.svg`);
    const pngPath = join(dir, 'charts', `${stem}.png`);
    await writeFileAtomic(svgPath, svg);
    await writeFileAtomic(pngPath, svgToPng(svg, options));
    out.push({ name, svg: svgPath, png: pngPath });
  }
  return out;
}

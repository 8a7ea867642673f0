import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCharts, reportSpecs, specToSvg, svgToPng } from '../../src/report/index.js';
import { decodePng, type DecodedPng } from './png.js';
import { syntheticInputs } from './synthetic.js';

/** Distinct RGB colours among the pixels (sampled every `step` pixels). */
function distinctColours(img: DecodedPng, step = 1): number {
  const seen = new Set<number>();
  for (let i = 0; i < img.width * img.height; i += step) seen.add((img.rgba[4 * i] << 16) | (img.rgba[4 * i + 1] << 8) | img.rgba[4 * i + 2]);
  return seen.size;
}

/** Share of pixels that are not pure white. */
function inkShare(img: DecodedPng): number {
  let ink = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) if (img.rgba[4 * i] < 250 || img.rgba[4 * i + 1] < 250 || img.rgba[4 * i + 2] < 250) ink++;
  return ink / n;
}

describe('renderCharts', () => {
  let dir: string;
  const specs = reportSpecs(syntheticInputs({ replicates: 5, years: 15 }));
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talentsim-render-'));
    await renderCharts(specs, dir);
  }, 30_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one SVG and one PNG per chart and leaves no temp files', async () => {
    const files = (await readdir(join(dir, 'charts'))).sort();
    const expected = Object.keys(specs).flatMap((n) => [`${n}.png`, `${n}.svg`]).sort();
    expect(files).toEqual(expected);
  });

  it('writes PNGs at twice the SVG size, on white, with real content in many colours', async () => {
    for (const name of Object.keys(specs)) {
      const svg = await readFile(join(dir, 'charts', `${name}.svg`), 'utf8');
      const w = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
      const h = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)![1]);
      const img = decodePng(await readFile(join(dir, 'charts', `${name}.png`)));
      // ±1 px: resvg rounds the scaled size
      expect(Math.abs(img.width - 2 * w), name).toBeLessThanOrEqual(1);
      expect(Math.abs(img.height - 2 * h), name).toBeLessThanOrEqual(1);
      expect(img.width, name).toBeGreaterThan(400);
      // corner pixel is the white background, fully opaque
      expect([...img.rgba.subarray(0, 4)], name).toEqual([255, 255, 255, 255]);
      // a blank or text-only image has a handful of colours; coloured marks with anti-aliasing give hundreds
      expect(distinctColours(img, 3), name).toBeGreaterThan(50);
      const ink = inkShare(img);
      expect(ink, name).toBeGreaterThan(0.02);
      expect(ink, name).toBeLessThan(0.95);
    }
  });

  it('draws text: the SVG carries the chart title and axis titles', async () => {
    const svg = await specToSvg(specs['members-over-time']);
    expect(svg).toContain('Full Party members in the county over time');
    expect(svg).toContain('Full members (persons)');
    const img = decodePng(svgToPng(svg, { scale: 1 }));
    expect(img.width).toBeGreaterThan(500);
  });
});

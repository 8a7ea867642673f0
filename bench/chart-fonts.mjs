// Chart rasterising with Chinese text, side by side in one run: the report's seven charts of a finished
// comparison rendered to PNG (resvg) in English, in Chinese as the report does it (the CJK font cut down to
// the chart's characters), and in Chinese with the whole Noto Sans CJK collection given to resvg.
//   talentsim compare --years 10 --replicates 2 --no-report --out /tmp/cmp
//   node bench/chart-fonts.mjs /tmp/cmp [--repeat 3]
// Needs `npm run build` and fonts-noto-cjk. Prints JSON.
import { Resvg } from '@resvg/resvg-js';
import { loadavg } from 'node:os';
import { findFonts, readOutputs, reportSpecs, specToSvg, svgToPng } from '../dist/report/index.js';

const i = process.argv.indexOf('--repeat');
const repeat = i > 0 ? Number(process.argv[i + 1]) : 3;
const fonts = findFonts();
if (!fonts.cjk.length) throw new Error('no CJK font found: apt-get install fonts-noto-cjk');

const dir = process.argv[2];
if (!dir || dir.startsWith('--')) throw new Error('usage: node bench/chart-fonts.mjs OUTPUT_DIR [--repeat N]');
const out = await readOutputs(dir);
const inputs = { series: out.series, comparison: out.comparison, scenarios: out.scenarios, manifest: out.manifest, baseline: out.baseline, metrics: out.metrics };
const svgs = {};
for (const lang of ['en', 'zh']) svgs[lang] = await Promise.all(Object.values(reportSpecs({ ...inputs, lang })).map((s) => specToSvg(s)));
const full = (svg) => new Resvg(svg, { background: 'white', fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: false, fontFiles: [...fonts.latin, ...fonts.cjk], defaultFontFamily: 'DejaVu Sans' } }).render().asPng();

const time = (f) => {
  const t = performance.now();
  f();
  return (performance.now() - t) / 1000;
};
svgToPng(svgs.zh[0]); // load the subsetter and the collection once, as a report run does for its first chart
const rows = [];
for (let r = 0; r < repeat; r++) {
  rows.push({
    en: time(() => svgs.en.forEach((s) => svgToPng(s))),
    zhSubset: time(() => svgs.zh.forEach((s) => svgToPng(s))),
    zhFullFont: time(() => svgs.zh.forEach((s) => full(s))),
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = Object.fromEntries(['en', 'zhSubset', 'zhFullFont'].map((k) => [k, Number(median(rows.map((x) => x[k])).toFixed(2))]));
console.log(JSON.stringify({
  charts: svgs.zh.length, repeat, loadavg: loadavg().map((x) => Number(x.toFixed(1))), seconds: m,
  zhSubsetOverEn: Number((m.zhSubset / m.en).toFixed(2)), zhFullOverSubset: Number((m.zhFullFont / m.zhSubset).toFixed(1)), runs: rows,
}));

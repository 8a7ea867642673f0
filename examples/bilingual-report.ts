/**
 * A report from code, in Chinese, with a section of your own: run a small comparison into a folder, then
 * rebuild its report in the language you choose and add a section (here a note for the township with a
 * chart of recruits) through the report's section registry. The one-page summaries for officials are
 * written beside it in both languages (summary.zh.html, summary.en.html).
 * Run: `npx tsx examples/bilingual-report.ts [out-dir]`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensemble, loadScenario, rebuildReport, withOverrides, type ReportSection } from 'talentsim';

const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'talentsim-report-'));
const scenarios = ['baseline', 'cultural-identity'].map((n) => withOverrides(loadScenario(n), { years: 6, replicates: 3 }));
await ensemble(scenarios, { outDir: out, workers: 1 });

// A section of your own: its heading and text in the report's language, a chart embedded like the others.
const note: ReportSection = {
  id: 'township-note',
  after: 'summary',
  render: (ctx, chart) => {
    const recruits = ctx.inputs.series.filter((r) => r.metric === 'recruits' && r.year > ctx.year - 6);
    const heading = ctx.lang === 'zh' ? '给乡镇党委的说明' : 'A note for the township';
    const text = ctx.lang === 'zh'
      ? `下图为每年新发展党员人数（${ctx.label('cultural-identity')}与${ctx.baseLabel}）。`
      : `Recruits per year under ${ctx.label('cultural-identity')} and ${ctx.baseLabel}.`;
    return `<section id="township-note"><h2>${heading}</h2><p>${text}</p>${chart('township-recruits', {
      data: { values: recruits.map((r) => ({ ...r, label: ctx.label(r.scenario) })) },
      mark: 'line',
      encoding: {
        x: { field: 'year', type: 'ordinal', title: ctx.m.charts.year },
        y: { aggregate: 'mean', field: 'value', type: 'quantitative', title: ctx.catalog.info('recruits').label },
        color: { field: 'label', type: 'nominal', title: ctx.m.charts.scenario },
      },
    })}</section>`;
  },
};

const r = await rebuildReport(out, { lang: 'zh', sections: [note] });
console.log(`report: ${r.report}`);
for (const s of r.summaries) console.log(`summary: ${s}`);
console.log(`charts: ${r.charts.length}`);

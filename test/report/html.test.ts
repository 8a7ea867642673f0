import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/rows.js';
import { COMPARISON_COLUMNS } from '../../src/experiment/types.js';
import { buildReportHtml, escapeHtml, readingOf, rebuildReport, reportContext, reportSpecs, type ReportInputs } from '../../src/report/index.js';
import { syntheticInputs } from './synthetic.js';

const inputs: ReportInputs = {
  ...syntheticInputs({ replicates: 6, years: 20 }),
  title: 'Report <with> "markup" & more',
};
const html = buildReportHtml(inputs);
/** True when the page contains the text (a boolean, so a failure does not print the 1 MB page). */
const has = (text: string) => html.includes(text);

describe('buildReportHtml', () => {
  it('contains every scenario description, escaped', () => {
    for (const s of inputs.scenarios) expect(has(escapeHtml(s.description)), escapeHtml(s.description)).toBe(true);
    expect(has('Festivals &amp; &quot;spiritual spaces&quot; &lt;renewal&gt;.'), 'Festivals &amp; &quot;spiritual spaces&quot; &lt;renewal&gt;.').toBe(true);
    expect(has('<renewal>'), '<renewal>').toBe(false);
    expect(has('<title>Report &lt;with&gt; &quot;markup&quot; &amp; more</title>'), '<title>Report &lt;with&gt; &quot;markup&quot; &amp; more</title>').toBe(true);
  });

  it('has one chart container per chart and embeds with actions off', () => {
    const n = Object.keys(reportSpecs(inputs)).length;
    expect(html.match(/<div class="chart" id="chart-\d+"/g)).toHaveLength(n);
    expect(has('actions: false'), 'actions: false').toBe(true);
  });

  it('inlines vega, vega-lite and vega-embed and loads nothing from outside', () => {
    for (const lib of ['vega', 'vega-lite', 'vega-embed']) expect(has(`<script data-lib="${lib}">`), `<script data-lib="${lib}">`).toBe(true);
    expect(/<script[^>]+src=/i.test(html), String(/<script[^>]+src=/i)).toBe(false);
    expect(/<link[^>]+href="(?!data:)/i.test(html), String(/<link[^>]+href="(?!data:)/i)).toBe(false);
    expect(has('default-src &#39;none&#39;'), 'CSP').toBe(true);
  });

  it('tabulates the main outcomes at the horizon with intervals and share better', () => {
    const table = html.slice(html.indexOf('<table class="outcomes">'), html.indexOf('</table>', html.indexOf('<table class="outcomes">')));
    const c = inputs.comparison.find((r) => r.scenario === 'combined' && r.metric === 'members_full' && r.year === 2045)!;
    expect(table).toContain(`${c.mean.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} [`);
    expect(table).toContain(`${Math.round(100 * c.p_better)}%`);
    expect(table).toContain('Branches in warning');
    expect(table).toMatch(/\+\d+\.\d pp \[/);
  });

  it('has a cost column: each scenario\'s spending per village per year, once per scenario', () => {
    const table = html.slice(html.indexOf('<table class="outcomes">'), html.indexOf('</table>', html.indexOf('<table class="outcomes">')));
    expect(table).toContain('<th>Spending per village per year</th>');
    // synthetic combined: 9e6 yuan a year; the synthetic manifest records no villages, so per village is unknown
    expect(table.match(/rowspan="\d+" class="num">n\/a</g)?.length).toBe(inputs.scenarios.length);
  });

  it('shows the baseline\'s own differences as "—", never as 0.0 [0.0, 0.0]', () => {
    const table = html.slice(html.indexOf('<table class="outcomes">'), html.indexOf('</table>', html.indexOf('<table class="outcomes">')));
    const baseRows = table.slice(0, table.indexOf('Organisational fortification', table.indexOf('<tbody>')));
    expect(baseRows).not.toContain('0.0 [0.0, 0.0]');
    expect(baseRows.match(/<td class="num">—<\/td><td class="num">—<\/td>/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('shows the manifest as a key/value list: version, seeds and replicates', () => {
    expect(has('<dt>talentsim version</dt><dd>0.1.0</dd>'), 'version').toBe(true);
    expect(has('<dt>Replicates</dt><dd>6</dd>'), 'replicates').toBe(true);
    expect(has('<dt>Seeds</dt><dd><code>1000, 1001</code></dd>'), 'seeds').toBe(true);
  });

  it('includes the plain-language reading, with the scenarios under their display names', () => {
    const ctx = reportContext(inputs);
    const reading = readingOf(inputs.comparison, { series: inputs.series, label: ctx.label });
    expect(reading.length).toBeGreaterThan(3);
    for (const s of reading) expect(has(`<li>${escapeHtml(s)}</li>`), `<li>${escapeHtml(s)}</li>`).toBe(true);
  });

  it('keeps "</script>" in data from closing the script element', () => {
    const evil = buildReportHtml({ ...inputs, scenarios: [{ name: '</script><b>x', description: 'd' }], title: 't' });
    const scripts = evil.match(/<\/script>/gi)!.length;
    expect(scripts).toBe(4); // three libraries and the embedding script
  });
});

describe('rebuildReport', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talentsim-rebuild-'));
    const small = syntheticInputs({ replicates: 4, years: 10 });
    await writeFile(join(dir, 'series.csv'), toCsv(small.series));
    await writeFile(join(dir, 'comparison.csv'), toCsv(small.comparison as unknown as Record<string, string | number>[], COMPARISON_COLUMNS));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(small.manifest));
    await writeFile(join(dir, 'summary.json'), JSON.stringify({ scenarios: small.scenarios, other: 1 }));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rewrites charts and report from the tidy files alone', async () => {
    const out = await rebuildReport(dir);
    expect(out.report).toBe(join(dir, 'report.html'));
    const page = await readFile(out.report, 'utf8');
    expect(page).toContain('Support for returnees and young applicants.');
    expect(page).toContain('Results read at <strong>2035</strong>');
    expect((await readdir(join(dir, 'charts'))).filter((f) => f.endsWith('.png'))).toHaveLength(7);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30_000);
});

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/rows.js';
import { COMPARISON_COLUMNS } from '../../src/experiment/types.js';
import { buildReportHtml, escapeHtml, readingOf, rebuildReport, reportSpecs, type ReportInputs } from '../../src/report/index.js';
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

  it('shows the manifest: version, seeds and replicates', () => {
    expect(has('<th>talentsim</th><td><code>0.1.0</code>'), '<th>talentsim</th><td><code>0.1.0</code>').toBe(true);
    expect(has('<th>replicates</th><td><code>6</code>'), '<th>replicates</th><td><code>6</code>').toBe(true);
    expect(has('[1000,1001]'), '[1000,1001]').toBe(true);
  });

  it('includes the plain-language reading', () => {
    for (const s of readingOf(inputs.comparison, { series: inputs.series })) expect(has(`<li>${escapeHtml(s)}</li>`), `<li>${escapeHtml(s)}</li>`).toBe(true);
  });

  it('keeps "</script>" in data from closing the script element', () => {
    const evil = buildReportHtml({ ...inputs, scenarios: [{ name: '</script><b>x', description: 'd' }], title: 't' });
    const scripts = evil.match(/<\/script>/gi)!.length;
    expect(scripts).toBe(4); // three libraries and the embedding script
  });
});

describe('readingOf', () => {
  it('names the pathway with the best paired difference, its interval and share better', () => {
    const rows = [
      { scenario: 'baseline', metric: 'members_full', year: 2055, n: 20, mean: 900, sd: 9, ci_low: 890, ci_high: 910, diff: 0, diff_ci_low: 0, diff_ci_high: 0, p_better: 0 },
      { scenario: 'cultural-identity', metric: 'members_full', year: 2055, n: 20, mean: 905, sd: 9, ci_low: 895, ci_high: 915, diff: 5, diff_ci_low: -1, diff_ci_high: 11, p_better: 0.6 },
      { scenario: 'benefit-incentives', metric: 'members_full', year: 2055, n: 20, mean: 912.3, sd: 9, ci_low: 900, ci_high: 920, diff: 12.34, diff_ci_low: 8.1, diff_ci_high: 16.5, p_better: 0.92 },
      { scenario: 'benefit-incentives', metric: 'branches_warning_share', year: 2055, n: 20, mean: 0.3, sd: 0.1, ci_low: 0.2, ci_high: 0.4, diff: 0.02, diff_ci_low: -0.01, diff_ci_high: 0.05, p_better: 0.3 },
    ];
    const out = readingOf(rows);
    expect(out[0]).toBe('Benefit incentives raised full members most by 2055: +12.3 persons (95% CI 8.1 to 16.5) over baseline, better in 92% of replicates.');
    expect(out[1]).toMatch(/^No scenario improved the share of branches in warning over baseline by 2055; the least unfavourable was Benefit incentives: \+2\.0 percentage points/);
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

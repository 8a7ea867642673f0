// The "How robust is the ranking?" section: present in report.html only when robustness rows are given,
// with the chart embedded, one table and one plain sentence per outcome, the precision note, and the CSV round trip.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { robustnessCsv } from '../../src/experiment/robustness.js';
import {
  buildReportHtml, buildRobustnessReportHtml, escapeHtml, metricCatalog, parseRobustnessCsv, reportSpecs, robustnessSentences, ROBUSTNESS_HEADING,
  reportContext, writeRobustnessReport,
} from '../../src/report/index.js';
import { syntheticInputs } from './synthetic.js';
import { syntheticRobustnessRows as rows } from './synthetic-robustness.js';

const inputs = syntheticInputs({ replicates: 4, years: 10 });

describe('robustness section of the report', () => {
  const without = buildReportHtml(inputs);
  const withRows = buildReportHtml({ ...inputs, robustness: rows });

  it('appears only when robustness rows are given', () => {
    expect(without.includes(ROBUSTNESS_HEADING)).toBe(false);
    expect(buildReportHtml({ ...inputs, robustness: [] }).includes(ROBUSTNESS_HEADING)).toBe(false);
    expect(withRows.includes(`<h2>${ROBUSTNESS_HEADING}</h2>`)).toBe(true);
  });

  it('embeds the win-share chart as one more chart container after the report charts', () => {
    const n = Object.keys(reportSpecs(inputs)).length;
    expect(withRows.match(/<div class="chart" id="chart-\d+"/g)).toHaveLength(n + 1);
    expect(withRows.includes(`<div class="chart" id="chart-${n}" data-chart="robustness-wins">`)).toBe(true);
    expect(withRows.includes('Share of parameter draws won')).toBe(true); // the spec's title, inside the embedded JSON
  });

  it('has a table per outcome with shares, the rule and its coverage and density', () => {
    expect(withRows.match(/<table class="robustness">/g)).toHaveLength(2);
    const section = withRows.slice(withRows.indexOf('<section class="robustness-section"'));
    const combined = section.match(/<tr><td class="scenario">combined<\/td>.*?<\/tr>/)![0];
    expect(combined).toContain('<td class="num">88%</td>');
    expect(combined).toContain('<td class="num">72%</td>');
    expect(combined).toContain('<code>farm_income &lt;= 1.2</code>');
    expect(combined).toContain('<td class="num">80%</td><td class="num">95%</td>');
  });

  it('reads each outcome in one plain sentence: who ranks first and where it wins', () => {
    const s = robustnessSentences(rows);
    expect(s).toHaveLength(2);
    expect(s[0]).toBe('Full members (higher is better): combined most often ranks first (72% of 25 draws). It beats baseline in 88% of draws; ' +
      'its wins concentrate where farm_income <= 1.2 (80% of its wins lie there and it wins in 95% of the draws there); elsewhere it more often loses.');
    expect(s[1]).toContain('baseline most often ranks first (56% of 25 draws)');
    expect(s[1]).toContain('combined, does so in 40% of draws, mostly where outmigration_base > 0.05');
    // in the report, with the scenarios' display names (pathway labels from their declarations)
    for (const t of robustnessSentences(rows, undefined, reportContext(inputs).label)) expect(withRows.includes(escapeHtml(t))).toBe(true);
  });

  it('states the precision of a share as ±1/√draws', () => {
    expect(withRows.includes('about ±20 percentage points (±1/√draws')).toBe(true); // 1/√25 = 0.2
  });

  it('says when scenarios tie for first and no pathway ever wins', () => {
    const zh = robustnessSentences(rows, metricCatalog(undefined, 'zh'));
    expect(zh[0]).toBe('正式党员（越高越好）：combined排名第一的次数最多（占25组抽样的72%）。该情景在88%的抽样中优于基线；胜出集中在farm_income <= 1.2时（其胜出抽样的80%落在这一区域，该区域内它胜出的比例为95%）；区域外则多数落后。');
    const tied = rows.slice(0, 3).map((r) => ({ ...r, ranks_first: 0.5 * Number(r.scenario !== 'combined'), beats_baseline: r.beats_baseline === null ? null : 0, rule: '' }));
    expect(robustnessSentences(tied)[0]).toBe('Full members (higher is better): baseline and benefit-incentives rank first equally often (50% each of 25 draws). No pathway beats baseline in any draw.');
  });

  it('round-trips robustness.csv, nulls included', () => {
    expect(parseRobustnessCsv(robustnessCsv(rows))).toEqual(rows);
  });

  it('writes a robustness-only report with the section and the manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'talentsim-robustness-report-'));
    try {
      const path = await writeRobustnessReport(dir, { rows, manifest: { talentsim: '0.1.0', command: 'talentsim robustness' } });
      const html = await readFile(path, 'utf8');
      expect(html.includes(`<h2>${ROBUSTNESS_HEADING}</h2>`)).toBe(true);
      expect(html.includes('<dt>Command</dt><dd><code>talentsim robustness</code></dd>')).toBe(true);
      expect(html.match(/<div class="chart" id="chart-\d+"/g)).toHaveLength(1);
      expect(buildRobustnessReportHtml({ rows: [], manifest: {} }).includes('No robustness rows.')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// The one-page summary for officials, the real baseline whatever its name, scenario texts read back from
// an output folder, and the page script that fits charts to the screen.
import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../../src/core/rows.js';
import {
  buildReportHtml, buildSummaryHtml, FIT_SPEC_JS, reportContext, reportSpecs, scenariosOf, summaryAnswer, summaryOutcomes, type ReportInputs,
} from '../../src/report/index.js';
import { dataArrays, dashScales, scenarioScales } from './spec-walk.js';
import { syntheticComparison, syntheticInputs, syntheticSeries } from './synthetic.js';

const inputs = syntheticInputs({ replicates: 6, years: 20 });
/** Booleans, so a failure does not print the whole page. */
const has = (html: string, text: string) => html.includes(text);

/** The synthetic rows with the baseline renamed, as a study with its own baseline has it. */
function ownBaseline(name: string): ReportInputs {
  const rename = <T extends { scenario: string }>(r: T): T => (r.scenario === 'baseline' ? { ...r, scenario: name } : r);
  const series: SeriesRow[] = syntheticSeries({ replicates: 5, years: 10 }).map(rename);
  return {
    series,
    comparison: syntheticComparison(series.map((r) => (r.scenario === name ? { ...r, scenario: 'baseline' } : r))).map(rename),
    scenarios: inputs.scenarios.map(rename),
    manifest: { baseline: name },
  };
}

describe('the summary for officials', () => {
  const ctx = reportContext(inputs);

  it('answers in three sentences: one per outcome, then what the leading scenarios cost', () => {
    expect(summaryOutcomes(ctx)).toEqual(['branches_warning_share', 'succession_ready_share']);
    const answer = summaryAnswer(ctx);
    expect(answer).toHaveLength(3);
    expect(answer[0]).toMatch(/share of branches in warning/);
    expect(answer[1]).toMatch(/share of branches with a ready successor/);
    // the synthetic manifest records no villages: the county's spending only
    expect(answer[2]).toMatch(/ cost(s)? [\d.]+ million yuan (to [\d.]+ million yuan )?a year\.$/);
    const withVillages = reportContext({ ...inputs, scenarios: inputs.scenarios.map((s) => ({ ...s, scenario: { county: { villages: 36 } } })) });
    expect(summaryAnswer(withVillages)[2]).toMatch(/yuan per village per year \(.* a year for the county's 36 villages\)\.$/);
  });

  it('is a page of its own in each language: question, answer, table, what is distinguishable, caveat; no script', () => {
    for (const [lang, words] of [
      ['en', ['Question.', 'Answer', 'Spending per village per year', 'Spending per county per year', 'What the model can and cannot tell apart', 'not forecasts']],
      ['zh', ['问题：', '回答', '每村每年政策支出', '全县每年政策支出', '模型能区分什么、不能区分什么', '不是预测']],
    ] as const) {
      const html = buildSummaryHtml(inputs, lang);
      for (const w of words) expect(has(html, w), `${lang}: ${w}`).toBe(true);
      expect(html.includes('<script'), `${lang}: script`).toBe(false);
      expect(html.includes('@page { size: A4'), `${lang}: print CSS`).toBe(true);
      expect(html.match(/<tr><td class="scenario">/g)).toHaveLength(inputs.scenarios.length);
    }
  });

  it('heads the report', () => {
    const html = buildReportHtml(inputs);
    expect(html.indexOf('<section class="summary" id="summary">')).toBeLessThan(html.indexOf('<section id="reading">'));
  });
});

describe('a baseline with its own name', () => {
  const study = ownBaseline('yao20-base');
  const html = buildReportHtml(study);
  const specs = reportSpecs(study);

  it('is drawn black and dashed, and never as a pathway', () => {
    const colours = scenarioScales(specs['members-over-time'])[0];
    expect(colours.range[colours.domain.indexOf('yao20-base')]).toBe('#000000');
    const dashes = dashScales(specs['members-over-time'])[0];
    expect(dashes.range[dashes.domain.indexOf('yao20-base')]).toEqual([6, 4]);
    for (const name of ['pathway-effects', 'cost-effectiveness']) {
      expect(dataArrays(specs[name]).flat().some((v) => v.scenario === 'yao20-base'), name).toBe(false);
    }
  });

  it('is named as the baseline in the page and its rows show "—" for its own differences', () => {
    expect(has(html, 'differences are relative to yao20-base')).toBe(true);
    const reading = html.slice(html.indexOf('<ul class="reading">'), html.indexOf('</ul>', html.indexOf('<ul class="reading">')));
    expect(reading).not.toMatch(/least unfavourable|yao20-base (raised|lowered|added)/);
    expect(reading).toContain('against yao20-base');
    const table = html.slice(html.indexOf('<table class="outcomes">'));
    const baseRows = table.slice(0, table.indexOf('Organisational fortification'));
    expect(baseRows).toContain('yao20-base');
    expect(baseRows).not.toMatch(/\+0\.0|0\.0 \[0\.0, 0\.0\]/);
  });
});

describe('scenarios read back from an output folder', () => {
  it('take their title, texts by language and settings from the manifest, their order from summary.json', () => {
    const summary = { baseline: 'base', scenarios: [{ name: 'base', description: 'plain' }, { name: 'p', description: { en: 'E', zh: '中' } }] };
    const manifest = {
      scenarios: [
        { name: 'p', scenario: { name: 'p', title: { en: 'Policy', zh: '政策' }, description: { en: 'E', zh: '中' }, county: { villages: 20 } } },
        { name: 'base', scenario: { name: 'base', description: 'plain', lang: 'zh' } },
      ],
    };
    const list = scenariosOf(summary, manifest);
    expect(list.map((s) => s.name)).toEqual(['base', 'p']);
    expect(list[1]).toMatchObject({ title: { en: 'Policy', zh: '政策' }, description: { en: 'E', zh: '中' } });
    const ctx = reportContext({ series: [], comparison: [], scenarios: list, manifest: { baseline: 'base' } });
    expect(ctx.lang).toBe('zh'); // from the baseline scenario's lang
    expect(ctx.label('p')).toBe('政策');
  });
});

describe('fitting charts to the screen (the page script)', () => {
  const fitSpec = new Function(`${FIT_SPEC_JS}; return fitSpec;`)() as (spec: unknown, width: number) => Record<string, any>;
  const specs = reportSpecs(inputs);

  it('fills the width with a single chart and stacks side-by-side panels on a phone, legend below', () => {
    const wide = fitSpec(specs['members-over-time'], 1060);
    expect(wide.width).toBe(1052);
    expect(wide.autosize).toEqual({ type: 'fit-x', contains: 'padding' });
    const phone = fitSpec(specs.migration, 380);
    expect(phone.hconcat).toBeUndefined();
    expect(phone.vconcat).toHaveLength(2);
    expect(phone.config.legend.orient).toBe('bottom');
    for (const p of phone.vconcat) expect(p.width).toBeLessThanOrEqual(380 - 90);
  });

  it('takes fewer facet columns on a narrow screen and shrinks stacked panels with scenario names', () => {
    const grid = fitSpec(specs['member-age-structure'], 380);
    expect(grid.columns).toBe(1);
    const effects = fitSpec(specs['pathway-effects'], 380);
    for (const p of effects.vconcat) expect(p.width).toBeLessThan(380 - 120);
    expect(effects.config.axis.labelLimit).toBeLessThan(140);
    // the original spec is not changed
    expect((specs['pathway-effects'] as { vconcat: { width: number }[] }).vconcat[0].width).toBe(420);
  });
});

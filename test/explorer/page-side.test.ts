/**
 * The explorer's page-side logic in Node: spending from the lever declarations (planned, per recipient,
 * measured and scaled), the zh/en catalogue (complete, same parameters in both languages) and the label
 * adapter (declared labels when present, else names — never a table of its own).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVERS, LEVER_INDEX } from '../../src/model/levers.js';
import { METRICS } from '../../src/model/metrics.js';
import { isPercent, leverLabel, metricLabel, pathwayLabel, type Lang } from '../../explorer/src/labels.js';
import { message, MESSAGES } from '../../explorer/src/messages.js';
import { constantSetting, leverSpend, settingPlan, totalSpend } from '../../explorer/src/spend.js';
import { CHART_METRICS, chartSpec } from '../../explorer/src/charts.js';
import { ROOT } from '../cli/cli-helpers.js';

describe('explorer spending', () => {
  it('plans a village lever exactly: value × unit cost per village per year', () => {
    const s = leverSpend('cultural_programmes', constantSetting('cultural_programmes', 0.5), 30);
    expect(s).toEqual({ basis: 'village', meanValue: 0.5, unitCost: 60000, perVillage: 30000, source: 'planned' });
    const own = leverSpend('cultural_programmes', constantSetting('cultural_programmes', 0.5, 1000), 30);
    expect(own.perVillage).toBe(500);
  });

  it('uses the schedule of a file (expression, window) over the horizon', () => {
    const plan = { values: [0.6, 1.2, 1.6, 1.6], unitCosts: [10000, 10000, 10000, 10000] };
    const s = leverSpend('industry_investment', { entries: [{ lever: 'industry_investment', value: 'min(1.6, 0.6 * t)', from: 1, until: null, unitCost: 10000 }], plan }, 4);
    expect(s.meanValue).toBeCloseTo(1.25, 12);
    expect(s.perVillage).toBeCloseTo(12500, 9);
    const windowed = settingPlan('care_relief', { entries: [{ lever: 'care_relief', value: 1, from: 2, until: 3, unitCost: 40000 }] }, 4);
    expect(windowed.values).toEqual([0, 1, 1, 0]);
  });

  it('does not guess recipient levers: unknown before a run, measured after, scaled when the value changed', () => {
    const on = constantSetting('young_talent_stipend', 4);
    expect(leverSpend('young_talent_stipend', on, 30)).toMatchObject({ basis: 'recipient', perVillage: undefined, source: 'unknown', unitCost: 1000 });
    expect(leverSpend('young_talent_stipend', on, 30, { meanValue: 4, perVillage: 9000 })).toMatchObject({ perVillage: 9000, source: 'measured' });
    expect(leverSpend('young_talent_stipend', constantSetting('young_talent_stipend', 2), 30, { meanValue: 4, perVillage: 9000 })).toMatchObject({ perVillage: 4500, source: 'scaled' });
    expect(leverSpend('first_secretary', constantSetting('first_secretary', 0), 30)).toMatchObject({ basis: 'applied-village', perVillage: 0, source: 'planned' });
    expect(totalSpend([leverSpend('care_relief', constantSetting('care_relief', 1), 30), leverSpend('young_talent_stipend', on, 30)])).toEqual({ perVillage: 40000, complete: false });
  });

  it('turns a lever off with no policy entry at all (0 is the baseline)', () => {
    expect(constantSetting('care_relief', 0)).toEqual({ entries: [] });
    expect(() => constantSetting('no_such_lever', 1)).toThrow(/unknown lever/);
  });
});

describe('explorer catalogue and labels', () => {
  it('has every message in both languages with the same {parameters}, and Chinese text for the Chinese page', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      expect(MESSAGES.zh[key], key).toBeTruthy();
      expect(params(MESSAGES.zh[key]), key).toEqual(params(MESSAGES.en[key]));
    }
    expect(message('zh', 'progress', { done: 2, total: 5 })).toBe('已完成 2 / 5 次重复');
    expect(message('en', 'progress', { done: 2, total: 5 })).toBe('2 of 5 replicates finished');
  });

  it('names metrics, levers and pathways from their declarations (label if declared, else the name)', () => {
    type Decl = { name: string; label?: Partial<Record<Lang, string>> };
    for (const lang of ['en', 'zh'] as const) {
      for (const m of METRICS as readonly Decl[]) expect(metricLabel(m.name, lang)).toBe(m.label?.[lang] ?? m.label?.en ?? m.name);
      for (const l of LEVERS as readonly Decl[]) expect(leverLabel(l.name, lang)).toBe(l.label?.[lang] ?? l.label?.en ?? l.name);
    }
    expect(metricLabel('not_a_metric', 'zh')).toBe('not_a_metric');
    expect(pathwayLabel(LEVER_INDEX.get('care_relief')!.pathway, 'en')).toMatch(/\S/);
    expect(isPercent('branches_warning_share')).toBe(true);
    expect(isPercent('members_full')).toBe(false);
  });

  it('keeps Chinese metric and lever names out of the explorer (they belong to the declarations)', () => {
    const labels = readFileSync(join(ROOT, 'explorer', 'src', 'labels.ts'), 'utf8');
    expect(labels).not.toMatch(/[\u4e00-\u9fff]/);
    const names = new Set([...METRICS.map((m) => m.name), ...LEVERS.map((l) => l.name), ...LEVERS.map((l) => l.pathway)]);
    for (const key of Object.keys(MESSAGES.en)) expect(names.has(key), key).toBe(false);
  });

  it('charts every outcome as a band and a line per scenario, with the page language\'s axis titles', () => {
    for (const metric of CHART_METRICS) {
      const spec = JSON.stringify(chartSpec(metric, 'zh', ['baseline', 'cultural-identity']));
      expect(spec).toContain('"name":"band"');
      expect(spec).toContain('"title":"年份"');
      expect(spec).toContain('"domain":["baseline","cultural-identity"]');
    }
  });
});

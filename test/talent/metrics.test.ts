// The talent metrics declare every fact once and completely: label in English and Chinese, one unit with
// its display text, a direction, a format; the main, sensitivity and report lists derived from them.
import { describe, expect, it } from 'vitest';
import { checkMetricMeta } from '../../src/core/metrics.js';
import { METRICS, metricDirection } from '../../src/model/metrics.js';
import { MAIN_METRICS, SENSITIVITY_OUTCOMES, TALENT_METRICS, talentOutcomes } from '../../src/talent/metrics.js';

describe('talent metric metadata', () => {
  it('is complete for every metric, with a Chinese label and a translated unit', () => {
    for (const m of METRICS) {
      expect(checkMetricMeta(m), m.name).toEqual([]);
      expect(m.label.zh, m.name).toMatch(/[\u4e00-\u9fff]/);
      expect(m.unitLabel?.zh, m.name).toMatch(/[\u4e00-\u9fff]|0-1/);
    }
    expect(TALENT_METRICS.map((m) => m.name)).toEqual(METRICS.map((m) => m.name));
    expect(JSON.parse(JSON.stringify(TALENT_METRICS))).toEqual(TALENT_METRICS); // plain data, as manifests write it
  });

  it('reads shares and rates as percentages, and gives the yearly rates the unit of what they divide', () => {
    const by = new Map(TALENT_METRICS.map((m) => [m.name, m]));
    expect(by.get('youth_outmigration_rate')).toMatchObject({ unit: 'share of youth per year', format: 'rate', direction: 'lower' });
    expect(by.get('return_rate')).toMatchObject({ unit: 'share of migrants per year', format: 'rate', direction: 'higher' });
    expect(by.get('policy_cost')).toMatchObject({ unit: 'yuan/year', format: 'yuan', direction: 'none' });
    for (const m of TALENT_METRICS) if (m.name.endsWith('_share')) expect(['share'], m.name).toContain(m.format);
  });

  it('derives the outcome lists from the metadata (the lists the outputs have always used)', () => {
    expect(MAIN_METRICS).toEqual(['members_full', 'member_share_61plus', 'branches_warning_share', 'succession_ready_share', 'recruits', 'policy_cost']);
    expect(SENSITIVITY_OUTCOMES).toEqual(['members_full', 'member_share_61plus', 'branches_warning_share', 'succession_ready_share']);
    expect(talentOutcomes('report').map((m) => m.name)).toEqual([
      'members_full', 'member_share_35under', 'member_mean_age', 'succession_ready_share', 'branches_warning_share', 'youth_outmigration_rate', 'return_rate',
    ]);
    expect(talentOutcomes('main')[0]).toMatchObject({ name: 'members_full', label: { en: 'Full members', zh: '正式党员' }, unit: 'persons' });
  });

  it('gives compare the direction of a metric by name', () => {
    expect(metricDirection('member_share_61plus')).toBe('lower');
    expect(metricDirection('births')).toBe('none');
    expect(metricDirection('nope')).toBeUndefined();
  });
});

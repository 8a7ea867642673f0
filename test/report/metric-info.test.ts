// The report's metric facts come from metric metadata: labels, units, percentages, directions, phrases and
// its main outcomes — from the talent metadata by default, from any other list when given.
import { describe, expect, it } from 'vitest';
import type { MetricMeta } from '../../src/core/metrics.js';
import { formatDiff, formatLevel } from '../../src/report/format.js';
import { axisTitle, metricCatalog, metricInfo, metricPhrase, reportOutcomes, TALENT_CATALOG } from '../../src/report/metric-info.js';
import { readingOf } from '../../src/report/reading.js';
import { TALENT_METRICS } from '../../src/talent/metrics.js';

const own: MetricMeta[] = [
  { name: 'wells', label: { en: 'Working wells', zh: '水井' }, unit: 'wells', description: '', direction: 'higher', format: 'count', report: 1 },
  { name: 'dry_share', label: { en: 'Dry fields', zh: '旱地' }, unit: 'share of fields', description: '', direction: 'lower', format: 'share', report: 2 },
];

describe('metric facts of the report', () => {
  it('reads the talent metadata by default', () => {
    expect(metricInfo('members_full')).toEqual({ label: 'Full members', unit: 'persons', share: false, direction: 1 });
    expect(metricInfo('youth_outmigration_rate')).toMatchObject({ label: 'Youth out-migration', share: true, direction: -1 });
    expect(metricInfo('policy_cost')).toMatchObject({ unit: 'yuan per year', direction: 0 });
    expect(axisTitle('branches_warning_share')).toBe('Branches in warning (% of branches)');
    expect(axisTitle('member_share_61plus')).toBe('Members aged 61 or over (%)');
    expect(metricPhrase('succession_ready_share')).toBe('the share of branches with a ready successor');
    expect(reportOutcomes()).toEqual(metricCatalog(TALENT_METRICS).inRole('report'));
    expect(TALENT_CATALOG.info('nope')).toEqual({ label: 'nope', unit: 'value', share: false, direction: 0 });
  });

  it('reads any other metadata the same way, down to the reading', () => {
    const c = metricCatalog(own);
    expect(reportOutcomes(c)).toEqual(['wells', 'dry_share']);
    expect(formatLevel('dry_share', 0.25, c)).toBe('25.0%');
    expect(formatDiff('wells', 3, true, c)).toBe('+3.0 wells');
    expect(axisTitle('dry_share', c)).toBe('Dry fields (% of fields)');
    const row = { scenario: 'pumps', year: 2030, n: 5, mean: 0, sd: 0, ci_low: 0, ci_high: 0, diff: -0.1, diff_ci_low: -0.2, diff_ci_high: -0.05, p_better: 1 };
    const reading = readingOf([{ ...row, metric: 'dry_share' }], { catalog: c });
    expect(reading).toEqual(['By 2030, pumps lowered dry fields by 10.0 percentage points (95% CI -20.0 to -5.0) against baseline, better in 100% of replicates.']);
  });

  it('gives labels, units, phrases and axis titles in Chinese from the same metadata', () => {
    const zh = metricCatalog(TALENT_METRICS, 'zh');
    expect(zh.info('members_full')).toMatchObject({ label: '正式党员', unit: '人' });
    expect(metricPhrase('branches_warning_share', zh)).toBe('预警村党组织占比');
    expect(axisTitle('branches_warning_share', zh)).toBe('预警村党组织（占村党组织比例，%）');
    expect(axisTitle('member_share_35under', zh)).toBe('35岁及以下党员（%）');
    expect(axisTitle('members_full', zh)).toBe('正式党员（人）');
    expect(formatDiff('branches_warning_share', -0.039, true, zh)).toBe('-3.9个百分点');
    expect(formatDiff('members_full', 12.34, true, zh)).toBe('+12.3人');
    const c = metricCatalog(own, 'zh');
    expect(c.info('wells').label).toBe('水井');
  });

  it('marks yearly flows (their first year has no value) by the unit', () => {
    expect(metricInfo('youth_outmigration_rate').flow).toBe(true);
    expect(metricInfo('recruits').flow).toBe(true);
    expect(metricInfo('members_full').flow).toBeUndefined();
  });
});

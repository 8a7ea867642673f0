// Core metrics: running aggregates fold in chunks to exactly one call's figure; metadata checks and roles.
import { describe, expect, it } from 'vitest';
import { aggregateValues, checkMetricMeta, finishAggregate, foldAggregate, metricMeta, metricsInRole, startAggregate, type MetricMeta } from '../../src/core/metrics.js';

describe('running aggregates', () => {
  it('fold in chunks to exactly what one aggregateValues call gives', () => {
    // Values chosen so that float addition order matters (0.1 + 0.2 + 0.3 differs from 0.1 + (0.2 + 0.3)).
    const values = [0.1, 0.2, 0.3, 1e16, -1e16, 7.25, 3];
    const weights = [1, 2, 0.5, 0, 3, 1, 0.1];
    for (const kind of ['sum', 'mean', 'max', 'min', { weight: () => 1 }] as const) {
      const st = startAggregate(kind);
      foldAggregate(kind, st, values.slice(0, 2), weights.slice(0, 2));
      foldAggregate(kind, st, values.slice(2, 5), weights.slice(2, 5));
      foldAggregate(kind, st, values.slice(5), weights.slice(5));
      expect(finishAggregate(kind, st)).toBe(aggregateValues(kind, values, weights));
    }
    expect(finishAggregate('max', startAggregate('max'))).toBe(0);
  });
});

describe('metric metadata', () => {
  const meta = (name: string, extra: Partial<MetricMeta> = {}): MetricMeta => ({
    name, label: { en: name, zh: name }, unit: 'persons', description: '', direction: 'none', format: 'count', ...extra,
  });

  it('names every missing or wrong field of a declaration', () => {
    expect(checkMetricMeta(meta('ok'))).toEqual([]);
    const bad = { ...meta('bad'), label: { en: 'Bad', zh: '' }, direction: 'up', format: 'percent' } as unknown as MetricMeta;
    const problems = checkMetricMeta(bad);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/metric "bad": label must give \{ en, zh \}/);
    expect(problems.join('\n')).toMatch(/direction must be 'higher', 'lower' or 'none', found "up"/);
    expect(problems.join('\n')).toMatch(/format must be one of count, share, rate, years, yuan, index, ratio, found "percent"/);
  });

  it('copies the metadata without the functions and keeps only the roles declared', () => {
    const def = { ...meta('m', { main: 2 }), perGroup: () => 1, aggregate: 'sum' as const };
    const copy = metricMeta(def);
    expect(copy).toEqual({ ...meta('m'), main: 2 });
    expect(JSON.parse(JSON.stringify(copy))).toEqual(copy);
  });

  it('lists the metrics of a role in the order of their positions', () => {
    const list = [meta('a', { main: 3 }), meta('b'), meta('c', { main: 1, report: 1 }), meta('d', { main: 2 })];
    expect(metricsInRole(list, 'main').map((m) => m.name)).toEqual(['c', 'd', 'a']);
    expect(metricsInRole(list, 'report').map((m) => m.name)).toEqual(['c']);
    expect(metricsInRole(list, 'sensitivity')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import {
  BUILTIN_SCENARIO_COLORS, OKABE_ITO, bandSeries, costEffectiveness, costEffectivenessSpec, funnelRows, memberAgeStructureSpec,
  membersOverTimeSpec, migrationSpec, pathwayEffectsSpec, pipelineFunnelSpec, reportSpecs, scenarioColors, warningShareSpec,
  ageStructureRows,
} from '../../src/report/index.js';
import type { SeriesRow } from '../../src/core/rows.js';
import { quantitativeAxisTitles, scenarioScales, titleText } from './spec-walk.js';
import { syntheticComparison, syntheticInputs, syntheticSeries } from './synthetic.js';

const inputs = syntheticInputs({ replicates: 6, years: 20 });
const specs = reportSpecs(inputs);

describe('scenarioColors', () => {
  it('gives every built-in scenario its fixed Okabe-Ito colour whatever the order or company', () => {
    const a = scenarioColors(['combined', 'baseline', 'x-new']);
    const b = scenarioColors(['baseline', 'benefit-incentives', 'combined']);
    expect(a.range[a.domain.indexOf('combined')]).toBe(BUILTIN_SCENARIO_COLORS.combined);
    expect(b.range[b.domain.indexOf('combined')]).toBe(BUILTIN_SCENARIO_COLORS.combined);
    expect(a.range[a.domain.indexOf('baseline')]).toBe('#000000');
    for (const c of Object.values(BUILTIN_SCENARIO_COLORS)) expect(OKABE_ITO).toContain(c);
  });

  it('gives unknown names the palette colours no built-in uses, in order, then distinct overflow colours', () => {
    const s = scenarioColors(['baseline', 'alpha', 'beta', 'gamma']);
    expect(s.range[1]).toBe('#F0E442'); // the one Okabe-Ito colour left over
    expect(new Set(s.range).size).toBe(4);
    expect(s.range.slice(2).some((c) => Object.values(BUILTIN_SCENARIO_COLORS).includes(c))).toBe(false);
  });

  it('drops duplicate names so domain and range stay aligned', () => {
    const s = scenarioColors(['baseline', 'baseline', 'combined']);
    expect(s.domain).toEqual(['baseline', 'combined']);
    expect(s.range).toHaveLength(2);
  });
});

describe('chart specs from synthetic rows', () => {
  it('builds every default chart with a title', () => {
    expect(Object.keys(specs).sort()).toEqual(
      ['cost-effectiveness', 'member-age-structure', 'members-over-time', 'migration', 'pathway-effects', 'pipeline-funnel', 'warning-share'],
    );
    for (const [name, spec] of Object.entries(specs)) expect(titleText(spec), name).not.toBe('');
  });

  it('puts a unit in parentheses in every quantitative axis title except the year', () => {
    for (const [name, spec] of Object.entries(specs)) {
      const titles = quantitativeAxisTitles(spec).filter((t) => t !== 'Year');
      expect(titles.length, name).toBeGreaterThan(0);
      for (const t of titles) expect(t, `${name}: ${t}`).toMatch(/\([^)]+\)/);
    }
    const units = (s: TopLevelSpec) => quantitativeAxisTitles(s).join(' | ');
    expect(units(specs['members-over-time'])).toContain('(persons)');
    expect(units(specs['warning-share'])).toContain('% of branches');
    expect(units(specs['member-age-structure'])).toContain('%');
    expect(units(specs['pipeline-funnel'])).toContain('(persons)');
    expect(units(specs['migration'])).toContain('% of youth per year');
    expect(units(specs['pathway-effects'])).toContain('(percentage points)');
    expect(units(specs['pathway-effects'])).toContain('(years)');
    expect(units(specs['cost-effectiveness'])).toContain('per ¥1M');
  });

  it('colours each scenario the same in every chart', () => {
    const colourOf = new Map<string, string>();
    let scales = 0;
    for (const [name, spec] of Object.entries(specs)) {
      for (const scale of scenarioScales(spec)) {
        scales++;
        expect(scale.domain.length, name).toBe(scale.range.length);
        scale.domain.forEach((d, i) => {
          const prev = colourOf.get(d);
          if (prev) expect(scale.range[i], `${name}: ${d}`).toBe(prev);
          else colourOf.set(d, scale.range[i]);
        });
      }
    }
    expect(scales).toBeGreaterThanOrEqual(6); // every chart but the age structure has a scenario colour
    expect(colourOf.get('benefit-incentives')).toBe(BUILTIN_SCENARIO_COLORS['benefit-incentives']);
    expect(colourOf.get('my-custom-pathway')).toBe('#F0E442');
  });

  it('keeps colours when a chart sees only some scenarios but gets the full list', () => {
    const all = ['baseline', 'alpha', 'beta'];
    const series = syntheticSeries({ scenarios: ['baseline', 'beta'], replicates: 3, years: 3 });
    const s1 = scenarioScales(membersOverTimeSpec(series, { scenarios: all }))[0];
    const s2 = scenarioScales(warningShareSpec(syntheticSeries({ scenarios: all, replicates: 3, years: 3 }), { scenarios: all }))[0];
    expect(s1).toEqual(s2);
  });

  it('embeds aggregated values, one per scenario and year, not every replicate', () => {
    const spec = membersOverTimeSpec(inputs.series) as { data: { values: unknown[] } };
    const scenarios = new Set(inputs.series.map((r) => r.scenario)).size;
    expect(spec.data.values).toHaveLength(scenarios * 21);
    for (const s of Object.values(specs)) expect(JSON.stringify(s).length).toBeLessThan(150_000);
  });

  it('leaves baseline out of the effects panels and shows the asked metrics at the asked year', () => {
    const spec = pathwayEffectsSpec(inputs.comparison, { year: 2035, metrics: ['members_full', 'return_rate'] }) as unknown as {
      vconcat: { layer: { data: { values: { scenario: string }[] } }[] }[];
    };
    expect(spec.vconcat).toHaveLength(2);
    const values = spec.vconcat[0].layer[1].data.values;
    expect(values.map((v) => v.scenario)).not.toContain('baseline');
    expect(titleText(spec)).toContain('2035');
  });

  it('builds the migration chart with one panel per rate and the age chart with one panel per scenario', () => {
    const m = migrationSpec(inputs.series) as { hconcat: unknown[] };
    expect(m.hconcat).toHaveLength(2);
    const a = memberAgeStructureSpec(inputs.series) as { facet: { field: string } };
    expect(a.facet.field).toBe('scenario');
    const f = pipelineFunnelSpec(inputs.series, [2025, 2045]) as { data: { values: { year: number }[] } };
    expect(new Set(f.data.values.map((v) => v.year))).toEqual(new Set([2025, 2045]));
  });

  it('builds one cost-effectiveness panel per outcome with the gains per million yuan of the spending scenarios', () => {
    const spec = costEffectivenessSpec(inputs.comparison, inputs.series) as unknown as {
      hconcat: { title: { text: string }; layer: { encoding: { x: { title: string } } }[]; data: { values: { scenario: string; per_million: number }[] } }[];
    };
    expect(spec.hconcat.map((p) => p.title.text)).toEqual(['Full members', 'Branches with a ready successor']);
    const rows = costEffectiveness(inputs.comparison, inputs.series, { outcomes: ['members_full'] });
    expect(rows.length).toBeGreaterThan(0);
    // the members panel plots exactly those rows (same scenarios, same gains per million yuan)
    expect(spec.hconcat[0].data.values.map((v) => [v.scenario, v.per_million])).toEqual(rows.map((r) => [r.scenario, r.per_million]));
    expect(spec.hconcat[0].data.values.map((v) => v.scenario)).not.toContain('baseline');
    // a share outcome is shown in percentage points
    expect(spec.hconcat[1].layer[0].encoding.x.title).toMatch(/percentage points per ¥1M/);
  });
});

describe('aggregation', () => {
  const rows: SeriesRow[] = Array.from({ length: 101 }, (_, i) => ({ scenario: 's', replicate: i, seed: i, year: 2030, metric: 'm', value: 100 - i }));

  it('gives mean and 5th-95th percentiles across replicates', () => {
    expect(bandSeries(rows, 'm')).toEqual([{ scenario: 's', year: 2030, mean: 50, low: 5, high: 95, n: 101 }]);
  });

  it('makes the three age shares add to one, with 36-60 as the remainder', () => {
    const r = (metric: string, value: number): SeriesRow => ({ scenario: 's', replicate: 0, seed: 1, year: 2030, metric, value });
    const out = ageStructureRows([r('member_share_35under', 0.2), r('member_share_61plus', 0.5)]);
    // 1e-12: floating-point rounding of 1 - 0.2 - 0.5
    const shares = out.map((o) => o.share);
    [0.2, 0.3, 0.5].forEach((v, i) => expect(shares[i]).toBeCloseTo(v, 12));
  });

  it('averages pipeline stages across replicates at the chosen years', () => {
    const r = (replicate: number, value: number): SeriesRow => ({ scenario: 's', replicate, seed: 1, year: 2030, metric: 'applicants', value });
    expect(funnelRows([r(0, 10), r(1, 20)], [2030, 2040])).toEqual([{ scenario: 's', year: 2030, stage: 'Applicants', order: 0, mean: 15 }]);
  });
});

describe('costEffectiveness', () => {
  it('divides the horizon difference by the extra cumulative cost in millions, skipping zero-cost scenarios', () => {
    const series = syntheticSeries({ scenarios: ['baseline', 'combined', 'lockdown-shock'], replicates: 4, years: 10 });
    const comparison = syntheticComparison(series);
    const rows = costEffectiveness(comparison, series, { outcomes: ['members_full'] });
    expect(rows.map((r) => r.scenario)).toEqual(['combined']); // lockdown-shock spends nothing extra
    const c = comparison.find((r) => r.scenario === 'combined' && r.metric === 'members_full' && r.year === 2035)!;
    // synthetic cost: 9e6 yuan per year for years 1..10 → 90 million yuan
    expect(rows[0].cost_million).toBeCloseTo(90, 9);
    expect(rows[0].per_million).toBeCloseTo(c.diff / 90, 12);
    expect(rows[0].per_million_low).toBeCloseTo(c.diff_ci_low / 90, 12);
  });
});

import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import {
  BASELINE_COLOR, BASELINE_DASH, BUILTIN_SCENARIO_COLORS, OKABE_ITO, bandSeries, costEffectiveness, costEffectivenessSpec, funnelRows, memberAgeStructureSpec,
  membersOverTimeSpec, migrationSpec, pathwayEffectsSpec, pipelineFunnelSpec, reportSpecs, scenarioColors, warningShareSpec,
  ageStructureRows,
} from '../../src/report/index.js';
import type { SeriesRow } from '../../src/core/rows.js';
import { dashScales, dataArrays, quantitativeAxisTitles, scenarioScales, titleText } from './spec-walk.js';
import { syntheticComparison, syntheticInputs, syntheticSeries } from './synthetic.js';

const inputs = syntheticInputs({ replicates: 6, years: 20 });
const specs = reportSpecs(inputs);

describe('scenarioColors', () => {
  it('gives every built-in pathway its fixed colour whatever the order or company, and the baseline black and dashed', () => {
    const a = scenarioColors(['combined', 'baseline', 'x-new']);
    const b = scenarioColors(['baseline', 'benefit-incentives', 'combined']);
    expect(a.range[a.domain.indexOf('combined')]).toBe(BUILTIN_SCENARIO_COLORS.combined);
    expect(b.range[b.domain.indexOf('combined')]).toBe(BUILTIN_SCENARIO_COLORS.combined);
    expect(a.range[a.domain.indexOf('baseline')]).toBe(BASELINE_COLOR);
    expect(a.dashes[a.domain.indexOf('baseline')]).toEqual([...BASELINE_DASH]);
    for (const [n, c] of Object.entries(BUILTIN_SCENARIO_COLORS)) if (n !== 'lockdown-shock') expect(OKABE_ITO, n).toContain(c);
  });

  it('keeps lockdown-shock apart from organisational fortification (not two blues)', () => {
    expect(BUILTIN_SCENARIO_COLORS['lockdown-shock']).not.toBe('#56B4E9');
  });

  it('makes whatever the baseline is black and dashed, and colours the built-in "baseline" like any other scenario when it is not the baseline', () => {
    const s = scenarioColors(['yao20-base', 'half-benefit', 'baseline'], 'yao20-base');
    expect(s.baseline).toBe('yao20-base');
    expect(s.range[0]).toBe(BASELINE_COLOR);
    expect(s.dashes[0]).toEqual([...BASELINE_DASH]);
    expect(s.range[2]).not.toBe(BASELINE_COLOR);
    expect(new Set(s.dashes.map((d) => d.join(','))).size).toBe(3);
  });

  it('gives unknown names distinct colours, the strongest first when no built-in takes them, and never greys', () => {
    const alone = scenarioColors(['baseline', 'alpha', 'beta', 'gamma']);
    expect(alone.range.slice(1)).toEqual(['#0072B2', '#E69F00', '#009E73']);
    const all = scenarioColors([...Object.keys(BUILTIN_SCENARIO_COLORS), 'alpha', 'beta']);
    const custom = all.range.slice(-2);
    for (const c of custom) expect(Object.values(BUILTIN_SCENARIO_COLORS)).not.toContain(c);
    expect(new Set(all.range).size).toBe(all.range.length);
    const grey = (c: string) => { const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)); return Math.max(r, g, b) - Math.min(r, g, b) < 24; };
    for (const c of [...all.range.slice(1), ...scenarioColors(Array.from({ length: 20 }, (_, i) => `s${i}`)).range]) expect(grey(c), c).toBe(false);
  });

  it('drops duplicate names so domain, range and dashes stay aligned', () => {
    const s = scenarioColors(['baseline', 'baseline', 'combined']);
    expect(s.domain).toEqual(['baseline', 'combined']);
    expect(s.range).toHaveLength(2);
    expect(s.dashes).toHaveLength(2);
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
    // the scenarios appear under their display names: a pathway's declared label, else the name
    expect(colourOf.get('Benefit-oriented incentives')).toBe(BUILTIN_SCENARIO_COLORS['benefit-incentives']);
    expect(colourOf.get('my-custom-pathway')).toBe('#882255'); // the first spare colour no built-in of the report takes
  });

  it('lists in a legend only the scenarios the chart draws', () => {
    for (const [name, spec] of Object.entries(specs)) {
      const drawn = new Set(dataArrays(spec).flat().map((v) => v.label).filter((l) => l !== undefined));
      for (const scale of scenarioScales(spec)) for (const d of scale.domain) expect(drawn.has(d), `${name}: ${d}`).toBe(true);
    }
    // the baseline is not an effect or a cost-effectiveness: neither chart has it
    for (const name of ['pathway-effects', 'cost-effectiveness']) {
      for (const scale of scenarioScales(specs[name])) expect(scale.domain, name).not.toContain('baseline');
    }
  });

  it('dashes the baseline and gives the lines of other scenarios their own dash', () => {
    const d = dashScales(specs['members-over-time'])[0];
    expect(d.range[d.domain.indexOf('baseline')]).toEqual([...BASELINE_DASH]);
    expect(new Set(d.range.map((x) => x.join(','))).size).toBe(d.domain.length);
  });

  it('shades the start-up years and leaves the initial year out of yearly flows', () => {
    const shade = (spec: TopLevelSpec) => [...new Set(dataArrays(spec).flat().filter((v) => v.start !== undefined))];
    expect(shade(specs['members-over-time'])).toEqual([{ start: 2025, end: 2030, text: 'start-up' }]);
    expect(shade(membersOverTimeSpec(inputs.series, { startupYears: 0 }))).toEqual([]);
    const years = (spec: TopLevelSpec) => new Set(dataArrays(spec).flat().filter((v) => v.mean !== undefined).map((v) => v.year));
    expect(years(specs.migration).has(2025)).toBe(false); // a rate: nothing happened before the first simulated year
    expect(years(specs['members-over-time']).has(2025)).toBe(true); // a stock: the initial state is a value
  });

  it('writes titles, axes, legends and tooltips in Chinese for a Chinese report', () => {
    const zh = reportSpecs({ ...inputs, lang: 'zh' });
    const text = JSON.stringify(zh);
    expect(titleText(zh['members-over-time'])).toBe('全县正式党员人数变化');
    expect(text).toContain('正式党员（人）');
    expect(text).toContain('"title":"情景"');
    expect(text).toContain('利益导向激励'); // the pathway's declared Chinese label
    expect(text).toContain('起步期');
    for (const [name, spec] of Object.entries(zh)) {
      for (const t of quantitativeAxisTitles(spec).filter((t) => t !== '年份')) expect(t, `${name}: ${t}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keeps colours when a chart sees only some scenarios but gets the full list', () => {
    const all = ['baseline', 'alpha', 'beta'];
    const series = syntheticSeries({ scenarios: ['baseline', 'beta'], replicates: 3, years: 3 });
    const s1 = scenarioScales(membersOverTimeSpec(series, { scenarios: all }))[0];
    const s2 = scenarioScales(warningShareSpec(syntheticSeries({ scenarios: all, replicates: 3, years: 3 }), { scenarios: all }))[0];
    const colour = (s: { domain: string[]; range: string[] }, n: string) => s.range[s.domain.indexOf(n)];
    expect(s1.domain).toEqual(['baseline', 'beta']); // only what is drawn
    expect(colour(s1, 'beta')).toBe(colour(s2, 'beta'));
  });

  it('embeds aggregated values, one per scenario and year, not every replicate', () => {
    const values = dataArrays(membersOverTimeSpec(inputs.series)).find((v) => v[0]?.mean !== undefined)!;
    const scenarios = new Set(inputs.series.map((r) => r.scenario)).size;
    expect(values).toHaveLength(scenarios * 21);
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
    expect(a.facet.field).toBe('label');
    const f = pipelineFunnelSpec(inputs.series, [2025, 2045]) as { data: { values: { year: number }[] } };
    expect(new Set(f.data.values.map((v) => v.year))).toEqual(new Set([2025, 2045]));
  });

  it('builds one cost-effectiveness panel per outcome with the gains per million yuan of the spending scenarios', () => {
    const spec = costEffectivenessSpec(inputs.comparison, inputs.series) as unknown as {
      vconcat: { title: { text: string }; layer: { encoding: { x: { title: string } } }[]; data: { values: { scenario: string; per_million: number }[] } }[];
    };
    expect(spec.vconcat.map((p) => p.title.text)).toEqual(['Full members', 'Branches with a ready successor']);
    const rows = costEffectiveness(inputs.comparison, inputs.series, { outcomes: ['members_full'] });
    expect(rows.length).toBeGreaterThan(0);
    // the members panel plots exactly those rows (same scenarios, same gains per million yuan)
    expect(spec.vconcat[0].data.values.map((v) => [v.scenario, v.per_million])).toEqual(rows.map((r) => [r.scenario, r.per_million]));
    expect(spec.vconcat[0].data.values.map((v) => v.scenario)).not.toContain('baseline');
    // a share outcome is shown in percentage points
    expect(spec.vconcat[1].layer[0].encoding.x.title).toMatch(/percentage points per ¥1M/);
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

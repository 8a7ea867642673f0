// The reading names a leader only when its paired difference to the runner-up excludes zero; otherwise
// "A and B are indistinguishable" with the interval. The difference between two non-baseline scenarios is
// paired by replicate from the series rows, with the engine's t interval.
import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../../src/core/rows.js';
import { compare, pairedDifference } from '../../src/experiment/statistics.js';
import { metricCatalog, pairedBetween, rankOutcome, readingOf, replicateValues } from '../../src/report/index.js';
import { TALENT_METRICS } from '../../src/talent/metrics.js';

const YEAR = 2035;

/** Series rows at one year from replicate values per scenario (and policy_cost per year for cost sentences). */
function rows(values: Record<string, number[]>, metric = 'members_full', cost: Record<string, number> = {}): SeriesRow[] {
  const out: SeriesRow[] = [];
  for (const [scenario, vals] of Object.entries(values)) {
    vals.forEach((value, replicate) => {
      out.push({ scenario, replicate, seed: replicate + 1, year: YEAR, metric, value });
      for (let y = YEAR - 10; y <= YEAR; y++) out.push({ scenario, replicate, seed: replicate + 1, year: y, metric: 'policy_cost', value: y === YEAR - 10 ? 0 : (cost[scenario] ?? 0) });
    });
  }
  return out;
}

const direction = (m: string) => TALENT_METRICS.find((x) => x.name === m)?.direction;
const comparisonOf = (series: SeriesRow[], baseline = 'baseline') => compare(series, { baseline, better: direction });
const label = (s: string) => ({ baseline: 'Baseline', lead: 'Leader', second: 'Second', third: 'Third' })[s] ?? s;

describe('pairing two scenarios that are not the baseline', () => {
  it('pairs by replicate number and gives the engine\'s t interval of the mean difference', () => {
    const series = rows({ baseline: [10, 11, 12, 13], lead: [20, 23, 21, 26], second: [15, 16, 19, 17] });
    const v = replicateValues(series, 'members_full', YEAR);
    expect(pairedBetween(v.get('lead'), v.get('second'))).toEqual(pairedDifference([20, 23, 21, 26], [15, 16, 19, 17], 'higher'));
    expect(Number.isNaN(pairedBetween(v.get('lead'), undefined).diff)).toBe(true);
  });

  it('calls the leader tied with every scenario whose difference from it has an interval including zero', () => {
    const series = rows({ baseline: [10, 11, 12, 13], lead: [20, 23, 21, 26], second: [19, 24, 20, 25], third: [12, 12, 14, 15] });
    const r = rankOutcome(comparisonOf(series), series, 'members_full', YEAR, 'baseline', 1);
    expect(r.ranked.map((x) => x.scenario)).toEqual(['lead', 'second', 'third']);
    expect(r.tied).toEqual(['lead', 'second']);
    expect(r.lead!.diff_ci_low).toBeLessThan(0);
  });
});

describe('readingOf', () => {
  const catalog = metricCatalog(TALENT_METRICS);

  it('says "most" only when the leader is ahead of the runner-up, with both intervals', () => {
    const series = rows({ baseline: [10, 11, 12, 13], lead: [30, 33, 31, 36], second: [15, 16, 19, 17] });
    const [s] = readingOf(comparisonOf(series), { series, catalog, label, metrics: ['members_full'] });
    const lead = pairedDifference([30, 33, 31, 36], [15, 16, 19, 17]);
    expect(s).toMatch(/^Leader raised full members most by 2035: \+21\.0 persons \(95% CI [\d.]+ to [\d.]+\) against Baseline, better in 100% of replicates; ahead of the runner-up, Second, by 15\.8 persons/);
    expect(s).toContain(`(95% CI ${lead.diff_ci_low.toFixed(1)} to ${lead.diff_ci_high.toFixed(1)})`);
  });

  it('says "A and B are indistinguishable" with the interval when they are not told apart', () => {
    const series = rows({ baseline: [10, 11, 12, 13], lead: [20, 23, 21, 26], second: [19, 24, 20, 25] });
    const [s] = readingOf(comparisonOf(series), { series, catalog, label, metrics: ['members_full'] });
    expect(s).toMatch(/^By 2035, Leader and Second are indistinguishable on full members \(Leader minus Second: \+0\.5 persons, 95% CI -[\d.]+ to [\d.]+\); Leader: \+11\.0 persons/);
    expect(s).not.toMatch(/most/);
  });

  it('says no scenario improved an outcome distinguishably when none did, and never names the baseline as a pathway', () => {
    const series = rows({ baseline: [10, 12, 11, 13], lead: [10, 13, 11, 12], second: [9, 12, 11, 13] });
    const [s] = readingOf(comparisonOf(series), { series, catalog, label, metrics: ['members_full'] });
    expect(s).toMatch(/^By 2035, no scenario improved full members distinguishably over Baseline; the most favourable difference was Leader's/);
  });

  it('reads a baseline with its own name as the baseline, not as a scenario', () => {
    const series = rows({ 'yao20-base': [10, 11, 12, 13], lead: [30, 33, 31, 36], second: [15, 16, 19, 17] });
    const out = readingOf(comparisonOf(series, 'yao20-base'), { series, catalog, baseline: 'yao20-base', metrics: ['members_full'] });
    expect(out[0]).toMatch(/^lead raised full members most by 2035: .* against yao20-base/);
    expect(out.join(' ')).not.toMatch(/least unfavourable/);
  });

  it('reads one scenario against the baseline without "most"', () => {
    const series = rows({ baseline: [10, 11, 12, 13], lead: [30, 33, 31, 36] });
    expect(readingOf(comparisonOf(series), { series, catalog, label, metrics: ['members_full'] })[0])
      .toMatch(/^By 2035, Leader raised full members by 21\.0 persons \(95% CI .* against Baseline, better in 100% of replicates\.$/);
    const worse = rows({ baseline: [30, 33, 31, 36], lead: [10, 11, 12, 13] });
    expect(readingOf(comparisonOf(worse), { series: worse, catalog, label, metrics: ['members_full'] })[0]).toMatch(/^By 2035, Leader worsened full members: -21\.0 persons/);
  });

  it('compares gains per million yuan the same way, paired per replicate', () => {
    const series = rows({ baseline: [10, 11, 12, 13], lead: [30, 33, 31, 36], second: [20, 21, 22, 23] }, 'members_full', { lead: 1e5, second: 1e5 });
    const out = readingOf(comparisonOf(series), { series, catalog, label, metrics: [] });
    // 10 years × 100,000 yuan = 1 million yuan extra: gains of 21 and 10 persons per million yuan
    expect(out).toEqual([expect.stringMatching(/^Per million yuan of extra spending, Leader added the most full members: 21\.00 persons per million yuan \(95% CI .*\); ahead of Second by 11\.00 persons/)]);
    const tied = rows({ baseline: [10, 11, 12, 13], lead: [20, 23, 21, 26], second: [19, 24, 20, 25] }, 'members_full', { lead: 1e5, second: 1e5 });
    expect(readingOf(comparisonOf(tied), { series: tied, catalog, label, metrics: [] })[0]).toMatch(/^Per million yuan of extra spending, Leader and Second are indistinguishable on full members/);
  });

  it('reads in Chinese as a policy reader expects', () => {
    const zh = metricCatalog(TALENT_METRICS, 'zh');
    const l = (s: string) => ({ baseline: '基线', lead: '利益导向激励', second: '厚植文化认同' })[s] ?? s;
    const best = rows({ baseline: [10, 11, 12, 13], lead: [30, 33, 31, 36], second: [15, 16, 19, 17] });
    expect(readingOf(comparisonOf(best), { series: best, catalog: zh, label: l, metrics: ['members_full'] })[0])
      .toMatch(/^到2035年，利益导向激励使正式党员提高最多：与基线相比提高21\.0人（95%置信区间：[\d.]+至[\d.]+），在100%的重复模拟中优于基线；比排名第二的厚植文化认同多15\.8人/);
    const tied = rows({ baseline: [10, 11, 12, 13], lead: [20, 23, 21, 26], second: [19, 24, 20, 25] });
    expect(readingOf(comparisonOf(tied), { series: tied, catalog: zh, label: l, metrics: ['members_full'] })[0])
      .toMatch(/^到2035年，在正式党员上，利益导向激励和厚植文化认同难以区分（利益导向激励减厚植文化认同：\+0\.5人，95%置信区间：-[\d.]+至[\d.]+）/);
    const warn = rows({ baseline: [0.5, 0.4, 0.45, 0.5], lead: [0.2, 0.15, 0.2, 0.25] }, 'branches_warning_share');
    expect(readingOf(comparisonOf(warn), { series: warn, catalog: zh, label: l, metrics: ['branches_warning_share'] })[0])
      .toMatch(/^到2035年，与基线相比，利益导向激励使预警村党组织占比降低26\.3个百分点（95%置信区间：/);
  });
});

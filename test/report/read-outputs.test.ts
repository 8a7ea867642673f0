import { describe, expect, it } from 'vitest';
import { toCsv, type SeriesRow } from '../../src/core/rows.js';
import { COMPARISON_COLUMNS, type ComparisonRow } from '../../src/experiment/types.js';
import { parseComparisonCsv, parseCsv, parseSeriesCsv } from '../../src/report/index.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and newlines, and CRLF line ends', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n1,,3\r\n';
    expect(parseCsv(text)).toEqual([
      { a: 'x, y', b: 'say "hi"', c: 'line1\nline2' },
      { a: '1', b: '', c: '3' },
    ]);
  });

  it('reads a file without a final newline and ignores blank lines', () => {
    expect(parseCsv('a,b\n1,2\n\n3,4')).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4' }]);
  });
});

describe('parseSeriesCsv / parseComparisonCsv', () => {
  it('round-trips rows written by toCsv, with numbers as numbers', () => {
    const rows: SeriesRow[] = [
      { scenario: 'my "odd", name', replicate: 0, seed: 42, year: 2030, metric: 'members_full', value: 1234.5678 },
      { scenario: 'baseline', replicate: 1, seed: 43, year: 2031, metric: 'return_rate', value: 0.0123 },
    ];
    const back = parseSeriesCsv(toCsv(rows));
    expect(back).toEqual(rows);
    expect(typeof back[0].value).toBe('number');
  });

  it('keeps extra scan columns, as numbers where they parse', () => {
    const rows = [{ scenario: 'b', replicate: 0, seed: 1, year: 2030, metric: 'm', value: 1, wage: 2.5, tag: 'hi' }];
    const back = parseSeriesCsv(toCsv(rows, ['scenario', 'replicate', 'seed', 'year', 'metric', 'value', 'wage', 'tag']));
    expect(back[0]).toEqual(rows[0]);
  });

  it('reads comparison rows, NaN stays NaN', () => {
    const row: ComparisonRow = { scenario: 'combined', metric: 'members_full', year: 2055, n: 20, mean: 1, sd: 0.5, ci_low: 0.7, ci_high: 1.3, diff: 0.2, diff_ci_low: -0.1, diff_ci_high: 0.5, p_better: 0.65 };
    const back = parseComparisonCsv(toCsv([row as unknown as Record<string, number | string>, { ...row, sd: NaN } as unknown as Record<string, number | string>], COMPARISON_COLUMNS));
    expect(back[0]).toEqual(row);
    expect(back[1].sd).toBeNaN();
  });
});

/** Tidy output rows: one row per (scenario, replicate, year, metric). */

/** One tidy row of a time series. */
export interface SeriesRow {
  scenario: string;
  replicate: number;
  seed: number;
  year: number;
  metric: string;
  value: number;
  /** Extra columns (varied parameters in a scan), if any. */
  [column: string]: string | number;
}

/** The fixed columns of series.csv, in order. */
export const SERIES_COLUMNS = ['scenario', 'replicate', 'seed', 'year', 'metric', 'value'] as const;

/**
 * Formats a number for output so that the same double always gives the same text: integers as
 * integers, others with up to 10 significant digits (enough for every metric; avoids noise digits).
 */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return 'NaN';
  if (Number.isInteger(x)) return String(x);
  const s = x.toPrecision(10);
  // strip trailing zeros of the mantissa
  if (s.includes('e')) {
    const [m, e] = s.split('e');
    return `${m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m}e${e}`;
  }
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Quotes a CSV field if needed (RFC 4180). */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return formatValue(v);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows as CSV text with a header line; `columns` defaults to the fixed series columns. */
export function toCsv(rows: readonly Record<string, string | number>[], columns: readonly string[] = SERIES_COLUMNS): string {
  let out = columns.join(',') + '\n';
  for (const r of rows) out += columns.map((c) => csvField(r[c] ?? '')).join(',') + '\n';
  return out;
}

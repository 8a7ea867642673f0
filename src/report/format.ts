/** Text formatting for the HTML report: HTML escaping, numbers with units, intervals, in the catalog's language. */
import { messagesFor } from './i18n/index.js';
import { TALENT_CATALOG, type MetricCatalog } from './metric-info.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON safe to place inside a <script> element (no "</script>", no line separators). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A number with fixed decimals and thousands separators; "n/a" when not finite. */
export function formatNumber(x: number, decimals = 1, signed = false): string {
  if (!Number.isFinite(x)) return 'n/a';
  const s = Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const zero = Number(Math.abs(x).toFixed(decimals)) === 0;
  const sign = x < 0 && !zero ? '-' : signed && !zero ? '+' : '';
  return sign + s;
}

/** A level of a metric: shares as "23.4%", others as numbers. */
export function formatLevel(metric: string, x: number, catalog: MetricCatalog = TALENT_CATALOG): string {
  return catalog.info(metric).share ? `${formatNumber(100 * x, 1)}%` : formatNumber(x, 1);
}

/** The unit after a number: "12.3 persons" in English, "12.3人" in Chinese. */
function withUnitText(number: string, unit: string, catalog: MetricCatalog): string {
  return catalog.lang === 'zh' ? `${number}${unit}` : `${number} ${unit}`;
}

/** A difference of a metric: shares in percentage points ("+2.1 percentage points"), others signed with the unit. */
export function formatDiff(metric: string, x: number, withUnit = true, catalog: MetricCatalog = TALENT_CATALOG): string {
  const info = catalog.info(metric);
  const m = messagesFor(catalog.lang);
  if (info.share) {
    const n = formatNumber(100 * x, 1, true);
    return withUnit ? withUnitText(n, m.percentagePoints, catalog) : n;
  }
  const n = formatNumber(x, 1, true);
  return withUnit && info.unit !== 'value' ? withUnitText(n, info.unit, catalog) : n;
}

/** The size of a difference without its sign ("2.1 percentage points"). */
export function formatSize(metric: string, x: number, catalog: MetricCatalog = TALENT_CATALOG): string {
  return formatDiff(metric, Math.abs(x), true, catalog).replace(/^\+/, '');
}

/** An interval "a to b" ("a至b") in the metric's display scale (percentage points for shares). */
export function formatInterval(metric: string, low: number, high: number, catalog: MetricCatalog = TALENT_CATALOG): string {
  const k = catalog.info(metric).share ? 100 : 1;
  return messagesFor(catalog.lang).interval(formatNumber(k * low, 1), formatNumber(k * high, 1));
}

/** An interval as "[a, b]" in the metric's display scale, for table cells. */
export function formatBracket(metric: string, low: number, high: number, catalog: MetricCatalog = TALENT_CATALOG): string {
  const k = catalog.info(metric).share ? 100 : 1;
  return `[${formatNumber(k * low, 1)}, ${formatNumber(k * high, 1)}]`;
}

/** A share in [0, 1] as a whole percentage: 0.92 → "92%". */
export function formatPercent(p: number): string {
  return Number.isFinite(p) ? `${Math.round(100 * p)}%` : 'n/a';
}

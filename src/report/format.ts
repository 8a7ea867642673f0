/** Text formatting for the HTML report: HTML escaping, numbers with units, intervals. */
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

/** A difference of a metric: shares in percentage points ("+2.1 pp"), others signed with the unit. */
export function formatDiff(metric: string, x: number, withUnit = true, catalog: MetricCatalog = TALENT_CATALOG): string {
  const info = catalog.info(metric);
  if (info.share) return `${formatNumber(100 * x, 1, true)}${withUnit ? ' percentage points' : ''}`;
  return `${formatNumber(x, 1, true)}${withUnit && info.unit !== 'value' ? ` ${info.unit}` : ''}`;
}

/** An interval "a to b" in the metric's display scale (percentage points for shares). */
export function formatInterval(metric: string, low: number, high: number, catalog: MetricCatalog = TALENT_CATALOG): string {
  const k = catalog.info(metric).share ? 100 : 1;
  return `${formatNumber(k * low, 1)} to ${formatNumber(k * high, 1)}`;
}

/** A share in [0, 1] as a whole percentage: 0.92 → "92%". */
export function formatPercent(p: number): string {
  return Number.isFinite(p) ? `${Math.round(100 * p)}%` : 'n/a';
}

/** The horizon year of a comparison: the year the report reads results at. */
import type { ComparisonRow } from '../../experiment/types.js';

/** The latest year in the comparison rows (NaN when there are none). */
export function horizonYear(comparison: readonly ComparisonRow[]): number {
  let y = -Infinity;
  for (const r of comparison) if (r.year > y) y = r.year;
  return Number.isFinite(y) ? y : NaN;
}

/** Factors of a sensitivity design: named input ranges, and the map from the unit interval onto them. */

/** One varied input: its name and range; `integer` factors take whole values min..max with equal weight. */
export interface Factor {
  name: string;
  min: number;
  max: number;
  integer?: boolean;
}

/** A problem found in a factor list, with the path of the offending field. */
export interface FactorIssue {
  path: string;
  message: string;
}

/** Problems in a factor list (empty when it is usable): empty list, duplicate names, bad or inverted ranges. */
export function checkFactors(factors: readonly Factor[]): FactorIssue[] {
  const issues: FactorIssue[] = [];
  if (factors.length === 0) issues.push({ path: 'factors', message: 'at least one factor is needed' });
  const seen = new Set<string>();
  factors.forEach((f, i) => {
    if (!f.name) issues.push({ path: `factors[${i}].name`, message: 'name must be a non-empty string' });
    else if (seen.has(f.name)) issues.push({ path: `factors[${i}].name`, message: `duplicate factor name "${f.name}"` });
    seen.add(f.name);
    if (!Number.isFinite(f.min)) issues.push({ path: `factors[${i}].min`, message: 'min must be a finite number' });
    if (!Number.isFinite(f.max)) issues.push({ path: `factors[${i}].max`, message: 'max must be a finite number' });
    if (Number.isFinite(f.min) && Number.isFinite(f.max) && !(f.max > f.min)) {
      issues.push({ path: `factors[${i}].max`, message: `max (${f.max}) must exceed min (${f.min})` });
    }
    if (f.integer && (!Number.isInteger(f.min) || !Number.isInteger(f.max))) {
      issues.push({ path: `factors[${i}]`, message: 'an integer factor needs integer min and max' });
    }
  });
  return issues;
}

/** Throws one Error listing every issue of {@link checkFactors}; used by the design generators. */
export function assertFactors(factors: readonly Factor[]): void {
  const issues = checkFactors(factors);
  if (issues.length > 0) throw new Error(issues.map((x) => `${x.path}: ${x.message}`).join('\n'));
}

/**
 * Maps u ∈ [0, 1] onto the factor: `min + u·(max − min)` for a continuous factor; for an integer factor
 * `min + ⌊u·(max − min + 1)⌋` capped at max, so a uniform u gives each whole value equal probability.
 */
export function fromUnit(factor: Factor, u: number): number {
  if (factor.integer) return Math.min(factor.max, factor.min + Math.floor(u * (factor.max - factor.min + 1)));
  return factor.min + u * (factor.max - factor.min);
}

/** A design row (values in factor order) as a record by factor name, e.g. parameter overrides. */
export function pointValues(factors: readonly Factor[], row: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  factors.forEach((f, j) => (out[f.name] = row[j]));
  return out;
}

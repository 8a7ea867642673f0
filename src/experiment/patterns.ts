/**
 * `checkPatterns`: runs the baseline over replicates and compares each calibration pattern's
 * simulated mean (with a 95% t interval over replicates) with its target range.
 */
import { PATTERNS, PATTERN_METRICS, PATTERN_WINDOW, patternStatistics } from '../model/calibration/patterns.js';
import type { Scenario } from '../scenario/types.js';
import { runReplicate } from './replicate.js';
import { summarize } from './statistics.js';

/** One pattern's result (the `--json` form of `talentsim patterns`). */
export interface PatternResult {
  name: string;
  description: string;
  source: string;
  low: number;
  high: number;
  simulated: number;
  ciLow: number;
  ciHigh: number;
  ok: boolean;
}

/** Options of {@link checkPatterns}. */
export interface PatternOptions {
  /** Replicates (default 10). */
  replicates?: number;
  /** Called after each replicate. */
  onProgress?: (done: number, total: number) => void;
}

/** Runs `scenario` (normally the baseline) for the pattern window and evaluates every pattern. */
export function checkPatterns(scenario: Scenario, options: PatternOptions = {}): PatternResult[] {
  const replicates = options.replicates ?? 10;
  const years = Math.max(PATTERN_WINDOW[1], 1);
  const s = { ...scenario, years };
  const stats: number[][] = PATTERNS.map(() => []);
  for (let r = 0; r < replicates; r++) {
    const rows = runReplicate(s, r, { metrics: PATTERN_METRICS });
    patternStatistics(rows, s.startYear).forEach((x, k) => stats[k].push(x));
    options.onProgress?.(r + 1, replicates);
  }
  return PATTERNS.map((p, k) => {
    const sm = summarize(stats[k]);
    return {
      name: p.name, description: p.description, source: p.source, low: p.low, high: p.high,
      simulated: sm.mean, ciLow: sm.ci_low, ciHigh: sm.ci_high, ok: sm.mean >= p.low && sm.mean <= p.high,
    };
  });
}

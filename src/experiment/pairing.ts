/**
 * What pairing scenario r with baseline r needs. A paired difference measures a policy's effect only when
 * both runs simulate the same place over the same years: scenarios whose county, horizon or start year
 * differ from the baseline's are refused (their differences would measure another county, not a policy),
 * unless the caller allows the mismatch. Scenarios that differ only in their seed or in `crn` still pair,
 * but not on common random numbers: that is a warning. Used by every analysis that pairs (ensemble,
 * robustness, the effect sensitivity).
 */
import type { Scenario } from '../scenario/types.js';
import { ExperimentInputError } from './errors.js';

/** One field in which a scenario differs from the baseline. */
export interface FieldDifference {
  /** Path of the field, e.g. `years`, `county.villages`, `county.mix.yao`. */
  path: string;
  value: unknown;
  baseline: unknown;
}

/** Leaves of a plain value as path → value (`county.mix.yao` → 0.25). */
function leaves(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
  return out;
}

/** The fields in which `scenario` differs from `baseline` among those `pick` takes. */
function differences(scenario: Scenario, baseline: Scenario, pick: (s: Scenario) => Record<string, unknown>): FieldDifference[] {
  const a = leaves(pick(scenario), '', new Map());
  const b = leaves(pick(baseline), '', new Map());
  const out: FieldDifference[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (!Object.is(a.get(path), b.get(path))) out.push({ path, value: a.get(path), baseline: b.get(path) });
  }
  return out;
}

/** What pairing requires to be equal: the place (the county but its display name) and the years simulated. */
const PAIRING_FIELDS = (s: Scenario) => {
  const { name: _name, ...county } = s.county;
  return { startYear: s.startYear, years: s.years, county };
};
/** What common random numbers require besides: the seed and `crn`. */
const CRN_FIELDS = (s: Scenario) => ({ seed: s.seed, crn: s.crn });

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' ? String(Number(v.toPrecision(4))) : String(v));
const list = (d: readonly FieldDifference[]) => d.map((x) => `${x.path === 'startYear' ? 'start_year' : x.path} (${show(x.value)} vs ${show(x.baseline)})`).join(', ');

/** What {@link checkPairing} found: problems (refused) and warnings (allowed mismatches, pairs without CRN). */
export interface PairingCheck {
  problems: string[];
  warnings: string[];
}

/**
 * Checks every scenario against the baseline: a different county, horizon or start year is a problem
 * (a warning when `allowMismatch`), a different seed or `crn: false` a warning.
 */
export function checkPairing(scenarios: readonly Scenario[], baseline: string, allowMismatch = false): PairingCheck {
  const base = scenarios.find((s) => s.name === baseline);
  const out: PairingCheck = { problems: [], warnings: [] };
  if (!base) return out;
  for (const s of scenarios) {
    if (s === base) continue;
    const d = differences(s, base, PAIRING_FIELDS);
    if (d.length) {
      const what = `scenario "${s.name}" differs from the baseline "${baseline}" in ${list(d)}`;
      if (allowMismatch) out.warnings.push(`${what}; paired anyway (allowMismatch): its differences include those of the county and years, not only of a policy`);
      else {
        out.problems.push(
          `${what}: paired replicate by replicate, the differences would measure another county or period, not a policy's effect. ` +
            'Give both the same county, years and start_year, or pass allowMismatch (--allow-mismatch) to pair them anyway',
        );
      }
    }
    const crn = differences(s, base, CRN_FIELDS);
    if (crn.length || !s.crn) {
      const why = crn.length ? `differs from the baseline "${baseline}" in ${list(crn)}` : 'has crn: false';
      out.warnings.push(`scenario "${s.name}" ${why}: its replicates pair with the baseline's without common random numbers, so the intervals of its differences are wider`);
    }
  }
  return out;
}

/** {@link checkPairing}, throwing an {@link ExperimentInputError} with the problems; returns the warnings. */
export function assertPairing(scenarios: readonly Scenario[], baseline: string, allowMismatch = false): string[] {
  const r = checkPairing(scenarios, baseline, allowMismatch);
  if (r.problems.length) throw new ExperimentInputError(r.problems);
  return r.warnings;
}

/**
 * The mechanism audit (issue 14 item 4): for every mechanism of the paper, one row of one table — its
 * parameter, the outcome the paper ties it to and the paper's direction. Each row is run as a pair of
 * scenarios with common random numbers: the parameter at the low and at the high end of its declared range
 * (everything else default; an optional context, such as a lockdown shock, present in both arms). The effect
 * is the paired mean difference (high − low) of the outcome at the horizon with its 95% interval; `ok` when
 * the interval excludes zero in the expected direction. Runs through the engine's design runner
 * ({@link runDesign}: worker threads, CRN forced on).
 */
import { runDesign, type DesignPoint } from '../experiment/design-runs.js';
import { ExperimentInputError } from '../experiment/errors.js';
import type { ExperimentProgress } from '../experiment/experiment.js';
import { pairedDifference } from '../experiment/statistics.js';
import { PARAMETER_INDEX } from '../model/parameters.js';
import type { Scenario } from '../scenario/types.js';
import { talentBinding } from './binding.js';

/** A context both arms of a row share (a lockdown: paper 3.1; from t = 1 for 2 years, as scenarios/lockdown-shock.yaml). */
export type MechanismContext = 'lockdown';

/** One declared mechanism. */
export interface MechanismSpec {
  /** Name (the paper's words). */
  mechanism: string;
  /** Section of the paper (its own numbering, e.g. 2.1). */
  section: string;
  /** The parameter varied (a declared model parameter). */
  parameter: string;
  /** Low and high end (default: the parameter's declared range). */
  low?: number;
  high?: number;
  /** Outcome metric at the horizon. */
  outcome: string;
  /** The paper's direction of the outcome as the parameter goes from low to high. */
  expected: '+' | '-';
  /** Scenario context present in both arms. */
  context?: MechanismContext;
}

/**
 * The paper's mechanisms, in paper order. Introducers and activist lapse (issue 14's recruitment side)
 * join the table when their parameters exist.
 */
export const MECHANISMS: readonly MechanismSpec[] = Object.freeze([
  { mechanism: 'elderly/frail core', section: '1.1', parameter: 'frailty_age', outcome: 'members_full', expected: '+' },
  { mechanism: 'tokenism', section: '2.1', parameter: 'tokenism', outcome: 'member_competence_mean', expected: '-' },
  { mechanism: 'recruitment quota (county plan)', section: '2.1', parameter: 'plan_recruits_per_1000', outcome: 'members_full', expected: '+' },
  { mechanism: 'introducers', section: '2.1', parameter: 'introducer_branch_capacity', outcome: 'recruits', expected: '+' },
  { mechanism: 'activist lapse', section: '2.1', parameter: 'activist_lapse_rate', outcome: 'activists', expected: '-' },
  { mechanism: 'outstanding refusal', section: '2.1', parameter: 'outstanding_refusal', outcome: 'applications', expected: '-' },
  { mechanism: 'political screening', section: '2.1', parameter: 'screening_exclusion_entrepreneur', outcome: 'members_full', expected: '-' },
  { mechanism: 'popularity vote', section: '2.1', parameter: 'vote_popularity_bar', outcome: 'excluded_vote', expected: '+' },
  { mechanism: 'livelihood retreat', section: '2.1, 3.4', parameter: 'livelihood_retreat', outcome: 'dropouts_retreat', expected: '+' },
  { mechanism: 'photo-oriented meetings / supervision', section: '2.2', parameter: 'photo_meeting_drift', outcome: 'members_full', expected: '-' },
  { mechanism: 'business priority bias', section: '2.3', parameter: 'business_priority_bias', outcome: 'members_full', expected: '-' },
  { mechanism: 'fragmented study', section: '2.3', parameter: 'study_decay', outcome: 'members_full', expected: '-' },
  { mechanism: 'lockdown / involution', section: '3.1', parameter: 'cultivation_conflict_effect', outcome: 'members_full', expected: '-', context: 'lockdown' },
  { mechanism: 'weakened authority', section: '3.2', parameter: 'authority_conflict_weight', outcome: 'applicants', expected: '-' },
  { mechanism: 'wait-for-relief', section: '3.2, 4.1', parameter: 'dependence_aspiration_effect', outcome: 'applicants', expected: '-' },
  { mechanism: 'short-video erosion', section: '3.3', parameter: 'identity_erosion_youth', outcome: 'cultural_identity_mean', expected: '-' },
  { mechanism: 'livelihood pressure vs aspiration', section: '3.4', parameter: 'pressure_intercept', outcome: 'applicants', expected: '-' },
  { mechanism: 'cultural efficacy on return', section: '4.3', parameter: 'cultural_efficacy_base', outcome: 'return_rate', expected: '+' },
] satisfies MechanismSpec[]);

/** One row of the audit's output. */
export interface MechanismRow {
  mechanism: string;
  section: string;
  parameter: string;
  low: number;
  high: number;
  outcome: string;
  expected: '+' | '-';
  /** Paired mean difference high − low at the horizon, and its 95% interval. */
  effect: number;
  ci_low: number;
  ci_high: number;
  /** The interval excludes zero in the expected direction. */
  ok: boolean;
}

/** Columns of the audit, in order. */
export const MECHANISM_COLUMNS = ['mechanism', 'section', 'parameter', 'low', 'high', 'outcome', 'expected', 'effect', 'ci_low', 'ci_high', 'ok'] as const;

/** Options of {@link mechanismAudit}. */
export interface MechanismAuditOptions {
  /** Replicates per arm (default 8). */
  replicates?: number;
  /** Years simulated (default 20). */
  years?: number;
  /** Villages of the county (default: the scenario's; population scaled with them). */
  villages?: number;
  /** Only these mechanisms (names or parameters; default all). */
  only?: readonly string[];
  /** Worker threads. */
  workers?: number;
  onProgress?: (p: ExperimentProgress) => void;
}

/** Default replicates and years of the audit. */
export const MECHANISM_DEFAULTS = Object.freeze({ replicates: 8, years: 20 });

/** The scenario context of a row. */
function withContext(s: Scenario, context: MechanismContext | undefined): Scenario {
  if (context !== 'lockdown') return s;
  return { ...s, shocks: [...s.shocks, { kind: 'lockdown', start: 1, duration: 2, mobility: 0, conflict: 0.3, migrantWage: 0.8 }] };
}

/** The rows chosen, with their ends resolved (an input error for an unknown parameter or name). */
export function mechanismRows(only?: readonly string[]): (MechanismSpec & { low: number; high: number })[] {
  const chosen = only?.length ? MECHANISMS.filter((m) => only.includes(m.mechanism) || only.includes(m.parameter)) : MECHANISMS;
  if (only?.length) {
    const unknown = only.filter((n) => !MECHANISMS.some((m) => m.mechanism === n || m.parameter === n));
    if (unknown.length) throw new ExperimentInputError(`unknown mechanism(s): ${unknown.join(', ')} (known: ${MECHANISMS.map((m) => m.parameter).join(', ')})`);
  }
  return chosen.map((m) => {
    const spec = PARAMETER_INDEX.get(m.parameter);
    if (!spec) throw new ExperimentInputError(`mechanism "${m.mechanism}": unknown parameter ${m.parameter}`);
    return { ...m, low: m.low ?? spec.min, high: m.high ?? spec.max };
  });
}

/** Runs the audit on `base` (the baseline scenario as loaded): one CRN pair per mechanism. */
export async function mechanismAudit(base: Scenario, options: MechanismAuditOptions = {}): Promise<MechanismRow[]> {
  const rows = mechanismRows(options.only);
  const replicates = options.replicates ?? MECHANISM_DEFAULTS.replicates;
  if (!Number.isInteger(replicates) || replicates < 2) throw new ExperimentInputError(`replicates must be an integer ≥ 2 (the intervals need them), found ${replicates}`);
  const years = options.years ?? MECHANISM_DEFAULTS.years;
  let county = base.county;
  if (options.villages !== undefined) {
    county = { ...county, villages: options.villages, population: Math.round((county.population / county.villages) * options.villages) };
  }
  const common: Scenario = { ...base, years, replicates, county, crn: true };
  const points: DesignPoint[] = [];
  rows.forEach((m, k) => {
    for (const [end, value] of [['low', m.low], ['high', m.high]] as const) {
      const s = talentBinding.atPoint!(withContext(common, m.context), { [m.parameter]: value });
      points.push({ key: `m${String(k).padStart(2, '0')}-${end}`, scenario: { ...s, name: `${m.parameter}=${value}`, replicates }, group: k });
    }
  });
  const outcomes = [...new Set(rows.map((m) => m.outcome))];
  const run = await runDesign(points, { model: talentBinding, outcomes, workers: options.workers, onProgress: options.onProgress });
  return rows.map((m, k) => {
    const low = run.replicateValues!(m.outcome, 2 * k);
    const high = run.replicateValues!(m.outcome, 2 * k + 1);
    const d = pairedDifference(high, low);
    const ok = m.expected === '+' ? d.diff_ci_low > 0 : d.diff_ci_high < 0;
    return {
      mechanism: m.mechanism, section: m.section, parameter: m.parameter, low: m.low, high: m.high, outcome: m.outcome, expected: m.expected,
      effect: d.diff, ci_low: d.diff_ci_low, ci_high: d.diff_ci_high, ok,
    };
  });
}

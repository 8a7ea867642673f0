/**
 * The calibration record as plain data: calibration.json (method and settings, targets with the simulated
 * mean and interval at the representative point, waves, acceptance, diagnostics) and runs.csv (every run
 * with its outputs and implausibilities). Deterministic: no timings, no host details, numbers as computed,
 * so the same inputs give byte-identical files. Pure (file writing: ./files.ts).
 */
import { csvField } from '../../core/rows.js';
import { tCritical } from '../statistics.js';
import type { CalibrationRun, HistoryMatchingResult, RepresentativePoint, SimulatedPoint } from './history-matching.js';
import { REPRESENTATIVE_CHOICES } from './representative.js';

/** Version of the calibration.json layout (raise on an incompatible change). */
export const CALIBRATION_JSON_VERSION = 1;

/** References of the method, as cited in calibration.json. */
export const HISTORY_MATCHING_REFERENCES = [
  'Craig, Goldstein, Seheult & Smith (1997), Pressure matching for hydrocarbon reservoirs, in Case Studies in Bayesian Statistics III, 37-93',
  'Vernon, Goldstein & Bower (2010), Galaxy formation: a Bayesian uncertainty analysis, Bayesian Analysis 5(4):619-670',
  'Andrianakis et al. (2015), Bayesian history matching of complex infectious disease models using emulation, PLoS Comput Biol 11(1):e1003968',
  'Pukelsheim (1994), The three sigma rule, The American Statistician 48(2):88-91',
] as const;

/** A simulated output summarised for a report: mean, variance, replicates and the 95% t interval of the mean. */
export interface SimulatedSummary {
  mean: number;
  variance: number;
  replicates: number;
  ci_low: number;
  ci_high: number;
}

/** Mean and 95% t interval of one target at a simulated point (the interval is [mean, mean] for R = 1). */
export function simulatedSummary(output: SimulatedPoint, target: string): SimulatedSummary {
  const mean = output.mean[target];
  const variance = output.variance[target];
  const R = output.replicates;
  const half = R > 1 ? tCritical(R - 1) * Math.sqrt(variance / R) : 0;
  return { mean, variance, replicates: R, ci_low: mean - half, ci_high: mean + half };
}

function representativeRecord(rep: RepresentativePoint | null, targets: readonly string[]) {
  if (!rep) return null;
  return {
    choice: rep.choice,
    run: rep.runId,
    point: rep.point,
    measure: rep.measure,
    nonImplausible: rep.nonImplausible,
    targets: rep.output
      ? Object.fromEntries(targets.map((t) => [t, { ...simulatedSummary(rep.output!, t), implausibility: rep.implausibility![t] }]))
      : null,
  };
}

/** The calibration.json object of a history-matching result (JSON-ready except for non-finite numbers). */
export function calibrationRecord(result: HistoryMatchingResult) {
  const s = result.settings;
  const names = result.problem.targets.map((t) => t.name);
  const rep = result.representative;
  const designRuns = result.runs.length;
  return {
    version: CALIBRATION_JSON_VERSION,
    method: {
      name: result.method,
      cutoff: s.cutoff,
      implausibility: `I_k(x) = |z_k - mean_k(x)| / sqrt(V_obs,k + V_disc,k + V_stoch,k(x)); V_stoch = ${
        s.stochasticVariance === 'ensemble-mean' ? 'V_ens/R (variance of the ensemble mean)' : 'V_ens(1 + 1/R) (z is one realisation)'
      }`,
      implausibilityRank: s.implausibilityRank,
      measure: s.implausibilityRank === 1 ? 'the largest target implausibility' : `the ${s.implausibilityRank === 2 ? '2nd' : '3rd'} largest target implausibility`,
      observationConvention: 'a stated interval [low, high] is read as z ± 2σ_obs: z = (low + high)/2, V_obs = ((high − low)/4)²',
      sample: 'the non-implausible runs with equal weights: a set of inputs not ruled out, not a Bayesian posterior',
      references: HISTORY_MATCHING_REFERENCES,
    },
    settings: s,
    parameters: result.problem.parameters.map((f) => ({ name: f.name, min: f.min, max: f.max, integer: f.integer === true })),
    targets: result.problem.targets.map((t) => ({
      name: t.name,
      source: t.source ?? null,
      low: t.low ?? null,
      high: t.high ?? null,
      observed: t.observed,
      observationVariance: t.observationVariance,
      discrepancyVariance: t.discrepancyVariance,
      fromWave: t.fromWave ?? 1,
      used: result.finalTargets.includes(t.name),
      representative: rep?.output ? { ...simulatedSummary(rep.output, t.name), implausibility: rep.implausibility![t.name] } : null,
    })),
    waves: result.waves,
    acceptance: {
      designRuns,
      checkRuns: result.checkRuns.length,
      totalRuns: result.totalRuns,
      nonImplausibleRuns: result.runs.filter((r) => r.nonImplausible).length,
      accepted: result.accepted.length,
      sampleFrom: result.sampleFrom,
      finalTargets: result.finalTargets,
      stopReason: result.stopReason,
    },
    representative: representativeRecord(rep, names),
    representatives: Object.fromEntries(REPRESENTATIVE_CHOICES.map((c) => [c, representativeRecord(result.representatives[c], names)])),
    identification: result.identification,
  };
}

/** The shape of calibration.json (what {@link calibrationRecord} returns), for readers of the file. */
export type CalibrationRecord = ReturnType<typeof calibrationRecord>;

/** calibration.json text: two-space JSON with non-finite numbers written as null, and a final newline. */
export function formatCalibrationJson(result: HistoryMatchingResult): string {
  return JSON.stringify(calibrationRecord(result), (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/**
 * runs.csv text: one line per run (design runs, then the representative check runs): run, wave, purpose,
 * every parameter, replicates, per target `<name>_mean`, `<name>_variance`, `<name>_implausibility`, then
 * measure, max_implausibility and non_implausible (1/0). Missing values are empty fields.
 */
export function formatRunsCsv(result: HistoryMatchingResult): string {
  const params = result.problem.parameters.map((f) => f.name);
  const targets = result.problem.targets.map((t) => t.name);
  const header = ['run', 'wave', 'purpose', ...params, 'replicates'];
  for (const t of targets) header.push(`${t}_mean`, `${t}_variance`, `${t}_implausibility`);
  header.push('measure', 'max_implausibility', 'non_implausible');
  const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : String(v));
  const line = (r: CalibrationRun, purpose: string) => {
    const cells = [String(r.id), String(r.wave), purpose, ...r.values.map(String), num(r.output?.replicates)];
    for (const t of targets) cells.push(num(r.output?.mean[t]), num(r.output?.variance[t]), num(r.implausibility[t]));
    cells.push(num(r.measure), num(r.maxImplausibility), r.nonImplausible ? '1' : '0');
    return cells.join(',') + '\n';
  };
  let out = header.map(csvField).join(',') + '\n';
  for (const r of result.runs) out += line(r, 'design');
  for (const r of result.checkRuns) out += line(r, 'check');
  return out;
}

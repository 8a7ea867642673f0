/**
 * History matching in waves (Craig et al. 1997; Vernon, Goldstein & Bower 2010; Andrianakis et al. 2015).
 * Wave 1 runs a maximin Latin hypercube over the prior box; every later wave fits a regression emulator per
 * target on the runs so far, screens many cheap candidates around the current non-implausible region with
 * the emulators of every wave so far, and runs the simulator on a space-filling subset of the survivors.
 * A run is non-implausible when its ranked implausibility (the maximum, or the 2nd/3rd largest) is at most
 * the cut-off (3: Pukelsheim's three-sigma rule). The result is the set of non-implausible runs (a region,
 * not a Bayesian posterior) with per-wave diagnostics and representative points.
 *
 * The simulator is never run here: the caller's {@link EvaluatePoints} returns each point's ensemble mean
 * and variance per target (from R replicates), so any execution machinery (worker threads, shards, resume,
 * progress) can sit behind it. Every point is a pure function of the seed, the problem and the outputs of
 * earlier waves, so re-running a calibration with the same seed asks for exactly the same points (a
 * resumable evaluator can serve them from its cache). No Node APIs; randomness only from seeded streams.
 */
import { StreamFactory, type KeyPart } from '../../core/random.js';
import { ExperimentInputError } from '../errors.js';
import type { Factor } from '../sensitivity/factor.js';
import { maximinLatinHypercube, spaceFillingSubset } from './design.js';
import {
  identifyParameters,
  parameterRanges,
  quantileSummary,
  widthRatio,
  type EmulatorDiagnostics,
  type ParameterIdentification,
  type ParameterRange,
  type ScreenDiagnostics,
  type WaveDiagnostics,
} from './diagnostics.js';
import { describeTerms, fitEmulator, predictEmulator, type EmulatorOptions } from './emulator.js';
import { implausibility, rankedImplausibility, stochasticTerm, type StochasticVariance } from './implausibility.js';
import { RegionMeasure, emulatorImplausibilities, sampleRegion, type RegionSamplerOptions, type WaveEmulators } from './region.js';
import { REPRESENTATIVE_CHOICES, marginalMedian, marginalMode, medoidIndex, type RepresentativeChoice } from './representative.js';
import { activeTargets, assertCalibrationProblem, type CalibrationProblem, type CalibrationTarget } from './targets.js';

/** A parameter set: calibrated parameter name → value. */
export type ParameterPoint = Record<string, number>;

/** The simulator's ensemble summary at one point: per target name, the mean and variance over R replicates. */
export interface SimulatedPoint {
  /** Number of replicates R behind the means (≥ 1). */
  replicates: number;
  /** Ensemble mean per target name (every target of the problem; non-finite = missing output). */
  mean: Readonly<Record<string, number>>;
  /** Ensemble (sample, n − 1) variance per target name, finite and ≥ 0 (0 for R = 1 or a deterministic model). */
  variance: Readonly<Record<string, number>>;
}

/** What a call of {@link EvaluatePoints} is for. */
export interface EvaluationRequest {
  /** The wave number (1-based); for representatives, the last design wave. */
  wave: number;
  /** 'design': a wave's runs; 'representatives': the median and mode points checked after the last wave. */
  purpose: 'design' | 'representatives';
  /** Run id of the first point (ids count up over the whole calibration, design runs first). */
  firstRun: number;
}

/**
 * Runs the simulator at `points` (R replicates each) and returns one summary per point, in order, or null
 * for a point whose evaluation failed (it counts as implausible).
 */
export type EvaluatePoints = (points: readonly ParameterPoint[], request: EvaluationRequest) => Promise<readonly (SimulatedPoint | null)[]>;

/** Options of {@link historyMatch}; every default is filled in {@link historyMatchingSettings}. */
export interface HistoryMatchingOptions {
  /** Seed of every random choice (designs, candidates, subsets). */
  seed: KeyPart;
  /** Design points per wave: one number for every wave, or one per wave (the last repeats). */
  runsPerWave: number | readonly number[];
  /** Most waves; default 4. */
  maxWaves?: number;
  /** Most simulator runs (design points, each with the caller's R replicates) in all; default unlimited. */
  budget?: number;
  /** Implausibility cut-off; default 3. */
  cutoff?: number;
  /** Which largest target implausibility decides: 1 = the maximum (default), 2 or 3 = the 2nd or 3rd largest. */
  implausibilityRank?: number;
  /** How the ensemble variance enters; default 'ensemble-mean' (V_ens/R). */
  stochasticVariance?: StochasticVariance;
  /**
   * Stop once more than 1 − minShrink of a wave's runs are non-implausible: the wave's runs fill the current
   * region, so a further wave could shrink it by less than minShrink; default 0.1 (0 turns the rule off).
   */
  minShrink?: number;
  /** Which non-implausible runs form the sample: 'final-wave' (default) or 'all-waves'. */
  sample?: 'final-wave' | 'all-waves';
  /** The representative point proposed as the default parameter set; default 'medoid'. */
  representative?: RepresentativeChoice;
  /** Run the median and mode points after the last wave (2 runs from the budget); default true. */
  evaluateRepresentatives?: boolean;
  /** Emulator training runs: 'region' (those inside the current region, default) or 'all'. */
  training?: 'region' | 'all';
  /** Emulator settings. */
  emulator?: EmulatorOptions;
  /** Points per level of the region sampler, as a multiple of the wave's runs (at least 500); default 2. */
  poolFactor?: number;
  /** Region sampler settings (subset simulation on the emulators). */
  region?: RegionSamplerOptions;
  /** Latin hypercubes tried for the maximin first wave; default 5. */
  lhsTries?: number;
  /** Called after each wave with its diagnostics (progress reporting). */
  onWave?: (wave: WaveDiagnostics) => void;
}

/** Every setting of a history-matching run, defaults filled (what calibration.json records). */
export interface HistoryMatchingSettings {
  seed: KeyPart;
  runsPerWave: number[];
  maxWaves: number;
  budget: number | null;
  cutoff: number;
  implausibilityRank: number;
  stochasticVariance: StochasticVariance;
  minShrink: number;
  sample: 'final-wave' | 'all-waves';
  representative: RepresentativeChoice;
  evaluateRepresentatives: boolean;
  training: 'region' | 'all';
  emulator: Required<EmulatorOptions>;
  poolFactor: number;
  region: Required<RegionSamplerOptions>;
  lhsTries: number;
}

/** One simulator run of the calibration. */
export interface CalibrationRun {
  /** Run id (0-based, in evaluation order). */
  id: number;
  /** Wave that ran it. */
  wave: number;
  /** The parameter set. */
  point: ParameterPoint;
  /** The same values in parameter order. */
  values: number[];
  /** The simulator's summary (null: the evaluation failed). */
  output: SimulatedPoint | null;
  /** Implausibility per target (every target; +Infinity for a missing output). */
  implausibility: Record<string, number>;
  /** Ranked implausibility over the final targets (the acceptance measure). */
  measure: number;
  /** Largest implausibility over the final targets. */
  maxImplausibility: number;
  /** measure ≤ cut-off. */
  nonImplausible: boolean;
}

/** One representative point with what the simulator said there (null fields: not run). */
export interface RepresentativePoint {
  choice: RepresentativeChoice;
  point: ParameterPoint;
  /** Id of the run at this point (a design run for medoid and best; the check run for median and mode). */
  runId: number | null;
  output: SimulatedPoint | null;
  implausibility: Record<string, number> | null;
  /** Ranked implausibility over the final targets. */
  measure: number | null;
  nonImplausible: boolean | null;
}

/** Why the waves stopped. */
export type StopReason = 'waves' | 'budget' | 'converged' | 'empty-region';

/** The outcome of {@link historyMatch}. */
export interface HistoryMatchingResult {
  method: 'history-matching';
  problem: CalibrationProblem;
  settings: HistoryMatchingSettings;
  /** Every design run, in id order. */
  runs: CalibrationRun[];
  /** The representative-point check runs (median, mode), if run. */
  checkRuns: CalibrationRun[];
  /** Per-wave diagnostics. */
  waves: WaveDiagnostics[];
  /** Emulators fitted before each wave ≥ 2 (not written to files; used by {@link regionMeasure}). */
  emulators: WaveEmulators[];
  /** Targets in use at the last wave (the acceptance targets). */
  finalTargets: string[];
  /** The non-implausible sample (equal weights), in id order. */
  accepted: CalibrationRun[];
  /** Which runs the sample was taken from ('final-wave' falls back to 'all-waves' when its last wave accepted none). */
  sampleFrom: 'final-wave' | 'all-waves';
  /** The representative points (null when nothing was accepted). */
  representatives: Record<RepresentativeChoice, RepresentativePoint | null>;
  /** The proposed default parameter set (settings.representative), null when nothing was accepted. */
  representative: RepresentativePoint | null;
  /** Per-parameter identification of the accepted sample. */
  identification: ParameterIdentification[];
  stopReason: StopReason;
  /** Simulator runs used in all (design runs plus check runs). */
  totalRuns: number;
}

/** The complete settings for `options` (defaults filled, values checked). */
export function historyMatchingSettings(options: HistoryMatchingOptions): HistoryMatchingSettings {
  const problems: string[] = [];
  const positiveInt = (v: number, name: string) => {
    if (!(Number.isInteger(v) && v >= 1)) problems.push(`history matching: ${name} must be a whole number >= 1, got ${v}`);
  };
  const runsPerWave = typeof options.runsPerWave === 'number' ? [options.runsPerWave] : [...options.runsPerWave];
  if (runsPerWave.length === 0) problems.push('history matching: runsPerWave needs at least one value');
  runsPerWave.forEach((n, i) => {
    positiveInt(n, `runsPerWave[${i}]`);
    if (n < 3) problems.push(`history matching: runsPerWave[${i}] must be at least 3 (an emulator needs 3 runs), got ${n}`);
  });
  const s: HistoryMatchingSettings = {
    seed: options.seed,
    runsPerWave,
    maxWaves: options.maxWaves ?? 4,
    budget: options.budget ?? null,
    cutoff: options.cutoff ?? 3,
    implausibilityRank: options.implausibilityRank ?? 1,
    stochasticVariance: options.stochasticVariance ?? 'ensemble-mean',
    minShrink: options.minShrink ?? 0.1,
    sample: options.sample ?? 'final-wave',
    representative: options.representative ?? 'medoid',
    evaluateRepresentatives: options.evaluateRepresentatives ?? true,
    training: options.training ?? 'region',
    emulator: {
      maxActive: options.emulator?.maxActive ?? 10,
      maxTerms: options.emulator?.maxTerms ?? 40,
      interactions: options.emulator?.interactions ?? true,
      cubic: options.emulator?.cubic ?? true,
    },
    poolFactor: options.poolFactor ?? 2,
    region: { levelShare: options.region?.levelShare ?? 0.1, maxLevels: options.region?.maxLevels ?? 50 },
    lhsTries: options.lhsTries ?? 5,
  };
  positiveInt(s.maxWaves, 'maxWaves');
  if (s.budget !== null) {
    positiveInt(s.budget, 'budget');
    const least = 3 + (s.evaluateRepresentatives ? 2 : 0);
    if (s.budget < least) problems.push(`history matching: a budget of ${s.budget} runs is too small (at least ${least})`);
  }
  if (!(s.cutoff > 0 && Number.isFinite(s.cutoff))) problems.push(`history matching: cutoff must be a positive number, got ${s.cutoff}`);
  if (![1, 2, 3].includes(s.implausibilityRank)) problems.push(`history matching: implausibilityRank must be 1, 2 or 3, got ${s.implausibilityRank}`);
  if (!['ensemble-mean', 'single-realisation'].includes(s.stochasticVariance)) problems.push(`history matching: unknown stochasticVariance "${s.stochasticVariance}"`);
  if (!(s.minShrink >= 0 && s.minShrink < 1)) problems.push(`history matching: minShrink must be in [0, 1), got ${s.minShrink}`);
  if (!['final-wave', 'all-waves'].includes(s.sample)) problems.push(`history matching: unknown sample "${s.sample}"`);
  if (!REPRESENTATIVE_CHOICES.includes(s.representative)) problems.push(`history matching: unknown representative "${s.representative}"`);
  if (!['region', 'all'].includes(s.training)) problems.push(`history matching: unknown training "${s.training}"`);
  positiveInt(s.emulator.maxActive, 'emulator.maxActive');
  positiveInt(s.emulator.maxTerms, 'emulator.maxTerms');
  if (!(s.poolFactor >= 1)) problems.push(`history matching: poolFactor must be >= 1, got ${s.poolFactor}`);
  if (!(s.region.levelShare > 0 && s.region.levelShare < 1)) problems.push(`history matching: region.levelShare must be in (0, 1), got ${s.region.levelShare}`);
  positiveInt(s.region.maxLevels, 'region.maxLevels');
  positiveInt(s.lhsTries, 'lhsTries');
  if (problems.length > 0) throw new ExperimentInputError(problems);
  return s;
}

/**
 * Whether `point` lies in the final non-implausible region as the emulators describe it: for each wave ≥ 2,
 * the ranked emulator implausibility of its emulators at the point; `inside` when every one is within the
 * cut-off. With a single wave (no emulators) every point of the prior box is inside.
 */
export function regionMeasure(result: HistoryMatchingResult, point: ParameterPoint): { inside: boolean; byWave: { wave: number; measure: number }[] } {
  const values = result.problem.parameters.map((f) => {
    const v = point[f.name];
    if (!Number.isFinite(v)) throw new RangeError(`regionMeasure: the point has no finite value for parameter "${f.name}"`);
    return v;
  });
  const byWave = result.emulators.map((set) => ({
    wave: set.wave,
    measure: rankedImplausibility(emulatorImplausibilities(set, values, result.settings.stochasticVariance), result.settings.implausibilityRank),
  }));
  return { inside: byWave.every((w) => w.measure <= result.settings.cutoff), byWave };
}

/** Checks one evaluation's answer and throws a plain error naming the point and field. */
function checkOutputs(outputs: readonly (SimulatedPoint | null)[], expected: number, targets: readonly CalibrationTarget[], request: EvaluationRequest): void {
  const where = `history matching: evaluate (wave ${request.wave}, ${request.purpose})`;
  if (!Array.isArray(outputs) || outputs.length !== expected) {
    throw new Error(`${where} returned ${Array.isArray(outputs) ? outputs.length : typeof outputs} results for ${expected} points`);
  }
  outputs.forEach((o, i) => {
    if (o === null) return;
    const at = `${where}: point ${i} (run ${request.firstRun + i})`;
    if (!(Number.isInteger(o.replicates) && o.replicates >= 1)) throw new Error(`${at}: replicates must be a whole number >= 1, got ${o.replicates}`);
    for (const t of targets) {
      const m = o.mean?.[t.name];
      const v = o.variance?.[t.name];
      if (typeof m !== 'number') throw new Error(`${at}: no mean for target "${t.name}"`);
      if (Number.isFinite(m) && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
        throw new Error(`${at}: the variance of target "${t.name}" must be a finite number >= 0, got ${v}`);
      }
    }
  });
}

/** The implausibility of every target for one output (+Infinity everywhere for a failed run). */
function targetImplausibilities(targets: readonly CalibrationTarget[], output: SimulatedPoint | null, convention: StochasticVariance): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of targets) {
    out[t.name] = output
      ? implausibility(t, { mean: output.mean[t.name], variance: output.variance[t.name], replicates: output.replicates }, convention)
      : Infinity;
  }
  return out;
}

/** Ranked and maximum implausibility of a run over `targets`. */
function measures(run: Pick<CalibrationRun, 'implausibility'>, targets: readonly CalibrationTarget[], rank: number): { measure: number; max: number } {
  const values = targets.map((t) => run.implausibility[t.name]);
  return { measure: rankedImplausibility(values, rank), max: rankedImplausibility(values, 1) };
}

/** True when the run has a finite output for every target given. */
function usable(run: CalibrationRun, targets: readonly CalibrationTarget[]): boolean {
  return run.output !== null && targets.every((t) => Number.isFinite(run.output!.mean[t.name]));
}

/** Wave diagnostics of the runs of one wave (targets: the wave's). */
function waveDiagnostics(
  wave: number,
  runs: readonly CalibrationRun[],
  targets: readonly CalibrationTarget[],
  factors: readonly Factor[],
  settings: HistoryMatchingSettings,
  previousRegion: readonly ParameterRange[],
  screen: ScreenDiagnostics | null,
): WaveDiagnostics {
  const kept = runs.filter((r) => measures(r, targets, settings.implausibilityRank).measure <= settings.cutoff);
  const region = parameterRanges(
    factors,
    kept.map((r) => r.values),
  );
  return {
    wave,
    targets: targets.map((t) => t.name),
    runs: runs.length,
    failed: runs.filter((r) => !usable(r, targets)).length,
    nonImplausible: kept.length,
    share: runs.length > 0 ? kept.length / runs.length : 0,
    implausibility: targets.map((t) => ({
      name: t.name,
      implausibility: quantileSummary(runs.map((r) => r.implausibility[t.name])),
      aboveCutoff: runs.length > 0 ? runs.filter((r) => !(r.implausibility[t.name] <= settings.cutoff)).length / runs.length : 0,
    })),
    region,
    widthRatio: kept.length >= 2 ? widthRatio(region, previousRegion, factors) : null,
    screen,
  };
}

/** Emulator diagnostics, with validation on the wave's own (unseen) runs. */
function emulatorDiagnostics(set: WaveEmulators, runs: readonly CalibrationRun[], factors: readonly Factor[]): EmulatorDiagnostics[] {
  const names = factors.map((f) => f.name);
  return set.targets.map((t, k) => {
    const em = set.emulators[k];
    let beyond = 0;
    let counted = 0;
    let variance = 0;
    for (const r of runs) {
      if (!r.output || !Number.isFinite(r.output.mean[t.name])) continue;
      const pred = predictEmulator(em, r.values);
      const e = (r.output.mean[t.name] - pred.mean) / Math.sqrt(pred.variance + stochasticTerm(r.output.variance[t.name], r.output.replicates));
      counted++;
      variance += pred.variance;
      if (!(Math.abs(e) <= 3)) beyond++;
    }
    return {
      name: t.name,
      active: em.active.map((j) => names[j]),
      terms: describeTerms(em, names),
      rSquared: em.rSquared,
      residualSd: Math.sqrt(em.residualVariance),
      lackOfFitSd: Math.sqrt(em.lackOfFitVariance),
      predictionSd: counted > 0 ? Math.sqrt(variance / counted) : 0,
      varianceInflation: em.varianceInflation,
      beyondThree: counted > 0 ? beyond / counted : 0,
    };
  });
}

/** Makes a run record (final measures are filled at the end). */
function makeRun(id: number, wave: number, values: number[], factors: readonly Factor[], output: SimulatedPoint | null, targets: readonly CalibrationTarget[], settings: HistoryMatchingSettings): CalibrationRun {
  const point: ParameterPoint = {};
  factors.forEach((f, j) => (point[f.name] = values[j]));
  return {
    id,
    wave,
    point,
    values,
    // a copy: the record must not change if the evaluator reuses its objects
    output: output && { replicates: output.replicates, mean: { ...output.mean }, variance: { ...output.variance } },
    implausibility: targetImplausibilities(targets, output, settings.stochasticVariance),
    measure: Infinity,
    maxImplausibility: Infinity,
    nonImplausible: false,
  };
}

/** Fills a run's measures over the final targets. */
function finish(run: CalibrationRun, targets: readonly CalibrationTarget[], settings: HistoryMatchingSettings): void {
  const m = measures(run, targets, settings.implausibilityRank);
  run.measure = m.measure;
  run.maxImplausibility = m.max;
  run.nonImplausible = m.measure <= settings.cutoff;
}

/**
 * Runs history matching of `problem` with the simulator behind `evaluate` (see the module comment and
 * docs/calibration.md). Throws {@link ExperimentInputError} for a bad problem or bad options, and a plain
 * Error when `evaluate` answers with the wrong shape.
 */
export async function historyMatch(problem: CalibrationProblem, evaluate: EvaluatePoints, options: HistoryMatchingOptions): Promise<HistoryMatchingResult> {
  assertCalibrationProblem(problem);
  const settings = historyMatchingSettings(options);
  const factors = problem.parameters;
  const rng = new StreamFactory(['history-matching', settings.seed]);
  const runs: CalibrationRun[] = [];
  const waves: WaveDiagnostics[] = [];
  const emulatorSets: WaveEmulators[] = [];
  const reserve = settings.evaluateRepresentatives ? 2 : 0;
  const budget = settings.budget ?? Infinity;
  let stopReason: StopReason = 'waves';
  let lastWave = 0;
  /** The last region sample (uniform in the current region): where the next wave's sampler starts. */
  let regionPoints: number[][] = [];

  const toPoint = (values: readonly number[]): ParameterPoint => {
    const p: ParameterPoint = {};
    // Within the factor's range: a value assembled on a grid (the mode) can round past an end, e.g. 0.9000000000000001.
    factors.forEach((f, j) => (p[f.name] = Math.min(f.max, Math.max(f.min, values[j]))));
    return p;
  };

  for (let wave = 1; wave <= settings.maxWaves; wave++) {
    const remaining = budget - runs.length - reserve;
    const wanted = Math.min(settings.runsPerWave[Math.min(wave, settings.runsPerWave.length) - 1], remaining);
    if (wanted < 3) {
      stopReason = 'budget';
      break;
    }
    const targets = activeTargets(problem.targets, wave);
    let design: number[][];
    let screenDiag: ScreenDiagnostics | null = null;
    let set: WaveEmulators | null = null;
    if (wave === 1) {
      design = maximinLatinHypercube(factors, wanted, rng.stream(wave, 'design'), settings.lhsTries);
    } else {
      const valid = runs.filter((r) => usable(r, targets));
      const soFar = new RegionMeasure(emulatorSets, settings, factors.length);
      let training = settings.training === 'region' ? valid.filter((r) => soFar.measure(r.values, settings.cutoff) <= settings.cutoff) : valid;
      if (training.length < Math.max(30, 2 * factors.length)) training = valid;
      if (training.length < 3) {
        stopReason = 'empty-region';
        break;
      }
      set = {
        wave,
        targets,
        emulators: targets.map((t) =>
          fitEmulator(
            {
              inputs: training.map((r) => r.values),
              outputs: training.map((r) => r.output!.mean[t.name]),
              ensembleVariance: training.map((r) => r.output!.variance[t.name]),
              replicates: training.map((r) => r.output!.replicates),
            },
            settings.emulator,
          ),
        ),
      };
      const region = new RegionMeasure([...emulatorSets, set], settings, factors.length);
      const size = Math.max(500, Math.ceil(settings.poolFactor * wanted));
      const sample = sampleRegion(factors, (x, bound) => region.measure(x, bound), settings.cutoff, size, rng.stream(wave, 'region'), settings.region, regionPoints);
      regionPoints = sample.points;
      screenDiag = {
        training: training.length,
        evaluations: sample.evaluations,
        levels: sample.thresholds.length,
        thresholds: sample.thresholds,
        acceptance: sample.acceptance,
        bestMeasure: sample.best,
        passed: sample.points.length,
        emulators: [],
      };
      if (sample.points.length === 0) {
        waves.push(waveDiagnostics(wave, [], targets, factors, settings, waves.at(-1)?.region ?? [], screenDiag));
        options.onWave?.(waves[waves.length - 1]);
        stopReason = 'empty-region';
        break;
      }
      design = spaceFillingSubset(sample.points, wanted, rng.stream(wave, 'select')).map((i) => sample.points[i]);
      emulatorSets.push(set);
    }
    const request: EvaluationRequest = { wave, purpose: 'design', firstRun: runs.length };
    const outputs = await evaluate(design.map(toPoint), request);
    checkOutputs(outputs, design.length, problem.targets, request);
    const waveRuns = design.map((values, i) => makeRun(runs.length + i, wave, values, factors, outputs[i], problem.targets, settings));
    runs.push(...waveRuns);
    if (set && screenDiag) screenDiag.emulators = emulatorDiagnostics(set, waveRuns, factors);
    const diag = waveDiagnostics(wave, waveRuns, targets, factors, settings, waves.at(-1)?.region ?? [], screenDiag);
    waves.push(diag);
    lastWave = wave;
    options.onWave?.(diag);
    // converged: the region can shrink by at most minShrink more (and no target is still to come in)
    if (1 - diag.share < settings.minShrink && targets.length === problem.targets.length) {
      stopReason = 'converged';
      break;
    }
    if (wave === settings.maxWaves) stopReason = 'waves';
  }

  const finalTargets = activeTargets(problem.targets, Math.max(1, lastWave));
  for (const r of runs) finish(r, finalTargets, settings);
  let sampleFrom = settings.sample;
  let accepted = runs.filter((r) => r.nonImplausible && (sampleFrom === 'all-waves' || r.wave === lastWave));
  if (accepted.length === 0 && sampleFrom === 'final-wave') {
    sampleFrom = 'all-waves';
    accepted = runs.filter((r) => r.nonImplausible);
  }

  // representative points
  const representatives: Record<RepresentativeChoice, RepresentativePoint | null> = { medoid: null, best: null, median: null, mode: null };
  const checkRuns: CalibrationRun[] = [];
  if (accepted.length > 0) {
    const fromRun = (choice: RepresentativeChoice, r: CalibrationRun): RepresentativePoint => ({
      choice,
      point: { ...r.point },
      runId: r.id,
      output: r.output,
      implausibility: { ...r.implausibility },
      measure: r.measure,
      nonImplausible: r.nonImplausible,
    });
    representatives.medoid = fromRun('medoid', accepted[medoidIndex(accepted.map((r) => r.values))]);
    representatives.best = fromRun('best', accepted.reduce((a, b) => (b.measure < a.measure ? b : a)));
    const median = factors.map((f, j) => marginalMedian(accepted.map((r) => r.values[j]), f));
    const mode = factors.map((f, j) => marginalMode(accepted.map((r) => r.values[j]), f));
    const assembled: [RepresentativeChoice, number[]][] = [
      ['median', median],
      ['mode', mode],
    ];
    if (settings.evaluateRepresentatives) {
      const request: EvaluationRequest = { wave: lastWave, purpose: 'representatives', firstRun: runs.length };
      const outputs = await evaluate(assembled.map(([, v]) => toPoint(v)), request);
      checkOutputs(outputs, assembled.length, problem.targets, request);
      assembled.forEach(([choice, values], i) => {
        const run = makeRun(runs.length + i, lastWave, values, factors, outputs[i], problem.targets, settings);
        finish(run, finalTargets, settings);
        checkRuns.push(run);
        representatives[choice] = fromRun(choice, run);
      });
    } else {
      for (const [choice, values] of assembled) {
        representatives[choice] = { choice, point: toPoint(values), runId: null, output: null, implausibility: null, measure: null, nonImplausible: null };
      }
    }
  }

  return {
    method: 'history-matching',
    problem,
    settings,
    runs,
    checkRuns,
    waves,
    emulators: emulatorSets,
    finalTargets: finalTargets.map((t) => t.name),
    accepted,
    sampleFrom,
    representatives,
    representative: representatives[settings.representative],
    identification: identifyParameters(
      factors,
      accepted.map((r) => r.values),
    ),
    stopReason,
    totalRuns: runs.length + checkRuns.length,
  };
}

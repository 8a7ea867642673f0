/**
 * The posterior sample as data: accepted parameter sets with weights, its CSV text (posterior.csv), a
 * validating parser naming file, line and column, and the per-replicate draw that carries parameter
 * uncertainty into scenario comparisons. Pure (no file access: see ./files.ts).
 *
 * posterior.csv: a header line, then one line per accepted parameter set: every calibrated parameter as a
 * column (declared order), `weight` (≥ 0; equal for history matching), and optionally `wave` and
 * `max_implausibility`. Numbers are written in JavaScript's shortest round-trip form, so a value read back is
 * the value written, bit for bit.
 */
import { csvField } from '../../core/rows.js';
import { StreamFactory, type KeyPart } from '../../core/random.js';
import { parseCsvLine } from '../csv.js';
import { ExperimentInputError } from '../errors.js';
import type { Factor } from '../sensitivity/factor.js';
import type { HistoryMatchingResult, ParameterPoint } from './history-matching.js';

/** One accepted parameter set. */
export interface PosteriorRow {
  /** Parameter name → value (every parameter of the sample). */
  values: ParameterPoint;
  /** Relative weight, ≥ 0. */
  weight: number;
  /** The calibration wave that produced it, if known. */
  wave?: number;
  /** Its largest target implausibility, if known. */
  maxImplausibility?: number;
}

/** A posterior (or non-implausible) sample: parameter names in column order and the rows. */
export interface PosteriorSample {
  parameters: string[];
  rows: PosteriorRow[];
}

/** The history-matching sample as equal-weight posterior rows, in run order. */
export function posteriorFromResult(result: HistoryMatchingResult): PosteriorSample {
  return {
    parameters: result.problem.parameters.map((f) => f.name),
    rows: result.accepted.map((r) => ({ values: { ...r.point }, weight: 1, wave: r.wave, maxImplausibility: r.maxImplausibility })),
  };
}

/** posterior.csv text of a sample (header always written, so an empty sample gives one line). */
export function formatPosteriorCsv(sample: PosteriorSample): string {
  const withWave = sample.rows.some((r) => r.wave !== undefined);
  const withImpl = sample.rows.some((r) => r.maxImplausibility !== undefined);
  const header = [...sample.parameters, 'weight', ...(withWave ? ['wave'] : []), ...(withImpl ? ['max_implausibility'] : [])];
  let out = header.map(csvField).join(',') + '\n';
  for (const r of sample.rows) {
    const cells = sample.parameters.map((p) => String(r.values[p]));
    cells.push(String(r.weight));
    if (withWave) cells.push(r.wave === undefined ? '' : String(r.wave));
    if (withImpl) cells.push(r.maxImplausibility === undefined ? '' : String(r.maxImplausibility));
    out += cells.join(',') + '\n';
  }
  return out;
}

/** One problem found in a posterior file. */
interface PosteriorIssue {
  line: number;
  column?: string;
  message: string;
}

const MAX_ISSUES = 20;

/**
 * Parses and validates posterior.csv text. `file` labels the messages; `parameters` are the declared
 * parameters (name and range): every column other than `weight`, `wave` and `max_implausibility` must be
 * one of them, every value finite and inside its range (whole for an integer parameter), every weight
 * finite and ≥ 0 with a positive sum. Throws an {@link ExperimentInputError} listing up to 20 problems,
 * each as `file:line: column "name": message`.
 */
export function parsePosteriorCsv(text: string, file: string, parameters: readonly Factor[]): PosteriorSample {
  const issues: PosteriorIssue[] = [];
  const fail = (): never => {
    const lines = issues.slice(0, MAX_ISSUES).map((i) => `${file}:${i.line}: ${i.column !== undefined ? `column "${i.column}": ` : ''}${i.message}`);
    if (issues.length > MAX_ISSUES) lines.push(`${file}: ${issues.length - MAX_ISSUES} more problems`);
    throw new ExperimentInputError(lines);
  };
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) {
    issues.push({ line: 1, message: 'the file is empty (expected a header line naming the parameters and weight)' });
    fail();
  }
  const declared = new Map(parameters.map((f) => [f.name, f]));
  let header: string[];
  try {
    header = parseCsvLine(lines[0]);
  } catch (e) {
    issues.push({ line: 1, message: (e as Error).message });
    return fail();
  }
  const seen = new Set<string>();
  const paramColumns: { index: number; factor: Factor }[] = [];
  let weightCol = -1;
  let waveCol = -1;
  let implCol = -1;
  header.forEach((name, index) => {
    if (seen.has(name)) issues.push({ line: 1, column: name, message: 'duplicate column' });
    seen.add(name);
    if (name === 'weight') weightCol = index;
    else if (name === 'wave') waveCol = index;
    else if (name === 'max_implausibility') implCol = index;
    else {
      const f = declared.get(name);
      if (f) paramColumns.push({ index, factor: f });
      else issues.push({ line: 1, column: name, message: `not a declared parameter (expected one of the ${parameters.length} declared parameters, or weight, wave, max_implausibility)` });
    }
  });
  if (weightCol < 0) issues.push({ line: 1, message: 'no "weight" column' });
  if (paramColumns.length === 0) issues.push({ line: 1, message: 'no parameter column' });
  if (issues.length > 0) fail();

  const rows: PosteriorRow[] = [];
  let total = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    let cells: string[];
    try {
      cells = parseCsvLine(lines[i]);
    } catch (e) {
      issues.push({ line, message: (e as Error).message });
      continue;
    }
    if (cells.length !== header.length) {
      issues.push({ line, message: `${cells.length} fields, expected ${header.length} (as in the header)` });
      continue;
    }
    const num = (index: number, column: string): number | undefined => {
      const cell = cells[index].trim();
      const v = cell === '' ? NaN : Number(cell);
      if (!Number.isFinite(v)) {
        issues.push({ line, column, message: `expected a finite number, found ${JSON.stringify(cells[index])}` });
        return undefined;
      }
      return v;
    };
    const values: ParameterPoint = {};
    for (const { index, factor: f } of paramColumns) {
      const v = num(index, f.name);
      if (v === undefined) continue;
      if (v < f.min || v > f.max) issues.push({ line, column: f.name, message: `${v} is outside the declared range [${f.min}, ${f.max}]` });
      else if (f.integer && !Number.isInteger(v)) issues.push({ line, column: f.name, message: `${v} is not a whole number (the parameter is an integer)` });
      values[f.name] = v;
    }
    const weight = num(weightCol, 'weight');
    if (weight !== undefined && weight < 0) issues.push({ line, column: 'weight', message: `${weight} is negative (weights must be >= 0)` });
    const row: PosteriorRow = { values, weight: weight ?? 0 };
    if (waveCol >= 0 && cells[waveCol].trim() !== '') {
      const w = num(waveCol, 'wave');
      if (w !== undefined) row.wave = w;
    }
    if (implCol >= 0 && cells[implCol].trim() !== '') {
      const m = num(implCol, 'max_implausibility');
      if (m !== undefined) row.maxImplausibility = m;
    }
    total += row.weight > 0 ? row.weight : 0;
    rows.push(row);
  }
  if (issues.length === 0 && !(total > 0)) {
    issues.push({ line: lines.length, message: rows.length === 0 ? 'no parameter sets (only the header)' : 'the weights sum to 0 (at least one must be positive)' });
  }
  if (issues.length > 0) fail();
  return { parameters: paramColumns.map((c) => c.factor.name), rows };
}

/**
 * The parameter set for one replicate: a draw from the sample with probability proportional to weight,
 * from a stream keyed by ('posterior-draw', seed, replicate) alone, so every scenario of a comparison gets the
 * same parameter set for the same replicate (common random numbers hold) and the draw never depends on the
 * scenario, the number of replicates, workers or shards. Returns a fresh copy of the row's values.
 */
export function drawPosterior(sample: PosteriorSample, seed: KeyPart, replicate: number): ParameterPoint {
  return { ...sample.rows[posteriorIndex(sample, seed, replicate)].values };
}

/** The row index {@link drawPosterior} picks (for reports that want to say which row a replicate used). */
export function posteriorIndex(sample: PosteriorSample, seed: KeyPart, replicate: number): number {
  if (!(Number.isInteger(replicate) && replicate >= 0)) throw new RangeError(`drawPosterior: replicate must be a whole number >= 0, got ${replicate}`);
  let total = 0;
  for (const r of sample.rows) if (r.weight > 0) total += r.weight;
  if (!(total > 0)) throw new RangeError('drawPosterior: the sample has no row with a positive weight');
  let u = new StreamFactory(['posterior-draw', seed]).stream(replicate).next() * total;
  let last = -1;
  for (let i = 0; i < sample.rows.length; i++) {
    const w = sample.rows[i].weight;
    if (!(w > 0)) continue;
    last = i;
    u -= w;
    if (u < 0) return i;
  }
  return last;
}

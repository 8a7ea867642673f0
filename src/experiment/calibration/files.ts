/**
 * Calibration files on disk (Node only; the algorithm modules stay browser-safe): writes posterior.csv,
 * calibration.json and runs.csv durably (temp name, fsync, rename, via the experiment layer's one durable
 * writer), and reads a posterior.csv back with validation.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExperimentInputError } from '../errors.js';
import { writeFileDurable } from '../files.js';
import type { Factor } from '../sensitivity/factor.js';
import { formatCalibrationJson, formatRunsCsv } from './calibration-report.js';
import type { HistoryMatchingResult } from './history-matching.js';
import { formatPosteriorCsv, parsePosteriorCsv, posteriorFromResult, type PosteriorSample } from './posterior.js';

/** File names of a calibration's output directory. */
export const CALIBRATION_FILES = { posterior: 'posterior.csv', calibration: 'calibration.json', runs: 'runs.csv' } as const;

/** Writes posterior.csv, calibration.json and runs.csv of `result` into `dir` (created if needed); returns their paths. */
export async function writeCalibrationOutputs(dir: string, result: HistoryMatchingResult): Promise<{ posterior: string; calibration: string; runs: string }> {
  const paths = {
    posterior: join(dir, CALIBRATION_FILES.posterior),
    calibration: join(dir, CALIBRATION_FILES.calibration),
    runs: join(dir, CALIBRATION_FILES.runs),
  };
  // the runs and the record first, the posterior (what later commands read) last
  await writeFileDurable(paths.runs, formatRunsCsv(result));
  await writeFileDurable(paths.calibration, formatCalibrationJson(result));
  await writeFileDurable(paths.posterior, formatPosteriorCsv(posteriorFromResult(result)));
  return paths;
}

/**
 * Reads and validates a posterior.csv (see {@link parsePosteriorCsv}); a missing file is bad input
 * ({@link ExperimentInputError}), any other read failure is thrown as an Error naming the file.
 */
export async function readPosteriorFile(path: string, parameters: readonly Factor[]): Promise<PosteriorSample> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ExperimentInputError(`${path}: no such posterior file`);
    if (code === 'EISDIR') throw new ExperimentInputError(`${path}: is a directory, expected a posterior.csv file`);
    throw new Error(`${path}: cannot read the posterior file (${code ?? (e as Error).message})`);
  }
  return parsePosteriorCsv(text, path, parameters);
}

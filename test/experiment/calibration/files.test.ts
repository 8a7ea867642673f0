import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyMatch } from '../../../src/experiment/calibration/index.js';
import { CALIBRATION_FILES, readPosteriorFile, writeCalibrationOutputs } from '../../../src/experiment/calibration/files.js';
import { ExperimentInputError } from '../../../src/experiment/errors.js';
import { TOY_PARAMETERS, deterministicEvaluator, deterministicProblem, stochasticEvaluator, stochasticProblem } from './toys.js';

// Every folder made here is removed when the file's tests end.
const made: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'talentsim-calibration-'));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('calibration modules', () => {
  it('run in a browser: nothing but ./files.ts reaches a Node module', () => {
    // follow every relative import from the folder's modules (except files.ts) and look for node: imports
    const root = fileURLToPath(new URL('../../../src/', import.meta.url));
    const seen = new Set<string>();
    const visit = (file: string): string[] => {
      if (seen.has(file)) return [];
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      const found: string[] = [];
      for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
        if (spec.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'worker_threads'].includes(spec)) found.push(`${file.slice(root.length)} imports ${spec}`);
        else if (spec.startsWith('.')) found.push(...visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts'))));
      }
      return found;
    };
    const dir = join(root, 'experiment/calibration');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'files.ts')
      .flatMap((f) => visit(join(dir, f)));
    expect(offenders).toEqual([]);
    expect(seen.size).toBeGreaterThan(12);
  });
});

describe('calibration files', () => {
  it('writes posterior.csv, calibration.json and runs.csv byte-identically for the same inputs, leaving no temp files', async () => {
    const run = () => historyMatch(stochasticProblem(1), stochasticEvaluator(5, 1), { seed: 1, runsPerWave: 80, maxWaves: 3 });
    const [dirA, dirB] = [tmp(), tmp()];
    await writeCalibrationOutputs(dirA, await run());
    await writeCalibrationOutputs(dirB, await run());
    expect(readdirSync(dirA).sort()).toEqual(Object.values(CALIBRATION_FILES).sort());
    for (const f of Object.values(CALIBRATION_FILES)) expect(readFileSync(join(dirB, f))).toEqual(readFileSync(join(dirA, f)));
  });

  it('records the method, targets at the representative point, waves, acceptance and identification', async () => {
    const result = await historyMatch(deterministicProblem(), deterministicEvaluator(), { seed: 2, runsPerWave: 100, maxWaves: 3 });
    const dir = tmp();
    const paths = await writeCalibrationOutputs(dir, result);
    const text = readFileSync(paths.calibration, 'utf8');
    expect(text).not.toMatch(/time|duration|elapsed|host/i);
    const json = JSON.parse(text);
    expect(json.method).toMatchObject({ name: 'history-matching', cutoff: 3, implausibilityRank: 1 });
    expect(json.method.observationConvention).toMatch(/z ± 2σ_obs/);
    expect(json.settings.seed).toBe(2);
    expect(json.targets).toHaveLength(4);
    const y1 = json.targets[0];
    expect(y1).toMatchObject({ name: 'y1', used: true, fromWave: 1 });
    expect(y1.representative.mean).toBe(result.representative!.output!.mean.y1);
    // R = 1: the interval of the mean is the point itself
    expect(y1.representative.ci_low).toBe(y1.representative.mean);
    expect(json.waves).toHaveLength(result.waves.length);
    expect(json.acceptance).toMatchObject({ designRuns: result.runs.length, checkRuns: 2, accepted: result.accepted.length, sampleFrom: 'final-wave' });
    expect(json.representative.choice).toBe('medoid');
    expect(Object.keys(json.representatives)).toEqual(['medoid', 'best', 'median', 'mode']);
    expect(json.identification.map((i: { name: string }) => i.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    // runs.csv: a line per run, infinite implausibilities as empty fields
    const runs = readFileSync(paths.runs, 'utf8').trim().split('\n');
    expect(runs).toHaveLength(1 + result.totalRuns);
    expect(runs[0]).toBe('run,wave,purpose,a,b,c,d,e,f,replicates,y1_mean,y1_variance,y1_implausibility,y2_mean,y2_variance,y2_implausibility,y3_mean,y3_variance,y3_implausibility,y4_mean,y4_variance,y4_implausibility,measure,max_implausibility,non_implausible');
    expect(runs.at(-1)).toMatch(/^\d+,3,check,/);
    // the posterior reads back
    const posterior = await readPosteriorFile(paths.posterior, TOY_PARAMETERS);
    expect(posterior.rows).toHaveLength(result.accepted.length);
  });

  it('writes null for the non-finite numbers of an empty calibration', async () => {
    const problem = deterministicProblem();
    const targets = problem.targets.map((t) => (t.name === 'y1' ? { ...t, observed: 5 } : t));
    const result = await historyMatch({ ...problem, targets }, deterministicEvaluator(), { seed: 3, runsPerWave: 40 });
    const dir = tmp();
    const paths = await writeCalibrationOutputs(dir, result);
    const json = JSON.parse(readFileSync(paths.calibration, 'utf8'));
    expect(json.representative).toBeNull();
    expect(json.acceptance.stopReason).toBe('empty-region');
    expect(readFileSync(paths.posterior, 'utf8')).toBe('a,b,c,d,e,f,weight\n');
    await expect(readPosteriorFile(paths.posterior, TOY_PARAMETERS)).rejects.toThrow(/posterior\.csv:1: no parameter sets/);
  });

  it('reads a posterior with errors naming the file; a missing file or a directory is bad input', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,weight\n11,1\n');
    await expect(readPosteriorFile(bad, TOY_PARAMETERS)).rejects.toThrow(`${bad}:2: column "a": 11 is outside the declared range [0, 10]`);
    await expect(readPosteriorFile(join(dir, 'none.csv'), TOY_PARAMETERS)).rejects.toThrow(ExperimentInputError);
    await expect(readPosteriorFile(join(dir, 'none.csv'), TOY_PARAMETERS)).rejects.toThrow(/no such posterior file/);
    mkdirSync(join(dir, 'sub'));
    await expect(readPosteriorFile(join(dir, 'sub'), TOY_PARAMETERS)).rejects.toThrow(/is a directory/);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  drawPosterior,
  formatPosteriorCsv,
  historyMatch,
  parsePosteriorCsv,
  posteriorFromResult,
  posteriorIndex,
  type PosteriorSample,
} from '../../../src/experiment/calibration/index.js';
import { ExperimentInputError } from '../../../src/experiment/errors.js';
import type { Factor } from '../../../src/experiment/sensitivity/factor.js';
import { TOY_PARAMETERS, deterministicEvaluator, deterministicProblem } from './toys.js';

const declared: Factor[] = [
  { name: 'alpha', min: 0, max: 1 },
  { name: 'beta', min: -5, max: 5 },
  { name: 'k', min: 1, max: 4, integer: true },
];

/** The problems of parsing `text` against the declared parameters ([] when it parses). */
function problems(text: string): string[] {
  try {
    parsePosteriorCsv(text, 'post.csv', declared);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ExperimentInputError);
    return [...(e as ExperimentInputError).problems];
  }
}

describe('posterior.csv', () => {
  it('round-trips the accepted runs of a calibration bit for bit', async () => {
    const result = await historyMatch(deterministicProblem(), deterministicEvaluator(), { seed: 1, runsPerWave: 100, maxWaves: 3 });
    const sample = posteriorFromResult(result);
    expect(sample.rows).toHaveLength(result.accepted.length);
    const text = formatPosteriorCsv(sample);
    expect(text.split('\n')[0]).toBe('a,b,c,d,e,f,weight,wave,max_implausibility');
    const back = parsePosteriorCsv(text, 'posterior.csv', TOY_PARAMETERS);
    expect(back).toEqual(sample);
    expect(formatPosteriorCsv(back)).toBe(text);
  });

  it('accepts a subset of the declared parameters, in any order, without the optional columns', () => {
    const s = parsePosteriorCsv('k,alpha,weight\n2,0.5,1\n4,0.25,3\n', 'p.csv', declared);
    expect(s.parameters).toEqual(['k', 'alpha']);
    expect(s.rows).toEqual([
      { values: { k: 2, alpha: 0.5 }, weight: 1 },
      { values: { k: 4, alpha: 0.25 }, weight: 3 },
    ]);
    // CRLF line ends are fine too
    expect(parsePosteriorCsv('alpha,weight\r\n0.5,1\r\n', 'p.csv', declared).rows).toHaveLength(1);
  });

  it('names the file, line and column of every problem', () => {
    expect(problems('')).toEqual(['post.csv:1: the file is empty (expected a header line naming the parameters and weight)']);
    expect(problems('alpha,gamma,alpha\n')).toEqual([
      'post.csv:1: column "gamma": not a declared parameter (expected one of the 3 declared parameters, or weight, wave, max_implausibility)',
      'post.csv:1: column "alpha": duplicate column',
      'post.csv:1: no "weight" column',
    ]);
    expect(problems('weight\n1\n')).toEqual(['post.csv:1: no parameter column']);
    expect(problems('alpha,beta,k,weight\n0.5,0,2,1\n1.5,x,2.5,-1\n0.1,Infinity,1,1\n0.2,0,1\n')).toEqual([
      'post.csv:3: column "alpha": 1.5 is outside the declared range [0, 1]',
      'post.csv:3: column "beta": expected a finite number, found "x"',
      'post.csv:3: column "k": 2.5 is not a whole number (the parameter is an integer)',
      'post.csv:3: column "weight": -1 is negative (weights must be >= 0)',
      'post.csv:4: column "beta": expected a finite number, found "Infinity"',
      'post.csv:5: 3 fields, expected 4 (as in the header)',
    ]);
    expect(problems('alpha,weight\n')).toEqual(['post.csv:1: no parameter sets (only the header)']);
    expect(problems('alpha,weight\n0.5,0\n0.6,0\n')).toEqual(['post.csv:3: the weights sum to 0 (at least one must be positive)']);
  });

  it('caps the list of problems', () => {
    const lines = ['alpha,weight', ...Array.from({ length: 30 }, () => '2,1')];
    const p = problems(lines.join('\n'));
    expect(p).toHaveLength(21);
    expect(p[20]).toBe('post.csv: 10 more problems');
  });
});

describe('drawPosterior', () => {
  const sample: PosteriorSample = {
    parameters: ['alpha'],
    rows: [0.1, 0.2, 0.3, 0.4].map((alpha, i) => ({ values: { alpha }, weight: [1, 3, 0, 6][i] })),
  };

  it('gives the same parameter set for the same (seed, replicate), whatever was drawn before (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.array(fc.integer({ min: 0, max: 1e4 }), { minLength: 1, maxLength: 20 }), (seed, replicates) => {
        const once = replicates.map((r) => drawPosterior(sample, seed, r));
        const again = [...replicates].reverse().map((r) => drawPosterior(sample, seed, r)).reverse();
        expect(again).toEqual(once);
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it('draws rows in proportion to their weights and never a zero-weight row', () => {
    const counts = [0, 0, 0, 0];
    const N = 20000;
    for (let r = 0; r < N; r++) counts[posteriorIndex(sample, 'seed', r)]++;
    expect(counts[2]).toBe(0);
    // expected shares 0.1, 0.3, 0.6; binomial SE ≤ 0.0035, tolerance 4 SE
    [0.1, 0.3, 0, 0.6].forEach((p, i) => expect(Math.abs(counts[i] / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N) + 1e-12));
  });

  it('changes with the seed and returns a copy', () => {
    const a = Array.from({ length: 50 }, (_, r) => posteriorIndex(sample, 1, r));
    const b = Array.from({ length: 50 }, (_, r) => posteriorIndex(sample, 2, r));
    expect(a).not.toEqual(b);
    const p = drawPosterior(sample, 1, 0);
    p.alpha = 99;
    expect(sample.rows.every((r) => r.values.alpha < 1)).toBe(true);
  });

  it('rejects a bad replicate and a sample without weight', () => {
    expect(() => drawPosterior(sample, 1, -1)).toThrow(/replicate/);
    expect(() => drawPosterior({ parameters: ['alpha'], rows: [{ values: { alpha: 1 }, weight: 0 }] }, 1, 0)).toThrow(/positive weight/);
  });
});

// Statistical quality of the counter-based generator (`Draws`, src/core/random.ts): uniformity
// (chi-square on 100 bins), independence (serial correlation across adjacent decision indices, adjacent
// agent keys, adjacent years, neighbouring villages), Marsaglia's birthday-spacings test on the 32-bit
// words, a gap test, and the avalanche of the agent key. Fixed seeds, so each test is deterministic; each
// tolerance is stated with the probability that a perfect generator would exceed it. Together ≈ 1 s.
import { describe, expect, it } from 'vitest';
import { Draws, drawsFrom, keyedWord, StreamFactory, streamFor } from '../../src/core/random.js';
import { deriveKey } from '../../src/core/store.js';

/** Keys of initial villagers of group 2 (the model's structured keys) and of derived (newborn) keys. */
const structuredKey = (k: number) => 3 * 2 ** 32 + k;
const derivedKey = (k: number) => deriveKey(structuredKey(k >> 4), 2026 + (k & 15));

const factory = new StreamFactory([20240601, '', 0]);

/** Chi-square statistic of `n` uniforms on `bins` equal bins. */
function chiSquare(n: number, bins: number, u: (k: number) => number): number {
  const counts = new Float64Array(bins);
  for (let k = 0; k < n; k++) counts[Math.floor(u(k) * bins)]++;
  const e = n / bins;
  let x = 0;
  for (const c of counts) x += (c - e) ** 2 / e;
  return x;
}

/** Pearson correlation of u(k) and w(k) over k < n. */
function correlation(n: number, u: (k: number) => number, w: (k: number) => number): number {
  let su = 0, sw = 0, suu = 0, sww = 0, suw = 0;
  for (let k = 0; k < n; k++) {
    const a = u(k);
    const b = w(k);
    su += a; sw += b; suu += a * a; sww += b * b; suw += a * b;
  }
  const cov = suw / n - (su / n) * (sw / n);
  return cov / Math.sqrt((suu / n - (su / n) ** 2) * (sww / n - (sw / n) ** 2));
}

// Chi-square with 99 degrees of freedom: P(χ² > 148.2) = 0.001.
const CHI2_99_P001 = 148.2;
// Correlation of n = 10⁶ independent pairs: sd 1/√n = 0.001; |r| < 0.005 is 5 sd (P ≈ 6·10⁻⁷).
const N_PAIRS = 1_000_000;
const R_TOLERANCE = 0.005;

describe('counter-based draws: uniformity', () => {
  const D = factory.draws(2, 'quality', 2030);
  it.each([
    ['adjacent structured agent keys, decision 0', (k: number) => D.u(structuredKey(k), 0)],
    ['adjacent decision indices of 15,625 agents', (k: number) => D.u(structuredKey(k >> 6), k & 63)],
    ['derived (newborn) keys', (k: number) => D.u(derivedKey(k), 3)],
    ['the group key over 10⁶ decisions', (k: number) => D.group(k)],
  ])('is uniform on 100 bins over 10⁶ draws (%s): χ² < 148.2 (99 df, P = 0.001)', (_name, u) => {
    const x = chiSquare(1_000_000, 100, u);
    expect(x).toBeLessThan(CHI2_99_P001);
    expect(x).toBeGreaterThan(60); // and not suspiciously even (P(χ² < 60) ≈ 10⁻⁴)
  });

  it('has mean 1/2 and variance 1/12 (10⁶ draws: within 5 sd)', () => {
    let s = 0;
    let ss = 0;
    const n = 1_000_000;
    for (let k = 0; k < n; k++) {
      const u = D.u(structuredKey(k), 7);
      s += u;
      ss += u * u;
    }
    expect(Math.abs(s / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(ss / n - (s / n) ** 2 - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
  });
});

describe('counter-based draws: independence', () => {
  const D = factory.draws(2, 'quality', 2030);
  const nextYear = factory.draws(2, 'quality', 2031);
  const nextVillage = factory.draws(3, 'quality', 2030);
  const otherProcess = factory.draws(2, 'other', 2030);
  it.each([
    ['adjacent decision indices (d, d + 1)', (k: number) => D.u(structuredKey(k >> 3), k & 7), (k: number) => D.u(structuredKey(k >> 3), (k & 7) + 1)],
    ['adjacent agent keys (k, k + 1)', (k: number) => D.u(structuredKey(k), 0), (k: number) => D.u(structuredKey(k + 1), 0)],
    ['adjacent derived keys', (k: number) => D.u(derivedKey(k), 0), (k: number) => D.u(derivedKey(k + 1), 0)],
    ['the same decision in consecutive years', (k: number) => D.u(structuredKey(k), 1), (k: number) => nextYear.u(structuredKey(k), 1)],
    ['the same decision in neighbouring villages', (k: number) => D.u(structuredKey(k), 1), (k: number) => nextVillage.u(structuredKey(k), 1)],
    ['the same decision index in two processes', (k: number) => D.u(structuredKey(k), 0), (k: number) => otherProcess.u(structuredKey(k), 0)],
  ])('shows no serial correlation across %s: |r| < 0.005 over 10⁶ pairs (5 sd)', (_name, u, w) => {
    expect(Math.abs(correlation(N_PAIRS, u, w))).toBeLessThan(R_TOLERANCE);
  });

  it('is uniform in two dimensions over (decision d, d + 1): χ² on a 10 × 10 grid < 148.2', () => {
    const counts = new Float64Array(100);
    const n = 1_000_000;
    for (let k = 0; k < n; k++) {
      const a = D.u(structuredKey(k), 4);
      const b = D.u(structuredKey(k), 5);
      counts[Math.floor(a * 10) * 10 + Math.floor(b * 10)]++;
    }
    let x = 0;
    for (const c of counts) x += (c - n / 100) ** 2 / (n / 100);
    expect(x).toBeLessThan(CHI2_99_P001);
  });
});

/**
 * Marsaglia's birthday-spacings test on 32-bit words: m = 4,096 birthdays in a year of 2³² days; the
 * number of repeated values among the sorted spacings is Poisson with λ = m³ / (4 · 2³²) = 4. Over 500
 * samples, the counts are compared with Poisson(4) by chi-square (classes 0, 1, …, 8, ≥ 9: 9 df;
 * P(χ² > 27.9) = 0.001), and their total with Poisson(2,000) (within 4 sd = 179).
 */
function birthdaySpacings(word: (sample: number, k: number) => number): { chi2: number; total: number } {
  const m = 4096;
  const samples = 500;
  const lambda = (m ** 3) / (4 * 2 ** 32);
  const classes = new Float64Array(10);
  const days = new Float64Array(m);
  const gaps = new Float64Array(m - 1);
  let total = 0;
  for (let s = 0; s < samples; s++) {
    for (let k = 0; k < m; k++) days[k] = word(s, k);
    days.sort();
    for (let k = 1; k < m; k++) gaps[k - 1] = days[k] - days[k - 1];
    gaps.sort();
    let repeats = 0;
    for (let k = 1; k < m - 1; k++) if (gaps[k] === gaps[k - 1]) repeats++;
    total += repeats;
    classes[Math.min(9, repeats)]++;
  }
  let chi2 = 0;
  let p = Math.exp(-lambda);
  let rest = 1;
  for (let c = 0; c < 10; c++) {
    const pc = c < 9 ? p : rest;
    chi2 += (classes[c] - samples * pc) ** 2 / (samples * pc);
    rest -= p;
    p *= lambda / (c + 1);
  }
  return { chi2, total };
}

describe('counter-based draws: birthday spacings and gaps', () => {
  it.each([
    ['adjacent agent keys', (s: number, k: number) => keyedWord(0x1234567, 0x89abcdef ^ s, structuredKey(k), 0)],
    ['adjacent decision indices', (s: number, k: number) => keyedWord(0x1234567, 0x2468ace, structuredKey(s), k)],
    ['derived keys, one stream per sample', (s: number, k: number) => keyedWord(s * 0x9e3779b9, 0x7f4a7c15, derivedKey(k), 2)],
  ])('passes the birthday-spacings test over %s (500 samples of 4,096 words: χ² < 27.9 on 9 df, total within 4 sd of 2,000)', (_n, word) => {
    const { chi2, total } = birthdaySpacings(word);
    expect(chi2).toBeLessThan(27.9);
    expect(Math.abs(total - 2000)).toBeLessThan(4 * Math.sqrt(2000));
  });

  it('passes the gap test (gaps between visits of [0, 0.1): geometric; 10⁶ draws, 20 classes, χ² < 43.8 on 19 df, P = 0.001)', () => {
    const D = factory.draws(5, 'gaps', 2040);
    const classes = new Float64Array(20);
    let gap = 0;
    let gaps = 0;
    for (let k = 0; k < 1_000_000; k++) {
      if (D.u(structuredKey(k >> 2), k & 3) < 0.1) {
        classes[Math.min(19, gap)]++;
        gaps++;
        gap = 0;
      } else gap++;
    }
    let chi2 = 0;
    for (let c = 0; c < 20; c++) {
      const p = c < 19 ? 0.1 * 0.9 ** c : 0.9 ** 19;
      chi2 += (classes[c] - gaps * p) ** 2 / (gaps * p);
    }
    expect(chi2).toBeLessThan(43.8);
  });
});

describe('counter-based draws: avalanche and determinism', () => {
  it('flips every output bit with probability 1/2 when one bit of the agent key flips (20,000 keys: |p − 1/2| < 0.02, 5.7 sd)', () => {
    const n = 20000;
    const s = streamFor(['avalanche', 1]);
    let worst = 0;
    for (let bit = 0; bit < 53; bit++) {
      const flips = new Float64Array(32);
      for (let k = 0; k < n; k++) {
        const key = Math.floor(s.next() * 2 ** 52);
        const other = bit < 32 ? key + ((key >>> bit) & 1 ? -1 : 1) * 2 ** bit : Math.floor(key / 2 ** bit) % 2 ? key - 2 ** bit : key + 2 ** bit;
        const x = keyedWord(0x0badcafe, 0x5eed5eed, key, 1) ^ keyedWord(0x0badcafe, 0x5eed5eed, other, 1);
        for (let o = 0; o < 32; o++) flips[o] += (x >>> o) & 1;
      }
      for (let o = 0; o < 32; o++) worst = Math.max(worst, Math.abs(flips[o] / n - 0.5));
    }
    expect(worst).toBeLessThan(0.02);
  });

  it('is a pure function of (key, agent, decision): equal keys give equal draws in any order, and the count of draws is kept', () => {
    const a = factory.draws(1, 'migration', 2030);
    const b = new StreamFactory([20240601, '', 0]).draws(1, 'migration', 2030);
    const forward = [0, 1, 2, 3].map((d) => a.u(structuredKey(9), d));
    const backward = [3, 2, 1, 0].map((d) => b.u(structuredKey(9), d)).reverse();
    expect(backward).toEqual(forward);
    expect(a.draws).toBe(4);
    expect(new Set(forward).size).toBe(4);
    // Different sub-keys, prefixes and the stream of the same sub-key give different numbers.
    expect(factory.draws(1, 'migration', 2031).u(structuredKey(9), 0)).not.toBe(forward[0]);
    expect(new StreamFactory([20240601, 'x', 0]).draws(1, 'migration', 2030).u(structuredKey(9), 0)).not.toBe(forward[0]);
    expect(factory.stream(1, 'migration', 2030).next()).not.toBe(forward[0]);
    // A sequence of one agent's decisions is the same as the decisions taken one by one.
    const seq = a.at(structuredKey(9), 1);
    expect([seq.next(), seq.next()]).toEqual(forward.slice(1, 3));
    // Keyed draws seeded from a stream are reproducible.
    expect(drawsFrom(streamFor(['x', 1])).u(5, 0)).toBe(drawsFrom(streamFor(['x', 1])).u(5, 0));
    expect(new Draws(1, 2).u(5, 0)).toBe(keyedWord(1, 2, 5, 0) * 2 ** -32);
  });
});

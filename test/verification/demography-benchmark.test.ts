/**
 * Analytic benchmark: demography in isolation (only the demography process) against the life table
 * built from `deathProbability` (src/model/processes/demography.ts). Disability does not change the
 * death hazard here (`mortality_disabled_multiplier` 1) and nobody transfers registration out.
 *
 * The model's clock: a villager ages at the start of the year and then dies with q(age); a newborn is
 * age 0 at the year-end of its birth and first exposed at age 1. So survivorship to year-end x is
 * l(x) = Π_{y=1..x} (1 − q(y)), age at death X has P(X ≥ x) = l(x − 1), and life expectancy at birth
 * (in the model's whole-year ages) is e0 = E[X] = Σ_{x≥0} l(x). The stationary population of the table
 * has age shares c(x) = l(x) / Σ l. Ages stop at 120 (u8 column): q(120) then repeats.
 *
 * Two checks: (1) without births, a synthetic birth cohort (every villager set to age 0) against l(x)
 * and e0; (2) with births, a population started in the stationary age structure with fertility set to
 * replacement (net reproduction ratio 1) keeps the stationary age structure and size in expectation.
 */
import { describe, expect, it } from 'vitest';
import { categorical, streamFor } from '../../src/core/random.js';
import type { County } from '../../src/model/county.js';
import { defaultInputs } from '../../src/model/default-inputs.js';
import { resolveParams, type Params } from '../../src/model/parameters.js';
import { deathProbability, demography, fertilityRate } from '../../src/model/processes/demography.js';
import { meanSe, runWithState } from './helpers.js';

const MAX_AGE = 120;
/** Ages summed in the table: far beyond the age where survival is below 1e-30. */
const TABLE_AGES = 400;

/** Survivorship l(0..TABLE_AGES) of the model's clock (see the file comment). */
function survivorship(p: Params): number[] {
  const l = [1];
  for (let x = 1; x <= TABLE_AGES; x++) l.push(l[x - 1] * (1 - deathProbability(p, Math.min(x, MAX_AGE), false)));
  return l;
}

const BASE: Record<string, number> = { mortality_disabled_multiplier: 1, registration_transfer_rate: 0 };

describe('demography in isolation vs its life table', () => {
  it('gives a birth cohort the survivorship l(x) and life expectancy e0 of the table', () => {
    const params = { ...BASE, total_fertility_rate: 0 };
    const p = resolveParams(params);
    const l = survivorship(p);
    const e0 = l.reduce((a, b) => a + b, 0);
    // E[X²] = Σ_{x≥1} (2x − 1)·P(X ≥ x) gives the variance of the age at death.
    let ex2 = 0;
    for (let x = 1; x <= TABLE_AGES; x++) ex2 += (2 * x - 1) * l[x - 1];
    const sdX = Math.sqrt(ex2 - e0 * e0);
    const YEARS = 125; // P(anyone of the cohort alive at 125) < n·l(125) ≈ 1e-4
    const survivors: number[] = new Array<number>(YEARS + 1).fill(0);
    let n = 0;
    for (let rep = 0; rep < 2; rep++) {
      const inputs = defaultInputs({ parameters: params, county: { villages: 8, population: 8000 } });
      runWithState(inputs, {
        years: YEARS,
        seed: 5,
        replicate: rep,
        processes: [demography],
        setup(county: County) {
          for (const v of county.villages) for (let i = 0; i < v.people.highWater; i++) v.people.cols.age[i] = 0;
        },
        onYear(county, t) {
          const alive = county.villages.reduce((a, v) => a + v.people.count, 0);
          if (t === 0) n += alive;
          survivors[t] += alive;
        },
      });
    }
    // Survivorship at age x: binomial, tolerance 4·sqrt(l(1 − l)/n). e0: the mean of n independent ages
    // at death, tolerance 4·sd(X)/sqrt(n) (CLT).
    const lines = [`birth cohort of ${n} (no births): survivorship simulated / table ± 4 SE`];
    const failures: string[] = [];
    for (const x of [1, 10, 30, 50, 60, 70, 80, 90, 100, 110]) {
      const sim = survivors[x] / n;
      const tol = 4 * Math.sqrt((l[x] * (1 - l[x])) / n);
      lines.push(`  l(${x})`.padEnd(10) + `${sim.toFixed(4)} / ${l[x].toFixed(4)} ± ${tol.toFixed(4)}`);
      if (Math.abs(sim - l[x]) > tol) failures.push(`l(${x}): ${sim} vs ${l[x]}`);
    }
    const simE0 = survivors.reduce((a, b) => a + b, 0) / n;
    const tolE0 = (4 * sdX) / Math.sqrt(n);
    lines.push(`  e0`.padEnd(10) + `${simE0.toFixed(3)} / ${e0.toFixed(3)} ± ${tolE0.toFixed(3)} years (sd of age at death ${sdX.toFixed(2)})`);
    console.log(lines.join('\n'));
    if (Math.abs(simE0 - e0) > tolE0) failures.push(`e0: ${simE0} vs ${e0}`);
    expect(survivors[YEARS]).toBe(0);
    expect(failures).toEqual([]);
  }, 60_000);

  it('keeps a stationary population stationary when fertility is at replacement', () => {
    // Net reproduction ratio: a girl born this year (age 0 at year-end) reaches year-end a with
    // probability l(a) and then gives birth with probability f(a) = TFR·shape(a); half the births are
    // girls, so NRR = ½·Σ_a l(a)·f(a), and NRR = 1 at TFR = 2 / Σ_a l(a)·shape(a). With the initial ages
    // drawn from c(x) = l(x)/Σ l and half of the villagers female, every later year-end has the same
    // expected age structure and size. Approximation: newborn sex alternates (births + mother's slot)
    // mod 2 rather than exactly half per year.
    const p0 = resolveParams(BASE);
    const l = survivorship(p0);
    let lf = 0;
    for (let a = 0; a <= 60; a++) lf += l[a] * (fertilityRate(p0, a) / p0.total_fertility_rate);
    const tfr = 2 / lf;
    const params = { ...BASE, total_fertility_rate: tfr };
    const total = l.reduce((a, b) => a + b, 0);
    const c = l.map((x) => x / total);
    const bands: [string, number, number][] = [['0-14', 0, 14], ['15-59', 15, 59], ['60+', 60, TABLE_AGES]];
    const expected = bands.map(([, lo, hi]) => c.slice(lo, hi + 1).reduce((a, b) => a + b, 0));
    const expectedMeanAge = c.reduce((a, x, age) => a + x * age, 0);
    const YEARS = 30;
    const R = 8;
    const shares: number[][] = bands.map(() => []);
    const meanAges: number[] = [];
    const growth: number[] = [];
    for (let rep = 0; rep < R; rep++) {
      const inputs = defaultInputs({ parameters: params, county: { villages: 4, population: 4000 } });
      let n0 = 0;
      runWithState(inputs, {
        years: YEARS,
        seed: 8,
        replicate: rep,
        processes: [demography],
        setup(county: County) {
          const s = streamFor(['stationary-ages', rep]);
          for (const v of county.villages) {
            for (let i = 0; i < v.people.highWater; i++) {
              v.people.cols.age[i] = Math.min(MAX_AGE, categorical(s, c));
              v.people.cols.sex[i] = i % 2;
            }
          }
        },
        onYear(county, t) {
          if (t !== 0 && t !== YEARS) return;
          const byBand = bands.map(() => 0);
          let n = 0;
          let ageSum = 0;
          for (const v of county.villages) {
            const P = v.people.cols;
            for (let i = 0; i < v.people.highWater; i++) {
              if (v.people.alive[i] === 0) continue;
              n++;
              ageSum += P.age[i];
              byBand[bands.findIndex(([, lo, hi]) => P.age[i] >= lo && P.age[i] <= hi)]++;
            }
          }
          if (t === 0) n0 = n;
          else {
            byBand.forEach((k, b) => shares[b].push(k / n));
            meanAges.push(ageSum / n);
            growth.push(n / n0);
          }
        },
      });
    }
    // Tolerance: 4 standard errors of the mean over R independent replicates (CLT), the SE estimated
    // from the replicates themselves (cohort sizes fluctuate together, so a binomial SE would be too small).
    const lines = [`stationary population (TFR ${tfr.toFixed(3)} for NRR 1), year ${YEARS}, mean of ${R} replicates: simulated / table ± 4 SE`];
    const failures: string[] = [];
    const compare = (label: string, xs: number[], want: number, digits: number) => {
      const { mean, se } = meanSe(xs);
      lines.push(`  ${label.padEnd(14)} ${mean.toFixed(digits)} / ${want.toFixed(digits)} ± ${(4 * se).toFixed(digits)}`);
      if (Math.abs(mean - want) > 4 * se) failures.push(`${label}: ${mean} vs ${want} ± ${4 * se}`);
    };
    bands.forEach(([name], b) => compare(`share ${name}`, shares[b], expected[b], 4));
    compare('mean age', meanAges, expectedMeanAge, 2);
    compare('size N(T)/N(0)', growth, 1, 4);
    console.log(lines.join('\n'));
    expect(failures).toEqual([]);
  }, 60_000);
});

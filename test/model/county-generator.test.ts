// The synthetic county generator matches the calibration figures it is built from
// (calibration-targets.md §2, §4), within tolerances stated per check.
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/core/random.js';
import { generateVillage } from '../../src/model/county-generator.js';
import { defaultInputs } from '../../src/model/default-inputs.js';
import { ETHNICITIES, type CountyConfig } from '../../src/model/county-config.js';
import type { Village } from '../../src/model/village.js';
import { Role, Status } from '../../src/model/villager.js';

interface Stats {
  n: number; members: number; memberAgeSum: number; ageSum: number; membersAway: number; households: number;
  under15: number; minorities: number; villages: Village[];
}

function generate(county: Partial<CountyConfig> = {}, seed = 1): Stats {
  const inputs = defaultInputs({ county });
  const s: Stats = { n: 0, members: 0, memberAgeSum: 0, ageSum: 0, membersAway: 0, households: 0, under15: 0, minorities: 0, villages: [] };
  for (let g = 0; g < inputs.county.villages; g++) {
    const v = generateVillage(g, inputs.county, inputs.params, streamFor([seed, 'county-test', g]));
    s.villages.push(v);
    const P = v.people.cols;
    const hh = new Set<number>();
    v.people.forEach((i) => {
      s.n++;
      s.ageSum += P.age[i];
      hh.add(P.household[i]);
      if (P.age[i] < 15) s.under15++;
      if (ETHNICITIES[P.ethnicity[i]] !== 'han') s.minorities++;
      if (P.status[i] === Status.full) {
        s.members++;
        s.memberAgeSum += P.age[i];
        if (P.away[i]) s.membersAway++;
      }
    });
    s.households += hh.size;
  }
  return s;
}

describe('county generator', () => {
  // The default county: 36 villages, ≈54,000 registered villagers (generated once, ≈1.5 s).
  const s = generate();

  it('makes full members 3-4% of registered villagers (§2: 2.99% nationally, 3.97% in the West)', () => {
    expect(s.members / s.n).toBeGreaterThanOrEqual(0.03);
    expect(s.members / s.n).toBeLessThanOrEqual(0.04);
  });

  it('makes members older than villagers on average (§2: member mean age 48.1)', () => {
    const memberMean = s.memberAgeSum / s.members;
    expect(memberMean).toBeGreaterThan(s.ageSum / s.n + 8);
    // 48.1 ± 4 years: the age bands are matched exactly, the within-band spread is the pyramid's
    expect(Math.abs(memberMean - 48.1)).toBeLessThan(4);
  });

  it('puts about a third of members away (§2: 37%)', () => {
    // ±0.1 around 0.33-0.37: the declared initial share, with binomial noise over ≈1,900 members (sd ≈ 0.011)
    expect(s.membersAway / s.members).toBeGreaterThan(0.25);
    expect(s.membersAway / s.members).toBeLessThan(0.45);
  });

  it('groups villagers into households of about 2.9 (§4: Guangxi 2.87, Laibin 2.77)', () => {
    // households = round(n / 2.9) per village, all used: the mean is 2.9 up to rounding
    expect(Math.abs(s.n / s.households - 2.9)).toBeLessThan(0.1);
  });

  it('matches the share of children aged 0-14 (§4: 23.62%; pyramid 23.5%)', () => {
    // sd of a share over ≈54,000 draws ≈ 0.002; 0.01 is five of them
    expect(Math.abs(s.under15 / s.n - 0.235)).toBeLessThan(0.01);
  });

  it('makes about 77% of villagers minorities with the default mix (§4: Laibin 76.65%)', () => {
    // segregation 0.5 makes half of each village its majority group, drawn per village: with 36 villages
    // the county share has sd ≈ 0.04, so ±0.12 (3 sd)
    expect(Math.abs(s.minorities / s.n - 0.7665)).toBeLessThan(0.12);
  });

  it('matches the ethnic mix closely when villages are mixed evenly (segregation 0)', () => {
    const mixed = generate({ villages: 6, population: 12000, segregation: 0 });
    // 12,000 draws: sd ≈ 0.004, tolerance 0.02
    expect(Math.abs(mixed.minorities / mixed.n - 0.7665)).toBeLessThan(0.02);
  });

  it('seats a resident full member as secretary of every branch that has one, and starts a pipeline', () => {
    for (const v of s.villages) {
      const P = v.people.cols;
      const sec = v.branch.secretary;
      expect(sec).toBeGreaterThanOrEqual(0);
      expect(P.status[sec]).toBe(Status.full);
      expect(P.away[sec]).toBe(0);
      expect(P.role[sec]).toBe(Role.secretary);
      let applicants = 0;
      let under18InPipeline = 0;
      v.people.forEach((i) => {
        if (P.status[i] === Status.applicant) applicants++;
        if (P.status[i] !== Status.none && P.age[i] < 18) under18InPipeline++;
      });
      expect(applicants).toBeGreaterThan(0);
      expect(under18InPipeline).toBe(0);
    }
  });

  it('generates each village from its own stream alone (same seed, same village)', () => {
    const inputs = defaultInputs();
    const a = generateVillage(3, inputs.county, inputs.params, streamFor([9, 'x', 3]));
    const b = generateVillage(3, inputs.county, inputs.params, streamFor([9, 'x', 3]));
    expect(a.people.count).toBe(b.people.count);
    expect(Array.from(a.people.cols.age.subarray(0, a.people.highWater))).toEqual(Array.from(b.people.cols.age.subarray(0, b.people.highWater)));
  });
});

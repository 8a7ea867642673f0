/**
 * Shared helpers of the verification tests: running the talent model with access to its state every
 * year, constrained fast-check generators of small random scenarios (parameters and levers within their
 * declared ranges), and a per-villager procedure tracker (status histories across years).
 */
import fc from 'fast-check';
import { run, type RunOptions, type RunResult } from '../../src/core/run.js';
import type { Process } from '../../src/core/schedule.js';
import type { County } from '../../src/model/county.js';
import { defaultInputs, type DefaultInputsOptions } from '../../src/model/default-inputs.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import { LEVERS, type LeverValues } from '../../src/model/levers.js';
import { talentModel } from '../../src/model/model.js';
import { PARAMETERS } from '../../src/model/parameters.js';
import { MIN_APPLICATION_AGE, MIN_STAGE_YEARS } from '../../src/model/processes/pipeline.js';
import { Status } from '../../src/model/villager.js';

/** Options of {@link runWithState}. */
export interface RunWithStateOptions extends Omit<RunOptions<County>, 'onYear' | 'startYear'> {
  /** Calendar year of the initial state (default 2025). */
  startYear?: number;
  /** Replace the process list (e.g. one process in isolation). */
  processes?: readonly Process<County>[];
  /** Called on the freshly created state (before year 0 is collected): set up a benchmark's state, or return a replacement. */
  setup?: (county: County) => County | void;
  /** Called after every collected year (t = 0..years) with the state. */
  onYear?: (county: County, t: number) => void;
}

/** Runs the talent model on `inputs` (from 2025 unless told), with `setup` on the fresh state and `onYear` on every year's. */
export function runWithState(inputs: ModelInputs, options: RunWithStateOptions): RunResult<County> {
  const m = talentModel(inputs, options.processes ? { processes: options.processes } : {});
  const { processes: _p, setup, onYear, ...runOptions } = options;
  const model = setup ? { ...m, create: (ctx: Parameters<typeof m.create>[0]) => { const st = m.create(ctx); return setup(st) ?? st; } } : m;
  return run(model, { startYear: 2025, ...runOptions, onYear: onYear && ((county, _year, t) => onYear(county, t)) });
}

/** A small random scenario: model inputs options plus run length and seed. */
export interface SmallScenario {
  options: DefaultInputsOptions;
  years: number;
  seed: number;
}

/** Parameters drawn within their declared [min, max] (integers where declared). No filtering. */
export function parametersArb(): fc.Arbitrary<Record<string, number>> {
  const fields: Record<string, fc.Arbitrary<number>> = {};
  for (const p of PARAMETERS) {
    const spec = p as { min: number; max: number; integer?: boolean };
    fields[p.name] = spec.integer
      ? fc.integer({ min: spec.min, max: spec.max })
      : fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true });
  }
  return fc.record(fields);
}

/** Lever values drawn within their declared ranges, each lever on with probability ½ (else 0). */
export function leversArb(): fc.Arbitrary<Partial<LeverValues>> {
  const fields: Record<string, fc.Arbitrary<number>> = {};
  for (const l of LEVERS) {
    fields[l.name] = fc.oneof(fc.constant(0), fc.double({ min: l.min, max: l.max, noNaN: true, noDefaultInfinity: true }));
  }
  return fc.record(fields) as fc.Arbitrary<Partial<LeverValues>>;
}

/** Small counties (2-4 villages of 150-400 villagers), 3-6 years, random parameters and levers. */
export function smallScenarioArb(): fc.Arbitrary<SmallScenario> {
  return fc
    .record({
      parameters: parametersArb(),
      levers: leversArb(),
      villages: fc.integer({ min: 2, max: 4 }),
      perVillage: fc.integer({ min: 150, max: 400 }),
      years: fc.integer({ min: 3, max: 6 }),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      lockdown: fc.boolean(),
    })
    .map((r) => ({
      options: {
        parameters: r.parameters,
        levers: r.levers,
        county: { villages: r.villages, population: r.villages * r.perVillage, villageSizeCv: 0.15 },
        shock: r.lockdown ? { mobility: 0, conflict: 0.2, migrantWage: 0.7 } : undefined,
      },
      years: r.years,
      seed: r.seed,
    }));
}

/** Builds model inputs for a small scenario. */
export function inputsOf(s: SmallScenario): ModelInputs {
  return defaultInputs(s.options);
}

interface Tracked {
  age: number;
  sex: number;
  ethnicity: number;
  status: number;
  /** Model offset t of the year-end at which the villager was first seen in this status. */
  since: number;
}

/**
 * Follows every villager's Party status from year to year and reports procedure violations: a status
 * change other than one stage forward or a drop to none (one who leaves the pipeline cannot re-apply in the
 * same year, so a year-end change from a later stage straight to applicant is a violation); a stage passed faster than its minimum,
 * an application outside ages 18 to `application_age_max`, a newcomer (birth) not starting with no status. Slots are reused
 * after deaths, so a villager is recognised by sex, ethnicity and age one year older (a newborn in a
 * reused slot is 0). Requires demography to run (ages advance every year).
 */
export class ProcedureTracker {
  private readonly known: Map<number, Tracked>[] = [];
  /** Violations found so far. */
  readonly errors: string[] = [];

  /** Observes the state at year-end t (call for t = 0, 1, 2, … in order). */
  observe(county: County, t: number): void {
    county.villages.forEach((v, g) => {
      const prev = this.known[g] ?? new Map<number, Tracked>();
      const next = new Map<number, Tracked>();
      const P = v.people.cols;
      for (let i = 0; i < v.people.highWater; i++) {
        if (v.people.alive[i] === 0) continue;
        const age = P.age[i];
        const st = P.status[i];
        const at = `t=${t} village ${g} slot ${i} (age ${age})`;
        const old = prev.get(i);
        const same = old !== undefined && old.sex === P.sex[i] && old.ethnicity === P.ethnicity[i] && age === Math.min(120, old.age + 1);
        let since = t;
        if (t === 0) since = -P.stageYears[i];
        else if (!same) {
          if (st !== Status.none) this.errors.push(`${at}: newcomer with status ${st}`);
        } else if (st === old.status) since = old.since;
        else if (st === Status.none) {
          // dropout, exclusion, failed probation or leaving the Party: allowed from any stage
        } else if (st === old.status + 1) {
          const spent = t - old.since;
          if (spent < MIN_STAGE_YEARS[old.status]) this.errors.push(`${at}: left stage ${old.status} after ${spent} years (< ${MIN_STAGE_YEARS[old.status]})`);
          if (st === Status.applicant && (age < MIN_APPLICATION_AGE || age > county.params.application_age_max)) this.errors.push(`${at}: applied at age ${age}`);
        } else this.errors.push(`${at}: status ${old.status} → ${st} skips or reverses a stage`);
        next.set(i, { age, sex: P.sex[i], ethnicity: P.ethnicity[i], status: st, since });
      }
      this.known[g] = next;
    });
  }
}

/** Rows of a run as `metric@year → value`. */
export function rowMap(rows: readonly { metric: string; year: number; value: number }[]): Map<string, number> {
  return new Map(rows.map((r) => [`${r.metric}@${r.year}`, r.value]));
}

/** Mean and standard error of the mean. */
export function meanSe(xs: readonly number[]): { mean: number; se: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const v = n > 1 ? xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, se: Math.sqrt(v / n) };
}

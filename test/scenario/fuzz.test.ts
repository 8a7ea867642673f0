/**
 * Robustness properties: whatever value or text comes in, the loaders return a valid scenario or a
 * non-empty list of well-formed problems, and the throwing forms throw nothing but ScenarioLoadError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../src/model/levers.js';
import { PARAMETERS } from '../../src/model/parameters.js';
import {
  safeParseScenario,
  safeScenarioFromObject,
  scenarioFromObject,
  ScenarioLoadError,
  type ScenarioResult,
  type Scenario,
} from '../../src/scenario/index.js';

function checkResult(r: ScenarioResult<Scenario>): void {
  if (r.ok) {
    expect(typeof r.scenario.name).toBe('string');
    expect(r.scenario.years).toBeGreaterThanOrEqual(1);
    return;
  }
  expect(r.issues.length).toBeGreaterThan(0);
  for (const i of r.issues) {
    expect(typeof i.file).toBe('string');
    expect(typeof i.path).toBe('string');
    expect(i.message.length).toBeGreaterThan(0);
    expect(i.message).not.toMatch(/\n/);
  }
}

// Values that stress the validators: non-finite numbers, wrong types, odd keys.
const weird = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1e308, 2 ** 32, 0.5, '', 'baseline', '1 / (t - 3)', 'import({})', null, true, [], {}),
  fc.string(),
);

// A valid scenario object built from the declarations, to mutate.
const nearValid = fc.record(
  {
    name: fc.constantFrom('a', 'b'),
    years: fc.integer({ min: 10, max: 40 }), // ≥ every shock start below: a window after the run is an error
    seed: fc.nat(),
    county: fc.record({ villages: fc.integer({ min: 1, max: 50 }), mix: fc.record({ zhuang: fc.double({ min: 0, max: 1, noNaN: true }) }) }, { requiredKeys: [] }),
    parameters: fc.constantFrom(...PARAMETERS).map((p) => ({ [p.name]: p.default })),
    policies: fc.uniqueArray(
      fc.constantFrom(...LEVERS).chain((l) =>
        fc.record({ lever: fc.constant(l.name), value: fc.oneof(fc.double({ min: l.min, max: l.max, noNaN: true }), fc.constant(`min(${l.max}, 0.1 * t)`)) }),
      ),
      { maxLength: 3, selector: (p) => p.lever },
    ),
    shocks: fc.array(fc.record({ kind: fc.constantFrom('lockdown', 'economic'), start: fc.integer({ min: 1, max: 10 }) }), { maxLength: 2 }),
  },
  { requiredKeys: ['name'] },
);

type Path = (string | number)[];

function paths(v: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

const mutated = fc
  .tuple(nearValid, fc.array(fc.tuple(fc.nat(), weird, fc.boolean(), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 4 }))
  .map(([base, muts]) => {
    let v: unknown = base;
    for (const [pick, value, remove, newKey] of muts) {
      const all = paths(v);
      const path = all[pick % all.length];
      // Either replace/remove the value at a path, or add a new key next to it.
      v = newKey && path.length > 0 && pick % 3 === 0 ? setAt(v, [...path.slice(0, -1), newKey], value, false) : setAt(v, path, value, remove && path.length > 0);
    }
    return v;
  });

// Each property runs a few hundred loads (≈5 ms each); the timeout leaves room for a loaded CI machine.
const TIMEOUT = 60_000;

describe('loader robustness', () => {
  it('answers any JSON value with a scenario or a non-empty list of problems', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => checkResult(safeScenarioFromObject(v, 'fuzz'))), { seed: 42, numRuns: 300 });
  }, TIMEOUT);

  it('answers mutated near-valid scenarios with a scenario or problems', () => {
    fc.assert(fc.property(mutated, (v) => checkResult(safeScenarioFromObject(v, 'fuzz'))), { seed: 42, numRuns: 400 });
  }, TIMEOUT);

  it('accepts the unmutated near-valid scenarios', () => {
    fc.assert(fc.property(nearValid, (v) => {
      const r = safeScenarioFromObject(v, 'fuzz');
      expect(r.ok ? [] : r.issues).toEqual([]);
    }), { seed: 42, numRuns: 100 });
  }, TIMEOUT);

  it('throws nothing but ScenarioLoadError from the throwing form', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated), (v) => {
        try {
          scenarioFromObject(v, 'fuzz');
        } catch (e) {
          expect(e).toBeInstanceOf(ScenarioLoadError);
          expect((e as ScenarioLoadError).issues.length).toBeGreaterThan(0);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  }, TIMEOUT);

  it('answers any text with a scenario or problems', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      mutated.map((v) => JSON.stringify(v) ?? ''),
    );
    fc.assert(fc.property(text, (t) => checkResult(safeParseScenario(t, 'fuzz.yaml'))), { seed: 42, numRuns: 300 });
  }, TIMEOUT);
});

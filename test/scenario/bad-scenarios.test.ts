/**
 * The corpus of bad scenario files under test/fixtures/bad-scenarios: each `<name>.yaml` has a sibling
 * `<name>.expected` holding the exact lines the formatter must print (labels relative to the package root,
 * where vitest runs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, loadScenario, safeLoadScenario, ScenarioLoadError } from '../../src/scenario/index.js';

const DIR = 'test/fixtures/bad-scenarios';
const cases = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('bad scenario corpus', () => {
  it('has an expected-output file for every bad scenario', () => {
    for (const f of cases) expect(existsSync(`${DIR}/${f.replace(/\.yaml$/, '.expected')}`), f).toBe(true);
  });

  for (const f of cases) {
    it(`reports exactly the expected problems for ${f}`, () => {
      const expected = readFileSync(`${DIR}/${f.replace(/\.yaml$/, '.expected')}`, 'utf8').trimEnd();
      const r = safeLoadScenario(`${DIR}/${f}`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(formatScenarioErrors(r.issues)).toBe(expected);
    });
  }

  it('reports a missing file in one line', () => {
    const r = safeLoadScenario(`${DIR}/does-not-exist.yaml`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatScenarioErrors(r.issues)).toBe(`${DIR}/does-not-exist.yaml: file not found`);
  });

  it('reports an unknown built-in name with a suggestion', () => {
    const r = safeLoadScenario('baselin');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatScenarioErrors(r.issues)).toMatch(/^baselin: unknown built-in scenario "baselin"; did you mean `baseline`\?/);
  });

  it('throws a ScenarioLoadError carrying every issue from the throwing entry point', () => {
    let caught: unknown;
    try {
      loadScenario(`${DIR}/many-problems.yaml`);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScenarioLoadError);
    expect((caught as ScenarioLoadError).issues).toHaveLength(8);
    expect((caught as ScenarioLoadError).message).toBe(readFileSync(`${DIR}/many-problems.expected`, 'utf8').trimEnd());
  });

  it('gives YAML syntax errors a line and a column as data', () => {
    const r = safeLoadScenario(`${DIR}/malformed.yaml`);
    expect(r.ok || r.issues[0]).toMatchObject({ line: 5, column: 1 });
  });

  it('gives range problems structured expected and found values', () => {
    const r = safeLoadScenario(`${DIR}/negative-rate.yaml`);
    expect(r.ok || r.issues[0]).toMatchObject({ path: 'parameters.member_quit_rate', expected: 'a number in [0, 0.005] (1/year)', found: '-0.001' });
  });
});

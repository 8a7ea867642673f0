// Issue 17, items 6-8, 11-14, 17 and 19 in the library: bounded expressions, only regular files of at
// most 1 MiB read, YAML node/alias/nesting caps checked before parsing, core tags only, names of allowed
// characters, `extends` confined to the scenario's folder (never echoing another file), typed errors at
// the public entry points, duplicate keys named. (The bad-scenario corpus holds the exact messages.)
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExperimentInputError } from '../../src/experiment/errors.js';
import { RUN_LIMITS } from '../../src/experiment/run-model-replicate.js';
import { SCENARIO_LIMITS } from '../../src/scenario/limits.js';
import { parseScenarioText } from '../../src/scenario/parse-text.js';
import {
  compileExpression, loadScenario, parseScenario, safeLoadScenario, safeParseScenario, safeScenarioFromObject, ScenarioLoadError,
  type ScenarioResult,
} from '../../src/scenario/index.js';
import { runReplicate } from '../../src/talent/replicate.js';
import { ensemble } from '../../src/experiment/ensemble.js';
import { TOY_MODEL as TOY, toyScenario } from '../experiment/toy.js';
import { temp } from './helpers.js';

const messages = (r: ScenarioResult<unknown>) => (r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`));
const sum = (n: number) => Array(n).fill('t').join('+');

describe('issue 17 item 6: expression length and depth limits, safe entry points that never throw', () => {
  const scenario = (value: string) => `name: x\npolicies:\n  - lever: care_relief\n    value: "${value}"\n`;

  it('refuses a 6 KB expression with a clear error at its path, from every safe entry point', () => {
    const long = sum(3000);
    for (const r of [
      safeParseScenario(scenario(long), 'long.yaml'),
      safeScenarioFromObject({ name: 'x', policies: [{ lever: 'care_relief', value: long }] }),
    ]) {
      expect(messages(r)).toEqual([expect.stringMatching(/^policies\[0\]\.value: invalid expression .*: expression too long \(5999 characters; at most 500\)$/)]);
    }
  });

  it('refuses deep nesting of brackets and of operators, and accepts a sum of 100 terms', () => {
    expect(compileExpression('('.repeat(40) + 't' + ')'.repeat(40))).toMatchObject({ ok: false, message: expect.stringContaining('more than 32 levels of brackets') });
    expect(compileExpression('-'.repeat(200) + 't')).toMatchObject({ ok: false, message: expect.stringContaining('more than 100 levels') });
    const r = compileExpression(sum(100));
    expect(r.ok && r.evaluate(2, 2027)).toBe(200);
    expect(SCENARIO_LIMITS).toMatchObject({ expressionLength: 500, expressionNesting: 32, expressionDepth: 100 });
  });
});

describe('issue 17 item 7: only regular files, at most 1 MiB (configurable)', () => {
  it('refuses devices, FIFOs and folders without reading them', () => {
    expect(messages(safeLoadScenario('/dev/zero'))).toEqual([': not a regular file (a character device); expected a YAML or JSON scenario file']);
    expect(messages(safeLoadScenario('/tmp'))).toEqual([': is a directory, not a scenario file']);
  });

  it('refuses a file above the cap, and reads it when the cap is raised', () => {
    const dir = temp();
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `name: big\ndescription: "${'x'.repeat(SCENARIO_LIMITS.descriptionLength - 10)}"\n# ${'-'.repeat(SCENARIO_LIMITS.fileBytes)}\n`);
    expect(messages(safeLoadScenario(file))).toEqual([expect.stringMatching(/^: file too large \(1\.0 MiB; a scenario file may have at most 1 MiB\)$/)]);
    expect(safeLoadScenario(file, { maxBytes: 2 * SCENARIO_LIMITS.fileBytes }).ok).toBe(true);
    expect(messages(safeLoadScenario(file, { maxBytes: 0 }))).toEqual([': maxBytes: expected a whole number of bytes ≥ 1; found 0']);
  });
});

describe('issue 17 item 8: YAML size caps checked before parsing', () => {
  it('refuses more than 10,000 values, 100 aliases or 32 levels of nesting, before the parser runs', () => {
    let keys = 'name: x\nparameters:\n';
    for (let i = 0; i < 40_000; i++) keys += `  k${i}: 1\n`; // 13 s to parse with the old duplicate check
    expect(messages(parseScenarioText(keys, 'f') as ScenarioResult<unknown>)).toEqual([': too many YAML values (more than 10000); a scenario has a few hundred']);
    const aliases = 'a: &a 1\nb: [' + Array(101).fill('*a').join(', ') + ']\n';
    expect(messages(parseScenarioText(aliases, 'f') as ScenarioResult<unknown>)).toEqual([': too many YAML aliases (more than 100)']);
    expect(messages(parseScenarioText('a: ' + '['.repeat(100_000) + ']'.repeat(100_000), 'f') as ScenarioResult<unknown>)).toEqual([': nested too deeply (more than 32 levels)']);
    let block = '';
    for (let d = 0; d < 150; d++) block += ' '.repeat(2 * d) + `k${d}:\n`;
    expect(messages(parseScenarioText(block, 'f') as ScenarioResult<unknown>)[0]).toMatch(/nested or indented too deeply/);
    expect(messages(parseScenarioText('\n'.repeat(SCENARIO_LIMITS.fileBytes), 'f') as ScenarioResult<unknown>)).toEqual([': too large to be a scenario (more than 200000 YAML tokens)']);
  });

  it('accepts a scenario well within the caps', () => {
    let keys = 'name: x\nextra:\n';
    for (let i = 0; i < 3000; i++) keys += `  k${i}: 1\n`;
    expect(parseScenarioText(keys, 'f').ok).toBe(true);
  });
});

describe('issue 17 items 11 and 17: core YAML tags only; duplicate keys named', () => {
  it('refuses !!set, !!omap, !!binary and custom tags at their path', () => {
    expect(messages(safeParseScenario('name: x\nparameters: !!set\n  ? bogus\n'))).toEqual(['parameters: the YAML tag !!set is not allowed; write plain values, lists and mappings']);
    expect(messages(safeParseScenario('name: x\ncounty: !!omap\n  - villages: 3\n'))).toEqual(['county: the YAML tag !!omap is not allowed; write plain values, lists and mappings']);
    expect(messages(safeParseScenario('name: !!binary aGVsbG8=\n'))).toEqual(['name: the YAML tag !!binary is not allowed; write plain values, lists and mappings']);
    expect(messages(safeParseScenario('name: x\nyears: !custom 3\n'))).toEqual(['years: the YAML tag !custom is not allowed; write plain values, lists and mappings']);
    expect(safeParseScenario('name: !!str x\nyears: !!int 3\n').ok).toBe(true);
  });

  it('names a duplicate key with its line and column', () => {
    expect(messages(safeParseScenario('name: x\nparameters:\n  conflict_decay: 0.3\n  conflict_decay: 0.4\n'))).toEqual([
      'parameters.conflict_decay: duplicate key `conflict_decay` (line 4, column 3), first given at line 3; give each key once',
    ]);
  });
});

describe('issue 17 item 12: names and descriptions of allowed characters', () => {
  it('refuses control, format and line-separator characters in names, and all but newlines and tabs in descriptions', () => {
    for (const bad of ['a\nb', 'a\u2028b', 'a\u202eb', 'a\tb', ' padded', 'x'.repeat(101)]) {
      expect(messages(safeScenarioFromObject({ name: bad })), JSON.stringify(bad)).toEqual([expect.stringMatching(/^name: expected a name of 1 to 100 printable characters/)]);
    }
    expect(messages(safeScenarioFromObject({ name: 'x', county: { name: 'a\u2029b' } }))).toEqual([expect.stringMatching(/^county\.name: .*U\+2029/)]);
    expect(messages(safeScenarioFromObject({ name: 'x', description: 'one\u2028two' }))).toEqual([expect.stringMatching(/^description: expected plain text; .*U\+2028/)]);
    expect(safeScenarioFromObject({ name: '组织强化 (pathway 1) – v2.0', description: 'two\nlines\tand a tab' }).ok).toBe(true);
  });
});

describe('issue 17 item 13: extends confined to the scenario folder and --scenario-path', () => {
  it('refuses absolute and ../ paths and symbolic links leading out, without opening or echoing them', () => {
    const dir = temp();
    mkdirSync(join(dir, 'own', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'parent.yaml'), 'name: parent\nyears: 7\n');
    writeFileSync(join(dir, 'own', 'sub', 'base.yaml'), 'name: base\nyears: 9\n');
    symlinkSync('/etc/passwd', join(dir, 'own', 'link.yaml'));
    const child = (ext: string) => `name: child\nextends: ${ext}\n`;
    const own = join(dir, 'own');
    for (const ext of ['/etc/passwd', '../shared/parent.yaml', 'link.yaml', '/etc/shadow']) {
      const m = messages(safeParseScenario(child(ext), 'child.yaml', own));
      expect(m, ext).toEqual([expect.stringMatching(/^extends: .* is outside the folders a scenario may extend from/)]);
      expect(m.join('')).not.toMatch(/root:|daemon/);
    }
    expect(parseScenario(child('./sub/base.yaml'), 'child.yaml', own).years).toBe(9);
    expect(parseScenario(child('../shared/parent.yaml'), 'child.yaml', own, { scenarioPath: [join(dir, 'shared')] }).years).toBe(7);
  });

  it('never echoes the content of a file that is not a scenario', () => {
    const m = messages(safeLoadScenario('/etc/passwd'));
    expect(m).toEqual([': not a scenario file: expected a mapping of scenario keys (name, years, county, parameters, policies, …); found text']);
    const dir = temp();
    writeFileSync(join(dir, 'secrets.yaml'), 'api_token: s3cr3t\npassword: hunter2\n');
    expect(messages(safeLoadScenario(join(dir, 'secrets.yaml'))).join('')).not.toMatch(/s3cr3t|hunter2|api_token/);
  });
});

describe('issue 17 item 14: typed errors at every public entry point', () => {
  it('answers loadScenario(42) with a ScenarioLoadError and safeLoadScenario(null) with problems', () => {
    expect(() => loadScenario(42 as never)).toThrow(ScenarioLoadError);
    expect(safeLoadScenario(null as never)).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('expected a built-in scenario name or a file path') }] });
    expect(safeParseScenario(undefined as never)).toMatchObject({ ok: false });
    expect(safeScenarioFromObject(null).ok).toBe(false);
    expect(() => parseScenario(42 as never)).toThrow(ScenarioLoadError);
  });

  it('refuses replicate indices that are not whole numbers in range, and years beyond 200', () => {
    const s = loadScenario('baseline');
    for (const bad of [-1, 1.5, NaN, '0', 1e20]) {
      expect(() => runReplicate({ ...s, years: 1 }, bad as never), String(bad)).toThrow(ExperimentInputError);
    }
    expect(() => runReplicate({ ...s, years: 1e6 }, 0)).toThrow(/years: expected a whole number from 1 to 200; found 1000000/);
    expect(RUN_LIMITS.years).toBe(200);
  });

  it('refuses hand-built scenarios with bad run settings before running anything', async () => {
    await expect(ensemble([toyScenario('a', { years: 1e6 })], { model: TOY, workers: 1 })).rejects.toThrow(/years: expected a whole number from 1 to 200/);
    await expect(ensemble([null as never], { model: TOY, workers: 1 })).rejects.toThrow(ExperimentInputError);
  });
});

describe('issue 17 item 19: wording of expression problems', () => {
  it('says what is wrong with calling a computed value', () => {
    expect(compileExpression('t.foo(1)')).toMatchObject({ ok: false, message: expect.stringMatching(/^calling a computed value as a function is not allowed; call a function by its name/) });
  });
});

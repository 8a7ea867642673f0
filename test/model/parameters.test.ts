// The parameter declaration and parameter sets: defaults built once and frozen, overrides give new sets.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultParams, PARAMETERS, resolveParams } from '../../src/model/parameters.js';

describe('parameter sets', () => {
  it('builds the defaults once, in declaration order, frozen', () => {
    const p = defaultParams();
    expect(defaultParams()).toBe(p);
    expect(resolveParams()).toBe(p);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.keys(p)).toEqual(PARAMETERS.map((s) => s.name));
    for (const s of PARAMETERS) expect(p[s.name], s.name).toBe(s.default);
  });

  it('applies overrides to a new frozen set and leaves the defaults alone', () => {
    const p = resolveParams({ tokenism: 0.3, member_quit_rate: -0 });
    expect(p).not.toBe(defaultParams());
    expect(Object.isFrozen(p)).toBe(true);
    expect(p.tokenism).toBe(0.3);
    expect(Object.is(p.member_quit_rate, -0)).toBe(true);
    expect(defaultParams().tokenism).toBe(PARAMETERS.find((s) => s.name === 'tokenism')?.default);
    expect(() => {
      (p as Record<string, number>).tokenism = 0.9;
    }).toThrow(TypeError);
  });

  it('rejects an unknown name and a non-finite value', () => {
    expect(() => resolveParams({ tokenisms: 0.3 })).toThrow(/unknown parameter "tokenisms"/);
    expect(() => resolveParams({ tokenism: Number.NaN })).toThrow(/tokenism: expected a finite number/);
  });
});

describe('parameter sets in V8', () => {
  // Processes read parameters in their hot loops: a dictionary-mode object (e.g. one built by JSON.parse
  // with 128 or more properties) makes every read a hash lookup. V8's own predicate says which mode an
  // object is in; it is read in a child process started with --allow-natives-syntax, on the built module.
  const built = fileURLToPath(new URL('../../dist/model/parameters.js', import.meta.url));
  it.skipIf(!existsSync(built))('have fast properties, defaults and overrides alike', () => {
    const script = `const m = await import(${JSON.stringify(pathToFileURL(built).href)});
      console.log(%HasFastProperties(m.defaultParams()), %HasFastProperties(m.resolveParams({ tokenism: 0.3 })));`;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true true');
  });
});

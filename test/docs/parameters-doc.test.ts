// docs/parameters.md is generated from the parameter and lever declarations; these tests keep the
// committed file in step with the code and check the declaration itself (units, sources, ranges, use).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderParametersDoc, PARAMETERS_DOC_PATH } from '../../scripts/gen-parameters-doc.js';
import { PARAMETERS } from '../../src/model/parameters.js';
import { LEVERS } from '../../src/model/levers.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** All .ts source text under src/model except the declaration file itself. */
function modelSourceText(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && name !== 'parameters.ts' && name !== 'parameter-spec.ts') out.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(ROOT, 'src/model'));
  return out.join('\n');
}

describe('docs/parameters.md', () => {
  it('is up to date with src/model/parameters.ts and src/model/levers.ts', () => {
    const committed = readFileSync(join(ROOT, PARAMETERS_DOC_PATH), 'utf8');
    const fresh = renderParametersDoc();
    expect(committed === fresh, 'docs/parameters.md is out of date: run npm run docs:parameters').toBe(true);
  });

  it('lists every parameter and every lever exactly once', () => {
    // The levers appear once in the lever table and once in the table of their costs and sources.
    const [main, costs] = renderParametersDoc().split('### Lever costs and their sources');
    expect(costs, 'the lever cost table').toBeDefined();
    for (const p of PARAMETERS) expect(main.split(`| \`${p.name}\` |`).length - 1, p.name).toBe(1);
    for (const l of LEVERS) expect(main.split(`| \`${l.name}\` |`).length - 1, l.name).toBe(1);
    for (const l of LEVERS) expect(costs.split(`| \`${l.name}\` |`).length - 1, `${l.name} (costs)`).toBe(1);
  });

  it('escapes a pipe in a cell so the table keeps its columns', () => {
    const text = renderParametersDoc(
      [{ name: 'x', default: 1, unit: 'a|b', min: 0, max: 2, basis: 'assumption', source: 's', description: 'd', process: 'culture' }],
      [],
    );
    const row = text.split('\n').find((l) => l.startsWith('| `x`'))!;
    expect(row).toContain('a\\|b');
  });
});

describe('the parameter declaration', () => {
  it('gives every parameter a non-empty unit, source and description', () => {
    for (const p of PARAMETERS) {
      expect(p.unit.trim(), `${p.name}.unit`).not.toBe('');
      expect(p.source.trim(), `${p.name}.source`).not.toBe('');
      expect(p.description.trim(), `${p.name}.description`).not.toBe('');
    }
  });

  it('gives every parameter a basis its source supports (data cites a §, study a dated study, assumption says so)', () => {
    for (const p of PARAMETERS) {
      if (p.basis === 'data') expect(p.source, p.name).toMatch(/§\d/);
      else if (p.basis === 'study') expect(p.source, p.name).toMatch(/\b(19|20)\d\d\b/);
      else expect(p.basis, p.name).toBe('assumption');
      if (p.basis === 'assumption') expect(p.source, p.name).toMatch(/assumption/);
    }
  });

  it('keeps every default within its range (min ≤ default ≤ max), integers whole', () => {
    for (const p of PARAMETERS) {
      expect(p.min, p.name).toBeLessThanOrEqual(p.default);
      expect(p.default, p.name).toBeLessThanOrEqual(p.max);
      if (p.integer) expect(Number.isInteger(p.default) && Number.isInteger(p.min) && Number.isInteger(p.max), p.name).toBe(true);
    }
  });

  it('reads every parameter somewhere in src/model (an unused parameter is a bug)', () => {
    const src = modelSourceText();
    const unused = PARAMETERS.map((p) => p.name).filter((n) => !new RegExp(`\\.${n}\\b`).test(src));
    expect(unused).toEqual([]);
  });

  it('gives every lever a unit, a non-negative cost and a zero baseline inside its range', () => {
    for (const l of LEVERS) {
      expect(l.unit.trim(), l.name).not.toBe('');
      expect(l.unitCost, l.name).toBeGreaterThanOrEqual(0);
      expect(l.min <= 0 && 0 <= l.max, l.name).toBe(true);
    }
  });
});

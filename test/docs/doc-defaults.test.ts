// Every default quoted in docs/ODD.md and docs/scenarios.md equals the declared one (issue 21): the
// documents quote defaults in the forms test/docs/doc-defaults.ts reads (`name` = N, `name`, N by
// default, tables with a "default" column), and a quote that disagrees names its file, line and both values.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../../src/model/parameters.js';
import { declaredDefaults, findQuotes, mismatches } from './doc-defaults.js';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const DOCS = ['docs/ODD.md', 'docs/scenarios.md'] as const;

describe('defaults quoted in the documents', () => {
  for (const file of DOCS) {
    it(`${file} quotes every default as the code declares it`, () => {
      expect(mismatches(findQuotes(file, read(file)))).toEqual([]);
    });
  }

  it('reads the quotes the documents make (the check is not vacuous)', () => {
    const odd = findQuotes('docs/ODD.md', read('docs/ODD.md'));
    const scen = findQuotes('docs/scenarios.md', read('docs/scenarios.md'));
    const names = (q: typeof odd) => new Set(q.map((x) => x.name));
    // ODD: the county fields in 2.6, 6 and 7 (issue 21, point 1: village_size_cv), the mix, some parameters.
    for (const n of ['villages', 'population', 'village_size_cv', 'segregation', 'mix.zhuang', 'mix.han', 'selection_standard', 'first_secretary_years'])
      expect(names(odd).has(n), `docs/ODD.md quotes ${n}`).toBe(true);
    expect(odd.filter((q) => q.name === 'village_size_cv').length).toBeGreaterThanOrEqual(3);
    // scenarios.md: every declared scenario, county and shock key in its tables.
    for (const keys of Object.values(declaredDefaults().tables))
      for (const n of keys.keys()) expect(names(scen).has(n), `docs/scenarios.md quotes ${n}`).toBe(true);
  });

  it('fails on a document that disagrees, naming the file, line, documented and declared values', () => {
    const file = 'test/fixtures/doc-defaults/disagrees.md';
    const quotes = findQuotes(file, read(file));
    const returnBase = PARAMETERS.find((p) => p.name === 'return_base')!.default;
    expect(mismatches(quotes)).toEqual([
      `${file}:6: \`village_size_cv\` is documented as 0.3, declared 0.5 (parameters.ts / defaultCounty())`,
      `${file}:7: \`return_base\` is documented as 0.9, declared ${returnBase} (parameters.ts / defaultCounty())`,
      `${file}:7: \`mix.zhuang\` is documented as 0.5, declared 0.72 (defaultCounty().mix)`,
      `${file}:8: \`outmigration_bse\` is quoted with a default (0.12) but is no declared parameter or county field`,
      `${file}:20: \`seed\` is documented as 7, declared 1 (the scenario defaults)`,
      `${file}:27: \`conflict\` is documented as 0.3 / 0.2, declared 0.3 / 0.1 (the shock defaults)`,
    ]);
    // The agreeing quotes were read too; formulas, uses and code blocks were not.
    const read_ = quotes.map((q) => `${q.line}:${q.name}`);
    expect(read_).toEqual(expect.arrayContaining(['3:selection_standard', '3:first_secretary_years', '4:villages', '7:mix.han', '19:years', '26:mobility']));
    expect(quotes.some((q) => q.name === 'tokenism' || q.name === 'business_attention_max' || q.line === 14)).toBe(false);
  });
});

// The defaults quoted in prose documents (docs/ODD.md, docs/scenarios.md), read back and compared with
// the declared ones (src/model/parameters.ts, defaultCounty(), SCENARIO_DEFAULTS, SHOCK_DEFAULTS).
//
// How a document quotes a default so that this check sees it (the convention, stated in docs/ODD.md):
//   prose:  `name` = N          `name` (default N)     `name`, default N
//           `name`, N by default                       `name` (N by default)
//           `mix`, default …: zhuang 0.72, yao 0.025, …   (up to the next ";" or ")")
//   tables: a Markdown table with a column headed "default…" whose first column is `key`; the table is
//           matched to the declared group (scenario keys, county keys, shock keys) it shares most keys
//           with, and a shock row may give "lockdown / economic" as "0 / 1".
// `name` is a declared parameter or a county field (snake_case or the CountyConfig spelling). A quote of
// a name that is not declared is an error too (a renamed parameter leaves its quotes behind).
import { PARAMETERS } from '../../src/model/parameters.js';
import { defaultCounty, ETHNICITIES } from '../../src/model/county-config.js';
import { SCENARIO_DEFAULTS, SHOCK_DEFAULTS } from '../../src/scenario/schema.js';
import { TIES } from '../../src/model/village.js';

/** A declared default: a number, a boolean, a string, or one number per shock kind. */
export type Declared = number | boolean | string | readonly number[];

/** What the documents are checked against. */
export interface DeclaredDefaults {
  /** Names that prose may quote: parameters, county fields and the few code constants the ODD quotes. */
  prose: ReadonlyMap<string, Declared>;
  /** Table groups: keys of one kind of mapping (scenario, county, shock) and their defaults. */
  tables: Readonly<Record<string, ReadonlyMap<string, Declared>>>;
  /** The county's default ethnic mix. */
  mix: Readonly<Record<string, number>>;
}

/** One default read from a document. */
export interface Quote {
  file: string;
  line: number;
  name: string;
  documented: Declared;
  /** Undefined when the name is not declared. */
  declared: Declared | undefined;
  /** Where the declared value comes from (for the message). */
  source: string;
}

/** The declared defaults of the code. */
export function declaredDefaults(): DeclaredDefaults {
  const county = defaultCounty();
  const prose = new Map<string, Declared>();
  for (const p of PARAMETERS) prose.set(p.name, p.default);
  const countyTable = new Map<string, Declared>([
    ['name', county.name],
    ['villages', county.villages],
    ['population', county.population],
    ['village_size_cv', county.villageSizeCv],
    ['segregation', county.segregation],
  ]);
  for (const [k, v] of countyTable) if (typeof v === 'number') prose.set(k, v);
  prose.set('villageSizeCv', county.villageSizeCv);
  prose.set('TIES', TIES); // a code constant the ODD quotes
  const scenario = new Map<string, Declared>([
    ['description', SCENARIO_DEFAULTS.description],
    ['years', SCENARIO_DEFAULTS.years],
    ['start_year', SCENARIO_DEFAULTS.startYear],
    ['seed', SCENARIO_DEFAULTS.seed],
    ['replicates', SCENARIO_DEFAULTS.replicates],
    ['crn', SCENARIO_DEFAULTS.crn],
  ]);
  const kinds = Object.keys(SHOCK_DEFAULTS) as (keyof typeof SHOCK_DEFAULTS)[];
  const shock = new Map<string, Declared>([
    ['mobility', kinds.map((k) => SHOCK_DEFAULTS[k].mobility)],
    ['conflict', kinds.map((k) => SHOCK_DEFAULTS[k].conflict)],
    ['migrant_wage', kinds.map((k) => SHOCK_DEFAULTS[k].migrantWage)],
  ]);
  return { prose, tables: { scenario, county: countyTable, shock }, mix: { ...county.mix } };
}

const NUM = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e-?\d+)?`;
const NAME = String.raw`([A-Za-z_][A-Za-z0-9_]*)`;
// A number that continues into a formula (`x` = 2 · y) is not a quoted default.
const NOT_FORMULA = String.raw`(?!\d|\.\d|\s*[·×*+\-−/^(])`;
const PROSE_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\`${NAME}\`\s*=\s*(${NUM})${NOT_FORMULA}`, 'g'),
  new RegExp(String.raw`\`${NAME}\`\s*(?:\(|,)\s*default\s+(${NUM})${NOT_FORMULA}`, 'g'),
  new RegExp(String.raw`\`${NAME}\`\s*(?:\(|,)\s*(${NUM})\s+by\s+default`, 'g'),
];
const MIX_QUOTE = /`mix`[^;)]*/g;
const MIX_PAIR = new RegExp(String.raw`\b(${ETHNICITIES.join('|')})\s+(${NUM})`, 'g');

const parseNumber = (s: string) => Number(s.replace(/,/g, ''));

/** The text with fenced code blocks blanked (same line count): examples are not quotes. */
function withoutCode(text: string): string {
  let inFence = false;
  return text
    .split('\n')
    .map((l) => {
      if (/^\s*```/.test(l)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : l;
    })
    .join('\n');
}

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Parses a table's default cell: `text`, "" , true/false, a number, or "a / b" numbers; undefined otherwise. */
function parseCell(cell: string): Declared | undefined {
  const c = cell.trim();
  const code = /^`([^`]*)`$/.exec(c);
  if (code) return code[1] === '""' ? '' : code[1];
  if (c === 'true' || c === 'false') return c === 'true';
  if (new RegExp(`^${NUM}$`).test(c)) return parseNumber(c);
  const pair = new RegExp(`^(${NUM})\\s*/\\s*(${NUM})$`).exec(c);
  if (pair) return [parseNumber(pair[1]), parseNumber(pair[2])];
  return undefined;
}

/** Splits a Markdown table row into cells (a `\|` inside a cell is not a separator). */
function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

/** Every default `file`'s text quotes, with the declared value it must equal. */
export function findQuotes(file: string, raw: string, declared: DeclaredDefaults = declaredDefaults()): Quote[] {
  const text = withoutCode(raw);
  const out: Quote[] = [];
  for (const re of PROSE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = m[1];
      out.push({ file, line: lineAt(text, m.index), name, documented: parseNumber(m[2]), declared: declared.prose.get(name), source: 'parameters.ts / defaultCounty()' });
    }
  }
  for (const m of text.matchAll(MIX_QUOTE)) {
    for (const p of m[0].matchAll(MIX_PAIR)) {
      out.push({ file, line: lineAt(text, m.index + p.index), name: `mix.${p[1]}`, documented: parseNumber(p[2]), declared: declared.mix[p[1]], source: 'defaultCounty().mix' });
    }
  }
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].trim().startsWith('|') || !/^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1])) continue;
    const col = cells(lines[i]).findIndex((h) => /^default/i.test(h));
    const rows: { line: number; key: string; cell: string }[] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].trim().startsWith('|'); j++) {
      const c = cells(lines[j]);
      const key = /^`([a-z_][a-z0-9_]*)`$/.exec(c[0] ?? '');
      if (key && col >= 0 && c[col] !== undefined) rows.push({ line: j + 1, key: key[1], cell: c[col] });
    }
    if (col >= 0) {
      let best = '';
      let bestHits = 1;
      for (const [group, keys] of Object.entries(declared.tables)) {
        const hits = rows.filter((r) => keys.has(r.key)).length;
        if (hits > bestHits) [best, bestHits] = [group, hits];
      }
      const keys = declared.tables[best];
      if (keys) {
        for (const r of rows) {
          const documented = parseCell(r.cell);
          if (!keys.has(r.key) || documented === undefined) continue;
          out.push({ file, line: r.line, name: r.key, documented, declared: keys.get(r.key), source: `the ${best} defaults` });
        }
      }
    }
    i = j - 1;
  }
  return out.sort((a, b) => a.line - b.line);
}

const same = (a: Declared, b: Declared | undefined): boolean =>
  Array.isArray(a) || Array.isArray(b)
    ? Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, k) => x === b[k])
    : a === b;

const show = (v: Declared | undefined) => (v === undefined ? 'nothing' : Array.isArray(v) ? v.join(' / ') : JSON.stringify(v));

/** One line per quote that disagrees with the code (or quotes an undeclared name). */
export function mismatches(quotes: readonly Quote[]): string[] {
  return quotes
    .filter((q) => !same(q.documented, q.declared))
    .map((q) =>
      q.declared === undefined
        ? `${q.file}:${q.line}: \`${q.name}\` is quoted with a default (${show(q.documented)}) but is no declared parameter or county field`
        : `${q.file}:${q.line}: \`${q.name}\` is documented as ${show(q.documented)}, declared ${show(q.declared)} (${q.source})`,
    );
}

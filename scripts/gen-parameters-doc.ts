/**
 * Generates docs/parameters.md from the parameter declaration (src/model/parameters.ts) and the lever
 * declaration (src/model/levers.ts), so the table is never written twice. Run `npm run docs:parameters`;
 * test/docs/parameters-doc.test.ts fails when the committed file is out of date.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PARAMETERS, type ParamSpec } from '../src/model/parameters.js';
import { LEVERS, PATHWAYS, type LeverSpec } from '../src/model/levers.js';

/** Process sections of the parameter table, in schedule order (the `process` field of a ParamSpec), county last. */
export const PROCESS_ORDER = [
  'reference',
  'demography',
  'livelihood',
  'migration',
  'culture',
  'cohesion',
  'aspiration',
  'pipeline',
  'branch',
  'succession',
  'member-exit',
  'county',
] as const;

const PROCESS_TITLES: Record<string, string> = {
  reference: 'Reference villager and shared definitions (several processes)',
  demography: 'Demography (process 1)',
  livelihood: 'Livelihood (process 2)',
  migration: 'Migration (process 3)',
  culture: 'Culture (process 4)',
  cohesion: 'Cohesion (process 5)',
  aspiration: 'Aspiration (process 6)',
  pipeline: 'Recruitment pipeline (process 7)',
  branch: 'Branch life (process 8)',
  succession: 'Succession (process 9)',
  'member-exit': 'Members leaving the active core (process 10)',
  county: 'County generator (initialisation)',
};

/** Escapes a table cell: pipes and line breaks would break the Markdown table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A number as written in the tables: plain decimal, no exponent, no trailing zeros. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const s = x.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

function paramRow(p: ParamSpec): string {
  const range = `${formatNumber(p.min)} – ${formatNumber(p.max)}${p.integer ? ' (integer)' : ''}`;
  return `| \`${p.name}\` | ${formatNumber(p.default)} | ${cell(p.unit)} | ${range} | ${p.basis} | ${cell(p.source)} | ${cell(p.description)} |`;
}

function leverRow(l: LeverSpec): string {
  return (
    `| \`${l.name}\` | ${cell(l.label.en)} | ${cell(l.label.zh)} | ${cell(l.unit)} | ${formatNumber(l.min)} – ${formatNumber(l.max)} | ${formatNumber(l.unitCost)} | ` +
    `${formatNumber(l.unitCostLow)} – ${formatNumber(l.unitCostHigh)} | ${l.costBasis} | ${l.pathway} | ${cell(l.section)} | ${cell(l.description)} |`
  );
}

function leverCostRow(l: LeverSpec): string {
  return `| \`${l.name}\` | ${formatNumber(l.unitCost)} | ${formatNumber(l.unitCostLow)} – ${formatNumber(l.unitCostHigh)} | ${l.costBasis} | ${l.costEvidence} | ${cell(l.costSource)} |`;
}

/** The full text of docs/parameters.md for the given declarations (defaults: the model's). */
export function renderParametersDoc(
  params: readonly ParamSpec[] = PARAMETERS,
  levers: readonly LeverSpec[] = LEVERS,
): string {
  const out: string[] = [];
  out.push('# Parameters and policy levers');
  out.push('');
  out.push('<!-- Generated from src/model/parameters.ts and src/model/levers.ts by `npm run docs:parameters`. Do not edit by hand. -->');
  out.push('');
  out.push(
    'Every model parameter is declared once in `src/model/parameters.ts` with its default, unit, plausible range and ' +
      'source; this file is generated from that declaration. "§n" refers to section n of ' +
      '`calibration-targets.md` (the real figures); "paper n.m" to a section of the seed paper; "assumption" marks a value ' +
      'chosen by the modellers. The basis column says what a default rests on: `data` (a figure of the data, not tuned), ' +
      '`study` (an estimate of a cited study) or `assumption` (chosen or tuned by the modellers: the free parameters ' +
      'of calibration). Ranges are used to validate scenarios and as the bounds of sensitivity and robustness ' +
      'draws. Parameters are set in a scenario under `parameters:`.',
  );
  out.push('');
  out.push(`${params.length} parameters, ${levers.length} levers.`);
  const known = new Set<string>(PROCESS_ORDER);
  const groups = [...PROCESS_ORDER, ...[...new Set(params.map((p) => p.process))].filter((g) => !known.has(g)).sort()];
  for (const g of groups) {
    const rows = params.filter((p) => p.process === g);
    if (rows.length === 0) continue;
    out.push('');
    out.push(`## ${PROCESS_TITLES[g] ?? g}`);
    out.push('');
    out.push('| name | default | unit | range | basis | source | description |');
    out.push('|---|---|---|---|---|---|---|');
    for (const p of rows) out.push(paramRow(p));
  }
  out.push('');
  out.push('## Policy levers (section 4 pathways)');
  out.push('');
  out.push(
    'Levers are 0 under current policy (the baseline). A scenario sets them over time under `policies:`. A lever ' +
      'costs, per village and year, by its cost basis: `village` value × unit cost; `applied-village` the unit cost ' +
      'in each village where it applied that year (e.g. a posted first secretary); `recipient` recipients × value × ' +
      'unit cost. A lever at 0 costs nothing, and a targeted policy (`where:`, docs/scenarios.md) costs only in the ' +
      'villages it applies to that year. Billing is in one place, src/model/processes/policy-cost.ts.',
  );
  out.push('');
  out.push('| pathway | label | 中文 | paper section | description |');
  out.push('|---|---|---|---|---|');
  for (const p of PATHWAYS) out.push(`| \`${p.name}\` | ${cell(p.label.en)} | ${cell(p.label.zh)} | ${p.section} | ${cell(p.description)} |`);
  out.push('');
  out.push('| lever | label | 中文 | unit | range | unit cost (yuan) | low – high (yuan) | cost basis | pathway | paper section | description |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const l of levers) out.push(leverRow(l));
  out.push('');
  out.push('### Lever costs and their sources');
  out.push('');
  out.push(
    'Each unit cost with the range `--costs low|high` uses and what it rests on: `face-value` (the lever is money, ' +
      'the range is administration), `document` (a published amount) or `assumption` (built up from cited standards ' +
      'where there are any). The same text is printed by `talentsim schema --levers`.',
  );
  out.push('');
  out.push('| lever | unit cost (yuan) | low – high | basis | evidence | source |');
  out.push('|---|---|---|---|---|---|');
  for (const l of levers) out.push(leverCostRow(l));
  out.push('');
  return out.join('\n');
}

/** Where the generated file lives, relative to the repository root. */
export const PARAMETERS_DOC_PATH = 'docs/parameters.md';

/** Writes docs/parameters.md under `root` (temp file, then rename). Returns the path written. */
export function writeParametersDoc(root: string): string {
  const path = resolve(root, PARAMETERS_DOC_PATH);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, renderParametersDoc());
  renameSync(tmp, path);
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const path = writeParametersDoc(root);
  console.log(`wrote ${path}`);
}

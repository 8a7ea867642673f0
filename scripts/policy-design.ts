/**
 * The full policy-design run on the default county, as one command: `npm run policy-design` runs
 * `talentsim dose-response`, `frontier` and `optimize` (each with --resume, so an interrupted run continues
 * where it stopped) into out/policy-design/, then rewrites the results section of docs/policy-design.md from
 * their outputs (between the `policy-design:results` markers) with the commit and settings they come from,
 * and copies the two charts to docs/. Options: `--preset full|quick` (default full; quick is a smaller run for
 * a busy machine), `--workers N`, `--out DIR`, `--no-run` (only rewrite the document from existing outputs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCsvLine } from '../src/experiment/csv.js';
import { LEVER_INDEX } from '../src/model/levers.js';
import { villageTypeLabel, type VillageType } from '../src/model/village-type.js';

/** Settings of the three commands per preset. */
export const PRESETS = {
  full: {
    dose: ['--points', '5', '--replicates', '12'],
    frontier: ['--budgets', '25000,50000,75000,100000', '--replicates', '12', '--search-replicates', '6', '--evaluations', '30'],
    optimize: ['--budget', '2700000', '--draws', '10', '--replicates', '2', '--final-draws', '10', '--final-replicates', '2'],
  },
  quick: {
    dose: ['--points', '5', '--replicates', '8'],
    frontier: ['--budgets', '25000,50000,75000,100000', '--replicates', '8', '--search-replicates', '4', '--evaluations', '12'],
    optimize: ['--budget', '2700000', '--draws', '6', '--replicates', '2', '--final-draws', '6', '--final-replicates', '2'],
  },
} as const;

/** The markers around the generated section of docs/policy-design.md. */
export const MARKERS = { start: '<!-- policy-design:results:start -->', end: '<!-- policy-design:results:end -->' } as const;

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const cols = parseCsvLine(head);
  return lines.map((l) => {
    const cells = parseCsvLine(l);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
  });
}

const num = (x: string | number) => Number(x);
/** A number for the document: thousands separated, or a few significant digits. */
function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  return String(Number(x.toPrecision(digits)));
}
/** A share as percentage points with one decimal. */
const pp = (x: number) => `${(100 * x).toFixed(1)}`;
const signed = (s: string) => (s.startsWith('-') ? `−${s.slice(1)}` : `+${s}`);
const interval = (lo: number, hi: number, f: (x: number) => string) => `[${f(lo)}, ${f(hi)}]`;

/** The results section (markdown) from the three output directories. */
export function renderResults(dirs: { dose: string; frontier: string; optimize: string }, facts: { commit: string; date: string; preset: string; command: string }): string {
  const out: string[] = [MARKERS.start, ''];
  out.push(
    `**Provisional figures** (the model will still change: mechanisms, issue 14; calibration, issue 15). Run of commit ` +
      `\`${facts.commit}\` on ${facts.date}, preset \`${facts.preset}\` (\`${facts.command}\`); regenerate with the same command.`,
  );
  // Dose-response.
  const dose = readCsv(join(dirs.dose, 'dose-response.csv'));
  const levers = [...new Set(dose.map((r) => r.lever))];
  out.push('', '### Dose-response of single levers', '', '![Dose-response](policy-dose-response.png)', '');
  out.push('Each lever at its maximum, everything else at baseline: measured spend (yuan per village per year) and the paired effect at the horizon with its 95% interval.', '');
  out.push('| lever | value | spend | branches renewed (pp) | full members | branches in warning (pp) |');
  out.push('|---|---|---|---|---|---|');
  for (const l of levers) {
    const rows = dose.filter((r) => r.lever === l);
    const top = Math.max(...rows.map((r) => num(r.value)));
    const at = (o: string) => rows.find((r) => num(r.value) === top && r.outcome === o);
    const cell = (o: string, share: boolean) => {
      const r = at(o);
      if (!r) return '';
      const f = share ? pp : (x: number) => fmt(x);
      return `${signed(f(num(r.effect)))} ${interval(num(r.ci_low), num(r.ci_high), f)}`;
    };
    out.push(`| ${LEVER_INDEX.get(l)?.label.en ?? l} | ${fmt(top)} | ${fmt(num(at('members_full')?.spend ?? NaN))} | ${cell('branches_renewed_share', true)} | ${cell('members_full', false)} | ${cell('branches_warning_share', true)} |`);
  }
  // Frontier.
  const fr = readCsv(join(dirs.frontier, 'frontier.csv'));
  const objective = fr[0]?.objective ?? '';
  const budgets = [...new Set(fr.map((r) => num(r.budget)))].sort((a, b) => a - b);
  const pathways = [...new Set(fr.map((r) => r.pathway))];
  out.push('', '### Budget frontier', '', '![Budget frontier](policy-frontier.png)', '');
  out.push(`${objective} at the horizon (%) of each pathway's best mix, re-evaluated on fresh replicates (95% interval); "sat." = every lever at its maximum, so the pathway cannot spend the budget; "off" = measured spend more than 2% from the budget.`, '');
  out.push(`| pathway | ${budgets.map((b) => fmt(b)).join(' | ')} |`);
  out.push(`|---|${budgets.map(() => '---').join('|')}|`);
  for (const p of pathways) {
    const cells = budgets.map((b) => {
      const r = fr.find((x) => x.pathway === p && num(x.budget) === b)!;
      const flag = r.saturated === 'true' ? ` sat. (${fmt(num(r.spend))})` : r.budget_met === 'false' ? ` off (${fmt(num(r.spend))})` : '';
      return `${pp(num(r.mean))} ${interval(num(r.ci_low), num(r.ci_high), pp)}${flag}`;
    });
    out.push(`| ${p} | ${cells.join(' | ')} |`);
  }
  const ranking = readCsv(join(dirs.frontier, 'ranking.csv'));
  out.push('', 'Best pathway at each budget and its paired difference to the runner-up (percentage points, 95% interval):', '');
  for (const b of budgets) {
    const r = ranking.filter((x) => num(x.budget) === b);
    const [first, second] = r;
    const diff = second ? `; first − second ${signed(pp(num(first.diff_next)))} ${interval(num(first.diff_next_ci_low), num(first.diff_next_ci_high), pp)}` : '';
    out.push(`- ${fmt(b)}: ${r.map((x) => x.pathway).join(' > ')}${diff}`);
  }
  const orders = budgets.map((b) => ranking.filter((x) => num(x.budget) === b).map((x) => x.pathway).join(' > '));
  const changes = budgets.slice(1).map((b, i) => (orders[i + 1] !== orders[i] ? `between ${fmt(budgets[i])} and ${fmt(b)}` : '')).filter(Boolean);
  out.push('', changes.length ? `The ranking of the point estimates changes ${changes.join(', ')}.` : 'The ranking of the point estimates is the same at every budget.');
  // Portfolio.
  const op = JSON.parse(readFileSync(join(dirs.optimize, 'optimize.json'), 'utf8')) as {
    budget: number; villages: number; spend: number; objective: string;
    allocation: { villageType: VillageType; option: string }[];
    objectiveEstimate: { mean: number; ci_low: number; ci_high: number };
    baseline: { mean: number; ci_low: number; ci_high: number };
    bestUniform: { pathway: string; objective: { mean: number; ci_low: number; ci_high: number }; spend: number };
    combinedUniform: { objective: { mean: number; ci_low: number; ci_high: number }; spend: number };
    spendUnderDraws: { mean: number };
    comparisons: { against: string; gain: { mean: number; ci_low: number; ci_high: number }; drawsWon: number; gainP10: number }[];
  };
  const est = (e: { mean: number; ci_low: number; ci_high: number }) => `${pp(e.mean)} ${interval(e.ci_low, e.ci_high, pp)}`;
  const gain = (e: { mean: number; ci_low: number; ci_high: number }) => `${signed(pp(e.mean))} ${interval(e.ci_low, e.ci_high, pp)}`;
  out.push('', '### Robust county portfolio', '');
  out.push(`A county budget of ${fmt(op.budget)} yuan per year (${fmt(op.budget / op.villages)} per village on average over ${op.villages} villages); the portfolio scenario's measured spend at the default parameters is ${fmt(op.spend)} (${fmt(op.spendUnderDraws.mean)} on average over the parameter draws).`, '');
  out.push('| village type | library option |', '|---|---|');
  for (const a of op.allocation) out.push(`| ${a.villageType} (${villageTypeLabel(a.villageType)}) | ${a.option || 'nothing'} |`);
  out.push('', `${op.objective} at the horizon (%) on fresh parameter draws and replicates (95% interval):`, '');
  out.push('| policy at the same budget | objective | measured spend (yuan/year, over the draws) |', '|---|---|---|');
  out.push(`| portfolio | ${est(op.objectiveEstimate)} | ${fmt(op.spendUnderDraws.mean)} |`);
  out.push(`| best uniform pathway (${op.bestUniform.pathway}) | ${est(op.bestUniform.objective)} | ${fmt(op.bestUniform.spend)} |`);
  out.push(`| uniform combined mix | ${est(op.combinedUniform.objective)} | ${fmt(op.combinedUniform.spend)} |`);
  out.push(`| baseline | ${est(op.baseline)} | 0 |`);
  out.push('', '| portfolio minus | paired gain (pp) | draws at least as good | 10th percentile of the per-draw gain (pp) |', '|---|---|---|---|');
  for (const c of op.comparisons) out.push(`| ${c.against} | ${gain(c.gain)} | ${Math.round(100 * c.drawsWon)}% | ${signed(pp(c.gainP10))} |`);
  out.push('', MARKERS.end);
  return out.join('\n');
}

/** Replaces the section between the markers of `doc` (which must have them). */
export function replaceResults(doc: string, section: string): string {
  const a = doc.indexOf(MARKERS.start);
  const b = doc.indexOf(MARKERS.end);
  if (a < 0 || b < a) throw new Error(`docs/policy-design.md lacks the markers ${MARKERS.start} … ${MARKERS.end}`);
  return doc.slice(0, a) + section + doc.slice(b + MARKERS.end.length);
}

function main(argv: string[]): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const opt = (name: string, dflt: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : dflt;
  };
  const preset = opt('preset', 'full') as keyof typeof PRESETS;
  if (!(preset in PRESETS)) throw new Error(`--preset: expected ${Object.keys(PRESETS).join(' or ')}, found ${preset}`);
  const out = resolve(root, opt('out', 'out/policy-design'));
  const workers = opt('workers', '');
  const dirs = { dose: join(out, 'dose-response'), frontier: join(out, 'frontier'), optimize: join(out, 'optimize') };
  const p = PRESETS[preset];
  const common = ['--resume', '--quiet', ...(workers ? ['--workers', workers] : [])];
  const steps = [
    ['dose-response', 'all', ...p.dose, '--out', dirs.dose, ...common],
    ['frontier', ...p.frontier, '--out', dirs.frontier, ...common],
    ['optimize', ...p.optimize, '--frontier', dirs.frontier, '--out', dirs.optimize, ...common],
  ];
  if (!argv.includes('--no-run')) {
    for (const args of steps) {
      process.stderr.write(`talentsim ${args.join(' ')}\n`);
      const r = spawnSync(process.execPath, [join(root, 'bin', 'talentsim.js'), ...args], { stdio: 'inherit', cwd: root });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
  }
  const git = (...a: string[]) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'scenarios').length > 0;
  const facts = {
    commit: git('rev-parse', '--short', 'HEAD') + (dirty ? ' with uncommitted changes' : ''),
    date: new Date().toISOString().slice(0, 10),
    preset,
    command: `npm run policy-design${preset === 'full' ? '' : ` -- --preset ${preset}`}`,
  };
  const docPath = join(root, 'docs', 'policy-design.md');
  const doc = replaceResults(readFileSync(docPath, 'utf8'), renderResults(dirs, facts));
  writeFileSync(`${docPath}.tmp`, doc);
  renameSync(`${docPath}.tmp`, docPath);
  copyFileSync(join(dirs.frontier, 'charts', 'frontier.png'), join(root, 'docs', 'policy-frontier.png'));
  copyFileSync(join(dirs.dose, 'charts', 'dose-response.png'), join(root, 'docs', 'policy-dose-response.png'));
  process.stderr.write(`wrote ${docPath}, docs/policy-frontier.png, docs/policy-dose-response.png\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));

// Where do two scenarios of one replicate part ways? Runs one replicate of the baseline and of a policy
// scenario on the small county of bench/crn-efficiency.mjs, snapshots every villager's state (by identity
// key) after every process of every year, and reports, for the villagers whose state differs, the first
// (year, process) at which it differs and in which fields — the instrument for finding a decision that
// still desynchronises the pair. Also checks that every keyed draw both runs take has the same number.
//
//   node bench/crn-trace.mjs [--replicate 0] [--policy organizational-fortification] [--years 30] [--metric-year 2030]
//
// Needs a current build (`npm run build`).
import { compileScenario, Draws, loadScenario, run, talentModel, PROCESSES } from '../dist/index.js';
import { argOption } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => argOption(args, name, fallback);
const replicate = Number(opt('replicate', 0));
const policy = opt('policy', 'organizational-fortification');
const years = Number(opt('years', 30));
const county = { villages: 5, population: 4000, villageSizeCv: 0.3 };
const FIELDS = ['status', 'away', 'role', 'disabled', 'extended', 'stageYears', 'occupation', 'education', 'household'];
const CONT = ['competenceParty', 'competenceEconomic', 'standing', 'identity', 'aspiration', 'pressure'];

/** Runs one scenario; calls `see(year, process, village)` after every process of every village and `drawLog(key, u)` for every keyed draw. */
function traced(name, see, drawLog) {
  const s0 = loadScenario(name);
  const s = { ...s0, years, county: { ...s0.county, ...county } };
  const processes = PROCESSES.map((p) => ({
    name: p.name,
    run(c, ctx) {
      const draws = (g) => {
        const d = ctx.draws(g);
        const w = Object.create(d); // chance, normal, group and at call this.u: the logging one
        w.u = (agent, decision) => {
          const u = Draws.prototype.u.call(d, agent, decision);
          drawLog(`${c.year}|${p.name}|${g}|${agent}|${decision}`, u);
          return u;
        };
        return w;
      };
      p.run(c, { ...ctx, draws });
      for (const v of c.villages) see(c.year, p.name, v);
    },
  }));
  return run(talentModel(compileScenario(s), { processes }), { startYear: s.startYear, years, seed: s.seed, replicate, scenario: name });
}

/** The traced state of a villager as a record of fields. */
function stateOf(v, i) {
  const P = v.people.cols;
  const o = {};
  for (const f of FIELDS) o[f] = P[f][i];
  for (const f of CONT) o[f] = P[f][i];
  return o;
}

// 1. Baseline: keep every snapshot (per year, process and village).
const snaps = new Map(); // `${year}|${process}|${village}` → Map(key → state)
const baseDraws = new Map();
traced('baseline', (year, proc, v) => {
  const m = new Map();
  v.people.forEach((i) => m.set(v.people.keys[i], stateOf(v, i)));
  snaps.set(`${year}|${proc}|${v.index}`, m);
}, (k, u) => baseDraws.set(k, u));

// 2. Policy: compare with the baseline's snapshot at the same point; first divergence per villager.
const first = new Map(); // key → { year, process, fields }
const firstDiscrete = new Map(); // key → { year, process, fields } of the first difference in a discrete field
let drawsBoth = 0;
let drawsDiffer = 0;
traced(policy, (year, proc, v) => {
  const m = snaps.get(`${year}|${proc}|${v.index}`);
  const seen = new Set();
  v.people.forEach((i) => {
    const key = v.people.keys[i];
    seen.add(key);
    if (firstDiscrete.has(key)) return;
    const b = m.get(key);
    if (!b) {
      const only = { year, process: proc, fields: ['only in the policy run'] };
      if (!first.has(key)) first.set(key, only);
      firstDiscrete.set(key, only);
      return;
    }
    const a = stateOf(v, i);
    const diff = [...FIELDS, ...CONT].filter((f) => a[f] !== b[f]);
    if (diff.length && !first.has(key)) first.set(key, { year, process: proc, fields: diff });
    const discrete = FIELDS.filter((f) => a[f] !== b[f]);
    if (discrete.length) firstDiscrete.set(key, { year, process: proc, fields: discrete, was: discrete.map((f) => b[f]).join(','), now: discrete.map((f) => a[f]).join(',') });
  });
  for (const key of m.keys()) {
    if (seen.has(key) || firstDiscrete.has(key)) continue;
    const only = { year, process: proc, fields: ['only in the baseline run'] };
    if (!first.has(key)) first.set(key, only);
    firstDiscrete.set(key, only);
  }
}, (k, u) => {
  if (baseDraws.has(k)) {
    drawsBoth++;
    if (baseDraws.get(k) !== u) drawsDiffer++;
  }
});

// 3. Report.
console.log(`replicate ${replicate}, ${policy} vs baseline, ${years} years: ${first.size} villagers' states differ at some point`);
console.log(`keyed draws taken by both runs: ${drawsBoth}, of which with a different number: ${drawsDiffer}`);
const byPoint = new Map();
for (const f of first.values()) {
  const k = `${f.process} [${f.fields.filter((x) => !CONT.includes(x)).join(',') || 'continuous: ' + f.fields.join(',')}]`;
  byPoint.set(k, (byPoint.get(k) ?? 0) + 1);
}
console.log('first divergence by process [fields], villagers:');
for (const [k, n] of [...byPoint].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${String(n).padStart(5)}  ${k}`);
const byDiscrete = new Map();
for (const f of firstDiscrete.values()) {
  const k = `${f.process} [${f.fields.join(',')}]${f.was !== undefined ? ` ${f.was} → ${f.now}` : ''}`;
  byDiscrete.set(k, (byDiscrete.get(k) ?? 0) + 1);
}
console.log(`first difference in a discrete field (${FIELDS.join(', ')}) by process [fields] baseline → policy, villagers (${firstDiscrete.size} in all):`);
for (const [k, n] of [...byDiscrete].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${String(n).padStart(5)}  ${k}`);
const byYear = new Map();
for (const f of first.values()) byYear.set(f.year, (byYear.get(f.year) ?? 0) + 1);
console.log('first divergence by year:', [...byYear].sort((a, b) => a[0] - b[0]).map(([y, n]) => `${y}:${n}`).join(' '));

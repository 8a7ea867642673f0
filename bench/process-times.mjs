// Per-process timing of the default county (profiling aid).
import { run } from '../dist/core/run.js';
import { talentModel, PROCESSES } from '../dist/model/model.js';
import { defaultInputs } from '../dist/model/default-inputs.js';
const years = Number(process.argv[2] ?? 30);
const times = new Map();
const procs = PROCESSES.map((p) => ({ name: p.name, run(m, ctx) { const t = process.cpuUsage(); p.run(m, ctx); times.set(p.name, (times.get(p.name) ?? 0) + process.cpuUsage(t).user / 1000); } }));
for (let r = 0; r < 5; r++) {
  times.clear();
  let t0 = performance.now();
  run(talentModel(defaultInputs()), { startYear: 2025, years: 0, seed: 1 });
  const tc = performance.now() - t0;
  t0 = performance.now();
  const res = run(talentModel(defaultInputs(), { processes: procs }), { startYear: 2025, years, seed: 1 });
  const tt = performance.now() - t0;
  let sum = 0; for (const v of times.values()) sum += v;
  console.log(`create ${tc.toFixed(0)} ms; total ${tt.toFixed(0)} ms; processes ${sum.toFixed(0)} ms; draws ${res.draws}`);
  console.log([...times].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
}

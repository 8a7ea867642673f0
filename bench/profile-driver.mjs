// Small profiling driver: default-county runs on compiled dist code (wall and CPU time of the steps).
import { run } from '../dist/core/run.js';
import { talentModel } from '../dist/model/model.js';
import { defaultInputs } from '../dist/model/default-inputs.js';
const years = Number(process.argv[2] ?? 30);
const reps = Number(process.argv[3] ?? 3);
for (let r = 0; r < reps; r++) {
  let t0 = 0;
  let c0;
  const res = run(talentModel(defaultInputs()), { startYear: 2025, years, seed: 1 + r, onYear: (_state, _y, t) => { if (t === 0) { t0 = performance.now(); c0 = process.cpuUsage(); } } });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0).user / 1000;
  const agents = res.state.villages.reduce((s, v) => s + v.people.count, 0);
  console.log(`run ${r}: steps ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms cpu, draws ${res.draws}, agents end ${agents}`);
}

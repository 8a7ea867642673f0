// Small profiling driver: one default-county run on compiled dist code.
import { run } from '../dist/core/run.js';
import { talentModel } from '../dist/model/model.js';
import { defaultInputs } from '../dist/model/default-inputs.js';
const years = Number(process.argv[2] ?? 30);
const reps = Number(process.argv[3] ?? 3);
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  const res = run(talentModel(defaultInputs()), { years, seed: 1 });
  const t1 = performance.now();
  const agents = res.state.villages.reduce((s, v) => s + v.people.count, 0);
  console.log(`run ${r}: ${(t1 - t0).toFixed(0)} ms, draws ${res.draws}, agents end ${agents}`);
}

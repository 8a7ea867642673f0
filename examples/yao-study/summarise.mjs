/**
 * Reads the output folder of the Yao20 study (see README.md) back with the report layer
 * (`talentsim/report`: tidy rows and metric metadata, never model state) and prints, for each main
 * outcome at the horizon, the policy's paired effect against the study's own baseline with its 95%
 * interval — the sentence a reader of the study wants. Run: `node examples/yao-study/summarise.mjs DIR`.
 */
import { readOutputs } from 'talentsim/report';

const dir = process.argv[2] ?? 'out/yao-study';
const out = await readOutputs(dir);
const baseline = out.manifest.baseline;
const horizon = Math.max(...out.comparison.map((r) => r.year));
const meta = new Map((out.metrics ?? []).map((m) => [m.name, m]));
const main = (out.metrics ?? []).filter((m) => m.main !== undefined).sort((a, b) => a.main - b.main);
console.log(`effects against ${baseline} in ${horizon} (paired difference, 95% CI):`);
for (const r of out.comparison) {
  if (r.year !== horizon || r.scenario === baseline || !main.some((m) => m.name === r.metric)) continue;
  const m = meta.get(r.metric);
  const k = m.format === 'share' ? 100 : 1;
  const unit = m.format === 'share' ? 'percentage points' : m.unit;
  const f = (x) => (k * x).toFixed(m.format === 'share' ? 1 : 0);
  console.log(`  ${r.scenario}  ${m.label.en}: ${f(r.diff)} ${unit} [${f(r.diff_ci_low)}, ${f(r.diff_ci_high)}]`);
}

/**
 * The golden run: a small fixed scenario (4 villages × 300 villagers, 10 years, seed 7, defaults)
 * summarised as every metric at years 0, 5 and 10. Its committed copy (golden-run.json) pins the
 * model's exact output; `npm run golden:update` rewrites it when a change is deliberate.
 */
import { run } from '../../src/core/run.js';
import { defaultInputs } from '../../src/model/default-inputs.js';
import { talentModel } from '../../src/model/model.js';

/** Where the committed summary lives. */
export const GOLDEN_FILE = new URL('./golden-run.json', import.meta.url);

/** The scenario of the golden run. */
export const GOLDEN_SCENARIO = { villages: 4, population: 1200, years: 10, seed: 7, keepYears: [0, 5, 10] } as const;

/** The golden summary: `{ scenario, values: { year: { metric: value } } }`, metrics in declaration order. */
export interface GoldenSummary {
  scenario: typeof GOLDEN_SCENARIO;
  values: Record<string, Record<string, number>>;
}

/** Runs the golden scenario and summarises it. */
export function goldenSummary(): GoldenSummary {
  const s = GOLDEN_SCENARIO;
  const inputs = defaultInputs({ county: { villages: s.villages, population: s.population } });
  const { rows } = run(talentModel(inputs), { startYear: 2025, years: s.years, seed: s.seed });
  const start = rows[0].year;
  const values: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    if (!(s.keepYears as readonly number[]).includes(r.year - start)) continue;
    (values[String(r.year)] ??= {})[r.metric] = r.value;
  }
  return { scenario: s, values };
}

/** The summary as the committed text (2-space JSON, one metric per line, trailing newline). */
export function goldenText(summary: GoldenSummary): string {
  return JSON.stringify(summary, null, 2) + '\n';
}

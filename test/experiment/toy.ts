/** Shared helpers for experiment tests: toy scenarios, the toy model module, temp dirs and file bytes. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../../src/scenario/types.js';
import { defaultCounty } from '../../src/model/county-config.js';

/** The toy model module (plain JS, loadable by worker threads). */
export const TOY_MODEL = { module: fileURLToPath(new URL('../fixtures/toy-model.mjs', import.meta.url)) };

/** A small resolved scenario for the toy model. */
export function toyScenario(name: string, over: Partial<Scenario> = {}): Scenario {
  return {
    name,
    description: `toy scenario ${name}`,
    source: '<test>',
    years: 4,
    startYear: 2025,
    seed: 7,
    replicates: 6,
    crn: true,
    county: { ...defaultCounty(), villages: 4 },
    parameters: {},
    policies: [],
    shocks: [],
    ...over,
  };
}

/** Three toy scenarios: a baseline, one with an effect, and one identical to the baseline. */
export function toyScenarios(): Scenario[] {
  return [toyScenario('baseline'), toyScenario('boost', { parameters: { toy_effect: 0.25 } }), toyScenario('same-as-baseline')];
}

/** A fresh temp directory. */
export function tempDir(prefix = 'talentsim-exp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The bytes of the three deterministic outputs of a directory. */
export function outputs(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ['series.csv', 'comparison.csv', 'summary.json']) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
}

/**
 * The golden run: the committed summary of a small fixed scenario must be reproduced exactly. A
 * difference means the model's output changed; if that is deliberate, run `npm run golden:update` and
 * commit the new test/golden/golden-run.json with the change, so the difference shows up in review.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FILE, goldenSummary, goldenText, type GoldenSummary } from '../golden/golden-run.js';

describe('golden run', () => {
  it('reproduces the committed summary exactly (npm run golden:update if a change is deliberate)', () => {
    const committed = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as GoldenSummary;
    const now = goldenSummary();
    expect(now.scenario).toEqual(committed.scenario);
    const changed: string[] = [];
    for (const [year, metrics] of Object.entries(committed.values)) {
      for (const [metric, value] of Object.entries(metrics)) {
        if (!Object.is(now.values[year]?.[metric], value)) changed.push(`${metric}@${year}: committed ${value}, now ${now.values[year]?.[metric]}`);
      }
    }
    expect(changed, 'model output changed; run `npm run golden:update` if deliberate').toEqual([]);
    // Same metrics and years, and the file is byte-identical to what the update script would write.
    expect(goldenText(now)).toBe(readFileSync(GOLDEN_FILE, 'utf8'));
  });
});

// Stream independence in the talent model itself: an extra process that draws leaves every row of the
// model unchanged; the same seed gives identical rows and a different seed different rows.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/core/run.js';
import type { Process } from '../../src/core/schedule.js';
import type { County } from '../../src/model/county.js';
import { defaultInputs } from '../../src/model/default-inputs.js';
import { talentModel, PROCESSES } from '../../src/model/model.js';

const inputs = defaultInputs({ county: { villages: 2, population: 2400 } });

/** A process that only draws (a stand-in for an observer or a new mechanism that touches nothing else). */
const noisy: Process<County> = {
  name: 'noisy-observer',
  run(county, ctx) {
    for (const v of county.villages) {
      const s = ctx.stream(v.index);
      for (let k = 0; k < 100; k++) s.next();
    }
  },
};

describe('talent model streams', () => {
  it('gives identical rows for the same seed and different rows for different seeds', () => {
    const a = run(talentModel(inputs), { startYear: 2025, years: 5, seed: 3 });
    const b = run(talentModel(inputs), { startYear: 2025, years: 5, seed: 3 });
    const c = run(talentModel(inputs), { startYear: 2025, years: 5, seed: 4 });
    expect(a.rows).toEqual(b.rows);
    expect(c.rows.map((r) => r.value)).not.toEqual(a.rows.map((r) => r.value));
  });

  it('leaves every row unchanged when a process that draws is inserted in the schedule', () => {
    const base = run(talentModel(inputs), { startYear: 2025, years: 5, seed: 3 });
    const extra = run(talentModel(inputs, { processes: [...PROCESSES.slice(0, 3), noisy, ...PROCESSES.slice(3)] }), { startYear: 2025, years: 5, seed: 3 });
    expect(extra.rows).toEqual(base.rows);
    expect(extra.draws).toBe(base.draws + 5 * 2 * 100);
  });
});

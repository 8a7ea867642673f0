// summarize's mean and SD were mathjs's `mean` and `std(x, 'unbiased')`; they are now plain loops (so the
// statistics do not load mathjs). The same operations in the same order: equal bit for bit.
import fc from 'fast-check';
import { mean, std } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/experiment/statistics.js';

describe('summarize matches mathjs bit for bit', () => {
  it('mean and unbiased SD of finite, not-all-equal samples', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }), (x) => {
        fc.pre(x.some((v) => v !== x[0]));
        const s = summarize(x);
        expect(s.mean).toBe(mean(x) as number);
        expect(s.sd).toBe(std(x, 'unbiased') as unknown as number);
      }),
      { numRuns: 500 },
    );
  });

  it('typical ensemble values (shares and counts)', () => {
    const x = [0.1, 0.2, 0.30000000000000004, 0.7, 0.15, 0.9, 1 / 3];
    expect(summarize(x).mean).toBe(mean(x) as number);
    expect(summarize(x).sd).toBe(std(x, 'unbiased') as unknown as number);
  });
});

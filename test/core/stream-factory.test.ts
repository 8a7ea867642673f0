// StreamFactory: keyed derivation of stream states (integer hash lanes seeded once per prefix by
// seedrandom), and Stream's own Alea recurrence matching seedrandom's. Runs in well under a second.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Stream, StreamFactory } from '../../src/core/random.js';

const first = (s: Stream, n = 4) => Array.from({ length: n }, () => s.next());

describe('StreamFactory', () => {
  it('gives equal streams for equal keys and prefixes', () => {
    const a = new StreamFactory([1, '', 0]);
    const b = new StreamFactory([1, '', 0]);
    expect(first(a.stream(3, 'migration', 2030))).toEqual(first(b.stream(3, 'migration', 2030)));
  });

  it('gives different streams when any key part or the prefix differs, and does not confuse part boundaries or types', () => {
    const f = new StreamFactory([1, '', 0]);
    const base = first(f.stream(3, 'migration', 2030));
    expect(first(f.stream(4, 'migration', 2030))).not.toEqual(base);
    expect(first(f.stream(3, 'pipeline', 2030))).not.toEqual(base);
    expect(first(f.stream(3, 'migration', 2031))).not.toEqual(base);
    expect(first(new StreamFactory([2, '', 0]).stream(3, 'migration', 2030))).not.toEqual(base);
    expect(first(new StreamFactory([1, 'x', 0]).stream(3, 'migration', 2030))).not.toEqual(base);
    expect(first(new StreamFactory([1, '', 1]).stream(3, 'migration', 2030))).not.toEqual(base);
    expect(first(f.stream('a1', 2))).not.toEqual(first(f.stream('a', 12)));
    expect(first(f.stream(1))).not.toEqual(first(f.stream('1')));
    expect(first(f.stream(1, 2))).not.toEqual(first(f.stream(1, 2, 0)));
  });

  it('draws uniformly across neighbouring villages (first draws of 20,000 streams: decile shares within 0.01)', () => {
    // Binomial sd of a decile share with n = 20,000 is 0.0021; 0.01 is ~5 sd.
    const f = new StreamFactory([7, '', 0]);
    const deciles = new Array(10).fill(0);
    for (let g = 0; g < 20000; g++) deciles[Math.floor(f.stream(g, 'demography', 2026).next() * 10)]++;
    for (const d of deciles) expect(Math.abs(d / 20000 - 0.1)).toBeLessThan(0.01);
  });

  it('counts the draws of every stream and keyed draws it made', () => {
    const f = new StreamFactory([1]);
    first(f.stream(0), 3);
    first(f.stream(1), 5);
    const d = f.draws(2);
    d.u(1, 0);
    d.u(1, 1);
    expect(f.drawCount).toBe(10);
  });
});

describe('Stream', () => {
  it('draws exactly what seedrandom.alea draws for the same key', () => {
    const ours = new Stream('some key');
    const theirs = seedrandom.alea('some key');
    for (let k = 0; k < 1000; k++) expect(ours.next()).toBe(theirs());
  });
});

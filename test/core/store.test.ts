// The agent store: random add/remove sequences keep the count, the alive flags and every living
// agent's attributes consistent with a plain reference model.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AgentStore, defineColumns } from '../../src/core/store.js';

const SCHEMA = defineColumns({ a: 'u8', b: 'i32', c: 'f64' });

type Op = { kind: 'add'; a: number; b: number; c: number } | { kind: 'remove'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), a: fc.integer({ min: 0, max: 255 }), b: fc.integer({ min: -1e6, max: 1e6 }), c: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

describe('AgentStore', () => {
  it('keeps count and attributes consistent under random add/remove sequences', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (ops, cap) => {
        const store = new AgentStore(SCHEMA, cap);
        const ref = new Map<number, { a: number; b: number; c: number }>();
        for (const op of ops) {
          if (op.kind === 'add') {
            const i = store.add({ a: op.a, b: op.b, c: op.c });
            expect(ref.has(i)).toBe(false); // a living agent's slot is never handed out again
            ref.set(i, { a: op.a, b: op.b, c: op.c });
          } else if (ref.size > 0) {
            const slots = [...ref.keys()];
            const i = slots[op.pick % slots.length];
            store.remove(i);
            ref.delete(i);
          }
        }
        expect(store.count).toBe(ref.size);
        let alive = 0;
        store.forEach((i) => {
          alive++;
          const r = ref.get(i)!;
          expect(r).toBeDefined();
          expect(store.view(i)).toEqual({ id: i, ...r });
        });
        expect(alive).toBe(ref.size);
        for (let i = 0; i < store.highWater; i++) expect(store.has(i)).toBe(ref.has(i));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('zeroes the attributes of a reused slot except those given', () => {
    const store = new AgentStore(SCHEMA, 2);
    const i = store.add({ a: 7, b: 8, c: 9 });
    store.remove(i);
    const j = store.add({ a: 1 });
    expect(j).toBe(i);
    expect(store.view(j)).toEqual({ id: j, a: 1, b: 0, c: 0 });
  });

  it('ignores removing an empty slot and refuses to view one', () => {
    const store = new AgentStore(SCHEMA, 2);
    store.add();
    store.remove(5);
    store.remove(0);
    store.remove(0);
    expect(store.count).toBe(0);
    expect(() => store.view(0)).toThrow(RangeError);
  });
});

// The agent store: random add/remove sequences keep the count, the alive flags, every living agent's
// attributes and identity key consistent with a plain reference model; a (slot, generation) reference goes
// stale when its agent is removed, also after the slot is reused; derived identity keys are stable and apart.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AgentStore, defineColumns, deriveKey } from '../../src/core/store.js';

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
        const ref = new Map<number, { a: number; b: number; c: number; key: number }>();
        const refs: { slot: number; gen: number; live: boolean }[] = [];
        let added = 0;
        for (const op of ops) {
          if (op.kind === 'add') {
            const i = store.add({ a: op.a, b: op.b, c: op.c });
            expect(ref.has(i)).toBe(false); // a living agent's slot is never handed out again
            ref.set(i, { a: op.a, b: op.b, c: op.c, key: added++ }); // numbered keys: order of addition
            refs.push({ slot: i, gen: store.generation[i], live: true });
          } else if (ref.size > 0) {
            const slots = [...ref.keys()];
            const i = slots[op.pick % slots.length];
            store.remove(i);
            ref.delete(i);
            for (const r of refs) if (r.slot === i) r.live = false;
          }
        }
        // A (slot, generation) reference holds exactly while its agent lives, whatever reused the slot.
        for (const r of refs) expect(store.isCurrent(r.slot, r.gen)).toBe(r.live);
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
    expect(store.view(j)).toEqual({ id: j, key: 1, a: 1, b: 0, c: 0 });
  });

  it('keeps the identity key it is given and bumps the generation of a vacated slot', () => {
    const store = new AgentStore(SCHEMA, 1);
    const i = store.add({ a: 1 }, 2 ** 40 + 5);
    expect(store.keys[i]).toBe(2 ** 40 + 5);
    expect(store.generation[i]).toBe(0);
    store.remove(i);
    expect(store.generation[i]).toBe(1);
    const j = store.add({}, 77);
    expect(j).toBe(i);
    expect(store.isCurrent(j, 0)).toBe(false);
    expect(store.isCurrent(j, 1)).toBe(true);
    for (let k = 0; k < 10; k++) store.add({}, 100 + k); // growth keeps keys and generations
    expect(store.keys[j]).toBe(77);
    expect(store.generation[j]).toBe(1);
    expect(store.view(j).key).toBe(77);
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

describe('deriveKey', () => {
  it('is a pure function of (parent, n), in [2^52, 2^53), distinct over 200,000 children of 20,000 parents', () => {
    expect(deriveKey(2 ** 32 + 7, 2031)).toBe(deriveKey(2 ** 32 + 7, 2031));
    const seen = new Set<number>();
    for (let parent = 0; parent < 20000; parent++) {
      for (let year = 2026; year < 2036; year++) {
        const k = deriveKey(2 ** 32 * 3 + parent, year);
        expect(Number.isSafeInteger(k) && k >= 2 ** 52 && k < 2 ** 53).toBe(true);
        seen.add(k);
      }
    }
    // 2·10⁵ keys in a 2⁵² space: a collision has probability ≈ 4·10⁻⁶.
    expect(seen.size).toBe(200000);
    // Grandchildren (keys of derived keys) stay in range and apart from their parents.
    const child = deriveKey(5, 2030);
    expect(deriveKey(child, 2050)).not.toBe(child);
    expect(deriveKey(child, 2050)).toBeGreaterThanOrEqual(2 ** 52);
  });
});

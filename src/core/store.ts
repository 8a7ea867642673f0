/**
 * Agent store on typed arrays: one column per attribute, declared once with its type. Agents are
 * added (births, arrivals) and removed (deaths) through a free list, so slot numbers of living agents
 * never move; iteration is a plain loop over `0..capacity` testing `alive`. `view(i)` gives a
 * read-only record for users and tests; hot loops read the columns directly.
 *
 * Identity: a slot is reused after a death, so a slot number does not name an agent across time. Every
 * agent carries an identity key (`keys[i]`, an integer below 2⁵³ that the caller derives and never reuses,
 * see {@link deriveKey}), the key of its keyed random draws; and every slot a generation (`generation[i]`,
 * incremented when the slot is vacated), so a reference held as (slot, generation) is known to be stale
 * once its agent is gone ({@link AgentStore.isCurrent}).
 */
import { lowbias32, triple32 } from './random.js';

/** Column element types. */
export type ColumnType = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'f64';

/** A schema: attribute name → column type. */
export type ColumnSchema = Record<string, ColumnType>;

type ArrayOf<T extends ColumnType> = T extends 'u8'
  ? Uint8Array
  : T extends 'i8'
    ? Int8Array
    : T extends 'u16'
      ? Uint16Array
      : T extends 'i16'
        ? Int16Array
        : T extends 'u32'
          ? Uint32Array
          : T extends 'i32'
            ? Int32Array
            : T extends 'f32'
              ? Float32Array
              : Float64Array;

/** The typed-array columns of a schema. */
export type Columns<S extends ColumnSchema> = { [K in keyof S]: ArrayOf<S[K]> };

/** A read-only record of one agent's attributes, its slot (`id`) and its identity key (`key`). */
export type AgentView<S extends ColumnSchema> = { readonly [K in keyof S]: number } & { readonly id: number; readonly key: number };

const CTORS = {
  u8: Uint8Array,
  i8: Int8Array,
  u16: Uint16Array,
  i16: Int16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

/** Bytes per element of each column type. */
export const COLUMN_BYTES: Record<ColumnType, number> = {
  u8: 1, i8: 1, u16: 2, i16: 2, u32: 4, i32: 4, f32: 4, f64: 8,
};

/** Declares a column schema (identity helper that keeps literal types). */
export function defineColumns<S extends ColumnSchema>(schema: S): S {
  return schema;
}

/** A growable table of agents stored column-wise. */
export class AgentStore<S extends ColumnSchema> {
  /** The columns; index by slot. Replaced (not mutated in place) when the store grows. */
  cols: Columns<S>;
  /** 1 where the slot holds a living agent. */
  alive: Uint8Array;
  /** Identity key of the agent in each slot (meaningful where `alive`). Replaced when the store grows. */
  keys: Float64Array;
  /** Times each slot has been vacated: (slot, generation) names one agent for as long as it lives. Replaced when the store grows. */
  generation: Uint32Array;
  /** Number of living agents. */
  count = 0;
  /** One past the highest slot ever used: slots from here on never held an agent, so loops run over `0..highWater`. */
  highWater = 0;
  private free: Int32Array;
  private freeTop = 0;
  private cap: number;
  private nextKey = 0;
  readonly names: (keyof S & string)[];

  constructor(
    readonly schema: S,
    initialCapacity = 64,
  ) {
    this.cap = Math.max(1, initialCapacity | 0);
    this.names = Object.keys(schema) as (keyof S & string)[];
    this.cols = {} as Columns<S>;
    for (const n of this.names) (this.cols as Record<string, unknown>)[n] = new CTORS[schema[n]](this.cap);
    this.alive = new Uint8Array(this.cap);
    this.keys = new Float64Array(this.cap);
    this.generation = new Uint32Array(this.cap);
    this.free = new Int32Array(this.cap);
  }

  /** Allocated slots. */
  get capacity(): number {
    return this.cap;
  }

  /**
   * Adds an agent with all attributes zero except those given; returns its slot. Reuses the most recently
   * freed slot (the free list is a stack). `key` is the agent's identity key (an integer, |key| < 2⁵³, never
   * reused by the caller); without it the store numbers agents 0, 1, 2, … in the order they are added (a
   * store should take its keys from one source only: given, or numbered).
   */
  add(init?: Partial<Record<keyof S, number>>, key?: number): number {
    let i: number;
    const reused = this.freeTop > 0;
    if (reused) i = this.free[--this.freeTop];
    else {
      if (this.highWater === this.cap) this.grow(this.cap * 2);
      i = this.highWater++;
    }
    const cols = this.cols as Record<string, { [k: number]: number }>;
    // A fresh slot (never used) is already zero in every column; only a reused slot needs clearing.
    if (i < this.highWater - 1 || reused) for (const n of this.names) cols[n][i] = 0;
    if (init) for (const k in init) cols[k][i] = init[k] as number;
    this.keys[i] = key ?? this.nextKey++;
    this.alive[i] = 1;
    this.count++;
    return i;
  }

  /** Removes the agent in slot `i` (no-op if the slot is empty). Its slot may be reused by a later `add`. */
  remove(i: number): void {
    if (i < 0 || i >= this.highWater || this.alive[i] === 0) return;
    this.alive[i] = 0;
    this.generation[i]++;
    this.count--;
    this.free[this.freeTop++] = i;
  }

  /** True if slot `i` still holds the agent it held at generation `gen` (alive and not replaced since). */
  isCurrent(i: number, gen: number): boolean {
    return i >= 0 && i < this.highWater && this.alive[i] === 1 && this.generation[i] === gen;
  }

  /** True if slot `i` holds a living agent. */
  has(i: number): boolean {
    return i >= 0 && i < this.highWater && this.alive[i] === 1;
  }

  /** Calls `fn(i)` for every living agent in slot order. For clarity, not hot loops. */
  forEach(fn: (i: number) => void): void {
    const a = this.alive;
    for (let i = 0; i < this.highWater; i++) if (a[i] === 1) fn(i);
  }

  /** A frozen copy of agent `i`'s attributes. */
  view(i: number): AgentView<S> {
    if (!this.has(i)) throw new RangeError(`no living agent in slot ${i}`);
    const out: Record<string, number> = { id: i, key: this.keys[i] };
    for (const n of this.names) out[n] = (this.cols as Record<string, ArrayLike<number>>)[n][i];
    return Object.freeze(out) as AgentView<S>;
  }

  /** Reserves room for at least `n` slots. */
  reserve(n: number): void {
    if (n > this.cap) this.grow(n);
  }

  /** Bytes held by the columns, the alive flags, the keys, the generations and the free list. */
  get bytes(): number {
    let b = this.cap * (1 + 8 + 4 + 4);
    for (const n of this.names) b += this.cap * COLUMN_BYTES[this.schema[n]];
    return b;
  }

  private grow(n: number): void {
    const cols = this.cols as Record<string, ArrayLike<number> & { buffer: ArrayBufferLike }>;
    for (const name of this.names) {
      const next = new CTORS[this.schema[name]](n);
      next.set(cols[name] as never);
      cols[name] = next;
    }
    const alive = new Uint8Array(n);
    alive.set(this.alive);
    this.alive = alive;
    const keys = new Float64Array(n);
    keys.set(this.keys);
    this.keys = keys;
    const generation = new Uint32Array(n);
    generation.set(this.generation);
    this.generation = generation;
    const free = new Int32Array(n);
    free.set(this.free.subarray(0, this.freeTop));
    this.free = free;
    this.cap = n;
  }
}

/** Identity keys from {@link deriveKey} lie in [2⁵², 2⁵³): apart from small structured keys such as (group + 1) · 2³² + k. */
const DERIVED_KEY_BIT = 0x100000;

/**
 * The identity key of an agent created by agent `parent` at `n` (a number that distinguishes the agents one
 * parent creates, e.g. the year of a birth when a parent has at most one child a year): a hash of (parent, n)
 * to an integer in [2⁵², 2⁵³), the same in every run and scenario. Two distinct (parent, n) pairs give the
 * same key with probability 2⁻⁵² (over the ~10⁴ keys of one village in a long run: about 10⁻⁸); a
 * collision would only make two agents share their keyed draws.
 */
export function deriveKey(parent: number, n: number): number {
  const lo = parent >>> 0;
  const hi = ((parent - lo) * 2.3283064365386963e-10) | 0;
  // Two lanes, each a keyed first round of the low word, then the high word and n, through triple32.
  const a = triple32(lowbias32(lo ^ 0x6a09e667) ^ Math.imul(hi, 0x85ebca77) ^ Math.imul(n | 0, 0x9e3779b9));
  const b = triple32(lowbias32(lo ^ 0x3c6ef372) ^ Math.imul(hi, 0xc2b2ae3d) ^ Math.imul(n | 0, 0x27d4eb2f) ^ a);
  return ((b >>> 12) | DERIVED_KEY_BIT) * 4294967296 + (a >>> 0);
}

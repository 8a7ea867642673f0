/**
 * Seeded random streams. Every draw in talentsim comes from a {@link Stream} derived by hashing a key
 * (run seed, CRN key, replicate, group, process, year), so that adding a process, a metric or a village
 * never shifts another stream's draws, and the same replicate of two scenarios sees the same numbers
 * wherever the scenarios agree (common random numbers). No global randomness.
 */
import seedrandom from 'seedrandom';

/**
 * One independent random stream: uniform draws in [0, 1), counted. The generator is seedrandom's Alea:
 * seedrandom seeds it from the key (its Mash hash) and hands over the state, and `next` runs the same
 * Alea recurrence on plain fields of this object, so the draws are exactly seedrandom's but the call is
 * monomorphic and inlinable in hot loops (no per-draw closure call, no boxed return).
 */
export class Stream {
  /** Number of uniform draws taken so far (for `drawsPerAgentYear`). */
  draws = 0;
  private s0: number;
  private s1: number;
  private s2: number;
  private c: number;
  /**
   * @param key the stream's full key; equal keys give equal streams.
   * @param state an Alea state already derived from the key (by {@link StreamFactory}); seedrandom seeds it otherwise.
   */
  constructor(
    readonly key: string,
    state?: AleaState,
  ) {
    const st = state ?? (seedrandom.alea(key, { state: true }) as unknown as { state(): AleaState }).state();
    this.s0 = st.s0;
    this.s1 = st.s1;
    this.s2 = st.s2;
    this.c = st.c;
  }
  /** A uniform draw in [0, 1) (Alea, as seedrandom.alea's `next`). */
  next(): number {
    this.draws++;
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }
}

/** The state seedrandom's Alea exposes with `{ state: true }` (three lags in [0, 1) and a carry). */
export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** Parts of a stream key, joined in order. */
export type KeyPart = string | number;

/** 32-bit FNV-1a hash of a string, as an unsigned integer. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Canonical key text for a list of parts (unambiguous: each part is length-prefixed). */
export function streamKey(parts: readonly KeyPart[]): string {
  let s = '';
  for (const p of parts) {
    const t = typeof p === 'number' ? `#${p}` : `$${p}`;
    s += `${t.length}:${t}|`;
  }
  return s;
}

/** Makes a stream from key parts, e.g. `streamFor([seed, crn, replicate, village, 'migration', year])`. */
export function streamFor(parts: readonly KeyPart[]): Stream {
  return new Stream(streamKey(parts));
}

/** murmur3's 32-bit finaliser: a bijective avalanche mix of a 32-bit word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Folds one 32-bit word into a running hash lane (order-sensitive). */
function combine(h: number, w: number): number {
  return fmix32((Math.imul(h, 0x9e3779b1) ^ w) + 0x7f4a7c15);
}

/**
 * A factory of streams under a fixed prefix (seed, CRN key, replicate): `rng.stream(village, process, year)`.
 * The prefix is hashed once by seedrandom (Alea seeded from the prefix's key text gives three 32-bit lane
 * seeds); each stream's Alea state is then derived from its sub-key parts by an integer hash (murmur3
 * finaliser) in three independent lanes — one per Alea lag — instead of hashing a key string per stream.
 * Parts are tagged by type and strings are hashed once and cached, so distinct keys give distinct streams
 * (`["a1", 2]` ≠ `["a", 12]`, `[1]` ≠ `["1"]`) up to 32-bit hash collisions of part words (probability
 * about 2⁻³² per pair). Derived streams carry the factory's prefix key as their `key`. Counts the draws of
 * every stream it made.
 */
export class StreamFactory {
  private made: Stream[] = [];
  private retired = 0;
  private readonly lane0: number;
  private readonly lane1: number;
  private readonly lane2: number;
  private readonly prefixKey: string;
  private readonly words = new Map<string, number>();
  constructor(readonly prefix: readonly KeyPart[]) {
    this.prefixKey = streamKey(prefix);
    const g = seedrandom.alea(this.prefixKey);
    this.lane0 = (g.int32() >>> 0) ^ 0x243f6a88;
    this.lane1 = (g.int32() >>> 0) ^ 0x85a308d3;
    this.lane2 = (g.int32() >>> 0) ^ 0x13198a2e;
  }
  /** A stream for the given sub-key under this factory's prefix. */
  stream(...parts: KeyPart[]): Stream {
    let h0 = this.lane0;
    let h1 = this.lane1;
    let h2 = this.lane2;
    for (let k = 0; k < parts.length; k++) {
      const w = this.word(parts[k]);
      h0 = combine(h0, w);
      h1 = combine(h1, w);
      h2 = combine(h2, w);
    }
    // Close with the part count so that a key is never a prefix-collision of a longer one.
    h0 = combine(h0, parts.length);
    h1 = combine(h1, parts.length ^ 0x5bd1e995);
    h2 = combine(h2, parts.length ^ 0x1b873593);
    const s = new Stream(this.prefixKey, { s0: h0 * 2.3283064365386963e-10, s1: h1 * 2.3283064365386963e-10, s2: h2 * 2.3283064365386963e-10, c: 1 });
    this.made.push(s);
    if (this.made.length > 4096) this.compact();
    return s;
  }
  /** Total draws taken from all streams this factory made. */
  get draws(): number {
    let n = this.retired;
    for (const s of this.made) n += s.draws;
    return n;
  }
  private compact(): void {
    for (const s of this.made) this.retired += s.draws;
    this.made = [];
  }
  /** The 32-bit word of one key part: small non-negative integers directly (tagged), anything else by its cached text hash. */
  private word(p: KeyPart): number {
    if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < 0x40000000) return fmix32(p ^ 0x40000000) ^ 0x1;
    const text = typeof p === 'number' ? `#${p}` : `$${p}`;
    let w = this.words.get(text);
    if (w === undefined) {
      w = fmix32(hash32(text)) ^ 0x2;
      if (this.words.size < 4096) this.words.set(text, w);
    }
    return w;
  }
}

/** True with probability `p` (p clamped to [0, 1]); always takes exactly one draw. */
export function bernoulli(s: Stream, p: number): boolean {
  return s.next() < p;
}

/** A uniform integer in [0, n). */
export function uniformInt(s: Stream, n: number): number {
  return Math.floor(s.next() * n);
}

/** An index drawn with probability proportional to `weights[i]` (non-negative). Returns -1 if all are 0. */
export function categorical(s: Stream, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  if (!(total > 0)) return -1;
  let u = s.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return -1;
}

/** A normal draw (Box-Muller, two uniforms, no caching so the draw count is fixed). */
export function normal(s: Stream, mean = 0, sd = 1): number {
  const u1 = 1 - s.next();
  const u2 = s.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Shuffles `a[0..n)` in place (Fisher-Yates) and returns it. */
export function shuffle<T extends { [i: number]: unknown; length: number }>(s: Stream, a: T, n = a.length): T {
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(s.next() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

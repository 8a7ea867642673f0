/**
 * Seeded randomness. Two kinds of source, both derived by hashing a key (run seed, CRN key, replicate,
 * group, process, year), so that adding a process, a metric or a village never shifts another one's draws:
 * - {@link Draws}, counter-based: the uniform of one decision of one agent is a pure function of the key,
 *   the agent's identity key and a fixed decision index, so an agent who makes the same decision in two
 *   scenarios of a replicate sees the same number whatever other agents did (common random numbers that
 *   hold per agent);
 * - {@link Stream}, order-based (seedrandom's Alea): draws consumed in sequence, for procedures that have
 *   no per-agent identity (shuffles, sampling without replacement, building a network).
 * No global randomness.
 */
import seedrandom from 'seedrandom';

/** A source of uniform draws in [0, 1) taken one after another: a {@link Stream}, or a {@link DrawSequence} of one agent's decisions. */
export interface Uniforms {
  /** The next uniform draw in [0, 1). */
  next(): number;
}

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

/** murmur3's 32-bit finaliser: a bijective avalanche mix of a 32-bit word (Appleby, MurmurHash3). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * `lowbias32` (Wellons, "Prospecting for Hash Functions", 2018): a two-round xorshift-multiply bijection of
 * 32-bit words, exact avalanche bias 0.174 (murmur3's finaliser: 0.26 by the same measure). Returns a signed
 * 32-bit integer (use `>>> 0` for the unsigned value).
 */
export function lowbias32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return h ^ (h >>> 16);
}

/**
 * `triple32` (Wellons 2018): a three-round xorshift-multiply bijection of 32-bit words with exact avalanche
 * bias 0.0209, the bias of a random permutation of 32-bit integers (statistically indistinguishable from one
 * by the avalanche test). Returns a signed 32-bit integer.
 */
export function triple32(h: number): number {
  h ^= h >>> 17;
  h = Math.imul(h, 0xed5ad4bb);
  h ^= h >>> 11;
  h = Math.imul(h, 0xac4c1b51);
  h ^= h >>> 15;
  h = Math.imul(h, 0x31848bab);
  return h ^ (h >>> 14);
}

/** Folds one 32-bit word into a running hash lane (order-sensitive). */
function combine(h: number, w: number): number {
  return fmix32((Math.imul(h, 0x9e3779b1) ^ w) + 0x7f4a7c15);
}

/** 2⁻³²: maps an unsigned 32-bit word to [0, 1). */
const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/** Golden-ratio increment (2³² / φ) that spreads decision indices over 32-bit words. */
const DECISION_STEP = 0x9e3779b9;

/** Odd multiplier that spreads the high word of an agent key before it meets the decision. */
const HIGH_WORD_STEP = 0x85ebca77;

/**
 * The agent key of village- or county-level decisions (quota rounding, a dispatch, a village's initial
 * state): −1, never an agent's key (agent keys are non-negative integers).
 */
export const GROUP_KEY = -1;

/**
 * The counter-based generator: the unsigned 32-bit word of decision `decision` of agent `agent` under the
 * 64-bit key (k0, k1). With lo, hi the low and high 32-bit words of the agent key (an integer, |key| < 2⁵³):
 * h = lowbias32(k0 XOR lo); word = triple32(h XOR k1 XOR (hi · 0x85ebca77) XOR (decision · 0x9e3779b9)),
 * products mod 2³². For a fixed key and agent, distinct decisions give distinct words (triple32 and the
 * decision step are bijections); distinct agents meet through the keyed first round, so two agents' words
 * coincide only by chance (probability 2⁻³² per pair and decision, as for any 32-bit generator).
 */
export function keyedWord(k0: number, k1: number, agent: number, decision: number): number {
  const lo = agent >>> 0;
  const hi = ((agent - lo) * TWO_TO_MINUS_32) | 0;
  const h = lowbias32(k0 ^ lo);
  return triple32(h ^ k1 ^ Math.imul(hi, HIGH_WORD_STEP) ^ Math.imul(decision, DECISION_STEP)) >>> 0;
}

/**
 * Counter-based uniforms of one (run, group, process, year): `u(agent, decision)` is a pure function of
 * this object's 64-bit key, the agent's identity key and a fixed decision index, never of how many draws
 * were taken before. A process declares its decisions once (see {@link defineDecisions}) and takes each
 * decision's uniform by its index, so a villager who makes the same decision in two scenarios of a
 * replicate sees the same number whatever the others did, and a draw that is not taken moves nothing.
 * Counts its draws (for draws per agent-year).
 */
export class Draws {
  /** Number of uniforms taken (for `drawsPerAgentYear`). */
  draws = 0;
  private readonly k0: number;
  private readonly k1: number;
  private seq: DrawSequence | undefined;
  /** @param k0, k1 the 64-bit key as two 32-bit words (from {@link StreamFactory.draws} or {@link drawsFrom}). */
  constructor(k0: number, k1: number) {
    this.k0 = k0 | 0;
    this.k1 = k1 | 0;
  }
  /** The uniform in [0, 1) of decision `decision` of agent `agent` (an identity key; {@link GROUP_KEY} for the group itself). */
  u(agent: number, decision: number): number {
    this.draws++;
    return keyedWord(this.k0, this.k1, agent, decision) * TWO_TO_MINUS_32;
  }
  /** True with probability `p` for decision `decision` of `agent` (one draw: u < p). */
  chance(agent: number, decision: number, p: number): boolean {
    return this.u(agent, decision) < p;
  }
  /** A normal draw for `agent` from decisions `decision` and `decision + 1` (Box-Muller, as {@link normal}). */
  normal(agent: number, decision: number, mean = 0, sd = 1): number {
    const u1 = 1 - this.u(agent, decision);
    const u2 = this.u(agent, decision + 1);
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  /** The uniform of a group-level decision (the group's own key, {@link GROUP_KEY}). */
  group(decision: number): number {
    return this.u(GROUP_KEY, decision);
  }
  /**
   * The decisions `first`, `first + 1`, … of `agent` as a sequence, for helpers that take {@link Uniforms}
   * (a multi-draw decision such as a normal or coming-of-age traits, whose width is declared). The sequence
   * object is this Draws' own and is reset by the next call: use it before asking for another.
   */
  at(agent: number, first: number): DrawSequence {
    const s = (this.seq ??= new DrawSequence(this));
    s.agent = agent;
    s.decision = first;
    return s;
  }
}

/** Consecutive decisions of one agent, taken from a {@link Draws} (see {@link Draws.at}). */
export class DrawSequence implements Uniforms {
  /** The agent's identity key. */
  agent = 0;
  /** The decision index the next draw takes. */
  decision = 0;
  constructor(private readonly source: Draws) {}
  /** The uniform of the next decision index. */
  next(): number {
    return this.source.u(this.agent, this.decision++);
  }
}

/** Keyed draws whose key is taken from the next two draws of an order-based source (e.g. a stream given to a village generator). */
export function drawsFrom(s: Uniforms): Draws {
  return new Draws((s.next() * 4294967296) >>> 0, (s.next() * 4294967296) >>> 0);
}

/**
 * Declares a process's decisions: name → first decision index, with the number of draws of the decisions
 * that take more than one (`widths`, default 1). Checks that indices are non-negative integers and that no
 * two decisions' index ranges overlap, and returns the indices frozen. Indices are part of the draws'
 * meaning: give a new decision a new index and never renumber (renumbering changes every run).
 */
export function defineDecisions<T extends Record<string, number>>(indices: T, widths: Partial<Record<keyof T, number>> = {}): Readonly<T> {
  const taken = new Map<number, string>();
  for (const [name, first] of Object.entries(indices)) {
    const width = widths[name as keyof T] ?? 1;
    if (!Number.isInteger(first) || first < 0) throw new Error(`decision "${name}": index must be a non-negative integer, found ${first}`);
    if (!Number.isInteger(width) || width < 1) throw new Error(`decision "${name}": width must be a positive integer, found ${width}`);
    for (let d = first; d < first + width; d++) {
      const other = taken.get(d);
      if (other !== undefined) throw new Error(`decisions "${other}" and "${name}" both use draw index ${d}`);
      taken.set(d, name);
    }
  }
  return Object.freeze({ ...indices });
}

/**
 * A factory of streams and keyed draws under a fixed prefix (seed, CRN key, replicate):
 * `rng.stream(village, process, year)` (order-based) and `rng.draws(village, process, year)` (counter-based).
 * The prefix is hashed once by seedrandom (Alea seeded from the prefix's key text gives three 32-bit lane
 * seeds); each sub-key is then folded into three independent lanes by an integer hash (murmur3 finaliser)
 * instead of hashing a key string per stream. A stream starts its Alea state from the three lanes; keyed
 * draws take two lanes of the same sub-key closed with other constants, so the stream and the draws of one
 * sub-key are unrelated. Parts are tagged by type and strings are hashed once and cached, so distinct keys
 * give distinct streams (`["a1", 2]` ≠ `["a", 12]`, `[1]` ≠ `["1"]`) up to 32-bit hash collisions of part
 * words (probability about 2⁻³² per pair). Derived streams carry the factory's prefix key as their `key`.
 * Counts the draws of every stream and every keyed-draws object it made.
 */
export class StreamFactory {
  private made: { readonly draws: number }[] = [];
  private retired = 0;
  private readonly lane0: number;
  private readonly lane1: number;
  private readonly lane2: number;
  private readonly prefixKey: string;
  private readonly words = new Map<string, number>();
  private readonly lanes = new Uint32Array(3);
  constructor(readonly prefix: readonly KeyPart[]) {
    this.prefixKey = streamKey(prefix);
    const g = seedrandom.alea(this.prefixKey);
    this.lane0 = (g.int32() >>> 0) ^ 0x243f6a88;
    this.lane1 = (g.int32() >>> 0) ^ 0x85a308d3;
    this.lane2 = (g.int32() >>> 0) ^ 0x13198a2e;
  }
  /** An order-based stream for the given sub-key under this factory's prefix. */
  stream(...parts: KeyPart[]): Stream {
    const L = this.derive(parts, 0, 0x5bd1e995, 0x1b873593);
    const s = new Stream(this.prefixKey, { s0: L[0] * TWO_TO_MINUS_32, s1: L[1] * TWO_TO_MINUS_32, s2: L[2] * TWO_TO_MINUS_32, c: 1 });
    this.keep(s);
    return s;
  }
  /** Counter-based draws for the given sub-key under this factory's prefix (e.g. `draws(village, process, year)`). */
  draws(...parts: KeyPart[]): Draws {
    const L = this.derive(parts, 0x2545f491, 0x61c88647, 0x3c6ef372);
    const d = new Draws(L[0], L[1]);
    this.keep(d);
    return d;
  }
  /** Total draws taken from all streams and keyed draws this factory made. */
  get drawCount(): number {
    let n = this.retired;
    for (const s of this.made) n += s.draws;
    return n;
  }
  /** The three lanes of a sub-key (in a buffer reused by the next call), closed with the part count XOR the given constants. */
  private derive(parts: readonly KeyPart[], c0: number, c1: number, c2: number): Uint32Array {
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
    const L = this.lanes;
    L[0] = combine(h0, parts.length ^ c0);
    L[1] = combine(h1, parts.length ^ c1);
    L[2] = combine(h2, parts.length ^ c2);
    return L;
  }
  private keep(source: { readonly draws: number }): void {
    this.made.push(source);
    if (this.made.length > 4096) this.compact();
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
export function bernoulli(s: Uniforms, p: number): boolean {
  return s.next() < p;
}

/** A uniform integer in [0, n). */
export function uniformInt(s: Uniforms, n: number): number {
  return Math.floor(s.next() * n);
}

/** An index drawn with probability proportional to `weights[i]` (non-negative). Returns -1 if all are 0. */
export function categorical(s: Uniforms, weights: ArrayLike<number>): number {
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
export function normal(s: Uniforms, mean = 0, sd = 1): number {
  const u1 = 1 - s.next();
  const u2 = s.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Shuffles `a[0..n)` in place (Fisher-Yates) and returns it. */
export function shuffle<T extends { [i: number]: unknown; length: number }>(s: Uniforms, a: T, n = a.length): T {
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(s.next() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/** Shards: splitting an ensemble's replicates over N machines by replicate number. */
import { ExperimentInputError } from './errors.js';

/** Shard K of N (1-based `index`), running replicates r with r % count == index − 1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses "K/N" (1 ≤ K ≤ N); throws {@link ExperimentInputError} otherwise. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new ExperimentInputError(`--shard: expected K/N such as 2/8, found "${text}"`);
  return checkShard({ index: Number(m[1]), count: Number(m[2]) });
}

/** Returns the shard if 1 ≤ index ≤ count (integers); throws {@link ExperimentInputError} otherwise. */
export function checkShard(shard: Shard): Shard {
  const { index, count } = shard;
  if (!Number.isInteger(count) || count < 1) throw new ExperimentInputError(`shard count must be an integer ≥ 1, found ${count}`);
  if (!Number.isInteger(index) || index < 1 || index > count) {
    throw new ExperimentInputError(`shard index must be an integer from 1 to ${count}, found ${index}`);
  }
  return shard;
}

/** The replicates 0..replicates−1 that belong to `shard` (all of them without a shard). */
export function shardReplicates(replicates: number, shard?: Shard): number[] {
  const out: number[] = [];
  for (let r = 0; r < replicates; r++) if (!shard || r % shard.count === shard.index - 1) out.push(r);
  return out;
}

/** "K/N" text of a shard. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

// Shards: K/N parsing and the partition of replicates over shards.
import { describe, expect, it } from 'vitest';
import { parseShard, shardReplicates } from '../../src/experiment/shard.js';
import { ExperimentInputError } from '../../src/experiment/errors.js';

describe('shards', () => {
  it('parses K/N and rejects anything else as input errors', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1-3', '']) expect(() => parseShard(bad)).toThrow(ExperimentInputError);
  });

  it('splits replicates so that the shards partition them', () => {
    const all = [1, 2, 3].flatMap((k) => shardReplicates(10, { index: k, count: 3 }));
    expect(all.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shardReplicates(10, { index: 2, count: 3 })).toEqual([1, 4, 7]);
  });
});

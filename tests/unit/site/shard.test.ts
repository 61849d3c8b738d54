import { describe, expect, it } from 'vitest';
import {
  ownsRecord,
  ownsShared,
  parseShard,
  shardName,
  shardOf,
} from '../../../src/lib/site/shard.ts';

describe('build shards', () => {
  it('reads i/n and refuses what is not one of n parts', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(shardName(parseShard(' 1/1 '))).toBe('1-of-1');
    for (const bad of ['0/3', '4/3', '2', '1/0', 'a/b', '-1/3', '1.5/3'])
      expect(() => parseShard(bad), bad).toThrow(/i\/n/);
  });

  // A change of hash would move every record to another shard: the split must stay put.
  it('splits by a stable hash of the key', () => {
    expect(shardOf('BGW-000001', 3)).toBe(3);
    expect(shardOf('BGW-000001', 1_000_000)).toBe(331_790);
    expect(shardOf('works/w0', 3)).toBe(1);
  });

  it('spreads sequential IDs evenly over the shards', () => {
    const counts = [0, 0, 0, 0];
    for (let n = 1; n <= 20_000; n += 1)
      counts[shardOf(`BGW-${String(n).padStart(6, '0')}`, 4) - 1]! += 1;
    for (const count of counts) expect(Math.abs(count - 5_000)).toBeLessThan(250);
  });

  it('gives each record to exactly one shard and the shared pages to the first', () => {
    const ids = Array.from({ length: 500 }, (_, n) => `BGC-${String(n).padStart(6, '0')}`);
    const shards = [1, 2, 3].map((index) => ({ index, count: 3 }));
    for (const id of ids) expect(shards.filter((s) => ownsRecord(s, id))).toHaveLength(1);
    expect(shards.map(ownsShared)).toEqual([true, false, false]);
    expect(ownsRecord(undefined, 'BGW-000001')).toBe(true);
    expect(ownsShared(undefined)).toBe(true);
  });
});

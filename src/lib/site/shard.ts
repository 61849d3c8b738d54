/**
 * Shards of a build or an ingest spread over several machines (`--shard i/n`, counted from 1 as
 * Playwright and Jest count theirs): which shard owns a record, and the one that owns the shared
 * pages. A record goes to a shard by a stable hash of its key, so the same archive always splits
 * the same way, whatever machine or order builds it.
 * Pure.
 */

/** One part of a sharded run: shard `index` of `count` (1 ≤ index ≤ count). */
export interface Shard {
  index: number;
  count: number;
}

/** The shard that also builds what is not one record's: home, indexes, search, sitemaps, data. */
export const SHARED_SHARD = 1;

/** A shard from its written form `i/n`; a malformed one is an error saying what is expected. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new Error(
      `--shard expects i/n with 1 ≤ i ≤ n (e.g. 2/3), got "${text}" / 分片应写作 i/n，如 2/3`,
    );
  return { index, count };
}

/** The written form of a shard: `2/3`. */
export function shardText(shard: Shard): string {
  return `${String(shard.index)}/${String(shard.count)}`;
}

/** A shard as a file or folder name: `2-of-3`. */
export function shardName(shard: Shard): string {
  return `${String(shard.index)}-of-${String(shard.count)}`;
}

/**
 * 32-bit FNV-1a of the UTF-16 code units of `key`: stable across machines and Node versions,
 * and spreads sequential IDs (BGW-000001, BGW-000002 …) evenly.
 */
function fnv1a(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard (1 … count) that owns the record with stable key `key`. */
export function shardOf(key: string, count: number): number {
  return (fnv1a(key) % count) + 1;
}

/** Whether `shard` builds the record with key `key`; every record is built when not sharded. */
export function ownsRecord(shard: Shard | undefined, key: string): boolean {
  return shard === undefined || shardOf(key, shard.count) === shard.index;
}

/** Whether `shard` builds the shared pages; an unsharded build builds everything. */
export function ownsShared(shard: Shard | undefined): boolean {
  return shard === undefined || shard.index === SHARED_SHARD;
}

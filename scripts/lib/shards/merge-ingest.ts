/**
 * Merging the shards of a sharded ingest (`npm run ingest -- --shard i/n`) into the files an
 * unsharded ingest writes: generated/media.json (every shard's entries, near duplicates looked
 * for across all of them) and content/fixity.json (each master's record from the shard that owns
 * it). Both files are written atomically, and only after every shard result has been read.
 */
import { readFile } from 'node:fs/promises';
import type { MediaEntry, MediaManifest } from '../../../src/lib/records/media-manifest.ts';
import { parseShard } from '../../../src/lib/site/shard.ts';
import { writeFileAtomic } from '../ingest/atomic-write.ts';
import { readFixity, writeFixity, type FixityManifest } from '../ingest/fixity.ts';
import { type IngestShardResult, mediaManifestOf, warnNearDuplicates } from '../ingest/run.ts';
import { checkComplete } from './shard-set.ts';

/** One shard's result as read from its file. */
async function readShardResult(file: string): Promise<IngestShardResult> {
  let result: IngestShardResult;
  try {
    result = JSON.parse(await readFile(file, 'utf8')) as IngestShardResult;
  } catch (error) {
    throw new Error(`${file}: not a shard result of the ingest (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (typeof result.shard !== 'string' || typeof result.items !== 'object')
    throw new Error(`${file}: "shard" and "items" are required / 缺少 shard 或 items 字段`);
  return result;
}

export interface IngestMerge {
  manifest: MediaManifest;
  fixity: FixityManifest;
  /** Near-duplicate pairs found across the shards. */
  nearDuplicates: number;
}

/** What the shard results in `files` add up to, given fixity.json as it was before them. */
export function combineIngestShards(
  results: readonly { file: string; result: IngestShardResult }[],
  previousFixity: FixityManifest,
  now = new Date(),
): IngestMerge {
  checkComplete(
    results.map(({ file, result }) => ({ source: file, shard: parseShard(result.shard) })),
  );
  const from = new Map<string, string>();
  const unsorted: Record<string, MediaEntry> = {};
  const fixity: FixityManifest = { ...previousFixity };
  for (const { file, result } of results) {
    for (const [key, entry] of Object.entries(result.items)) {
      const other = from.get(key);
      if (other !== undefined)
        throw new Error(`${key} is in two shard results, ${other} and ${file} / 媒体条目重复`);
      from.set(key, file);
      unsorted[key] = entry;
    }
    for (const key of result.pruned) delete fixity[key];
    Object.assign(fixity, result.fixity);
  }
  const items: Record<string, MediaEntry> = {};
  for (const key of Object.keys(unsorted).sort()) items[key] = unsorted[key]!;
  const pairs = warnNearDuplicates(items);
  return {
    manifest: mediaManifestOf(items, now),
    fixity,
    nearDuplicates: pairs.length,
  };
}

/** Reads the shard results, then writes media.json and fixity.json. */
export async function mergeIngestShards(
  files: readonly string[],
  dataFile: string,
  fixityFile: string,
): Promise<IngestMerge> {
  const results = await Promise.all(
    files.map(async (file) => ({ file, result: await readShardResult(file) })),
  );
  const merged = combineIngestShards(results, await readFixity(fixityFile));
  await writeFileAtomic(dataFile, `${JSON.stringify(merged.manifest, null, 2)}\n`);
  await writeFixity(fixityFile, merged.fixity);
  return merged;
}

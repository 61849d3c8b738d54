/**
 * Assembling the shards of a sharded build (`npm run build -- --shard i/n`) into one site: every
 * shard of one split present exactly once, each file taken from the one shard that made it, a file
 * two shards both made (the bundled scripts and styles) accepted only when the bytes are the same.
 * The merged site is written beside the target and swapped in at the end, so a failed merge never
 * replaces a good site.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { filesUnder } from '../../../src/lib/site/shard-integration.ts';
import { parseShard, shardText, type Shard } from '../../../src/lib/site/shard.ts';
import { checkComplete, type ShardOutput } from './shard-set.ts';

/** The stamp a finished shard carries (written last by the build). */
export const SHARD_STAMP = '.shard.json';

/** Marks `dir` as the finished output of `shard`: the last thing a shard's build writes. */
export function writeShardStamp(dir: string, shard: Shard): void {
  writeFileSync(join(dir, SHARD_STAMP), `${JSON.stringify({ shard: shardText(shard) })}\n`);
}

/** Reads the stamp of a shard's output; a folder without one is not a finished shard. */
export function readShardOutput(dir: string): ShardOutput {
  const stamp = join(dir, SHARD_STAMP);
  if (!existsSync(stamp))
    throw new Error(
      `${dir}: no ${SHARD_STAMP}, so not a finished shard (its build did not complete) / 分片未构建完成`,
    );
  const { shard } = JSON.parse(readFileSync(stamp, 'utf8')) as { shard?: unknown };
  if (typeof shard !== 'string') throw new Error(`${stamp}: "shard" must be a string like "2/3"`);
  return { source: dir, shard: parseShard(shard) };
}

/** Files under `dir` (relative, with `/`), the stamp left out. */
function shardFiles(dir: string): string[] {
  return filesUnder(dir)
    .filter((file) => file !== SHARD_STAMP)
    .sort();
}

/** Whether two files have the same bytes. */
function sameBytes(a: string, b: string): boolean {
  return readFileSync(a).equals(readFileSync(b));
}

export interface MergeResult {
  /** Files in the merged site. */
  files: number;
  /** Files more than one shard made, identical in each. */
  shared: number;
}

/**
 * Copies the shards into `into` (which must not exist): a file made by two shards must be the same
 * in both; otherwise the merge stops naming the file and the shards.
 */
export function mergeShardFiles(outputs: readonly ShardOutput[], into: string): MergeResult {
  checkComplete(outputs);
  const owner = new Map<string, ShardOutput>();
  let shared = 0;
  for (const output of [...outputs].sort((a, b) => a.shard.index - b.shard.index)) {
    for (const file of shardFiles(output.source)) {
      const target = join(into, file);
      const first = owner.get(file);
      if (first) {
        if (!sameBytes(join(first.source, file), join(output.source, file)))
          throw new Error(
            `${file} differs between shard ${shardText(first.shard)} and shard ${shardText(output.shard)}: were they built from the same commit? / 分片之间文件不一致`,
          );
        shared += 1;
        continue;
      }
      owner.set(file, output);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(output.source, file), target);
    }
  }
  return { files: owner.size, shared };
}

/**
 * Merges the shards into `out`: built beside it, finished by `finish` (the site's security
 * headers), then swapped in; on any error the old `out` stays as it was.
 */
export function mergeSite(
  outputs: readonly ShardOutput[],
  out: string,
  finish: (dir: string) => void,
): MergeResult {
  const building = `${out}.merging`;
  const old = `${out}.old`;
  rmSync(building, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  try {
    const result = mergeShardFiles(outputs, building);
    finish(building);
    if (existsSync(out)) renameSync(out, old);
    renameSync(building, out);
    rmSync(old, { recursive: true, force: true });
    return result;
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
}

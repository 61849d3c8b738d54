/** The outputs of one sharded run (a build's folders or an ingest's result files) as a set. */
import { shardText, type Shard } from '../../../src/lib/site/shard.ts';

/** A shard's output (a folder, or an ingest's result file) and which shard it is. */
export interface ShardOutput {
  source: string;
  shard: Shard;
}

/** Refuses a set of shards that is not exactly 1 … n of one split. */
export function checkComplete(outputs: readonly ShardOutput[]): void {
  if (outputs.length === 0) throw new Error('no shards to merge / 没有可合并的分片');
  const count = outputs[0]!.shard.count;
  const seen = new Map<number, string>();
  for (const { source, shard } of outputs) {
    if (shard.count !== count)
      throw new Error(
        `${source} is shard ${shardText(shard)}, but ${outputs[0]!.source} is of ${String(count)} / 分片总数不一致`,
      );
    const other = seen.get(shard.index);
    if (other !== undefined)
      throw new Error(`${source} and ${other} are both shard ${shardText(shard)} / 分片重复`);
    seen.set(shard.index, source);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new Error(
      `shards ${missing.map((i) => `${String(i)}/${String(count)}`).join(', ')} missing / 缺少分片`,
    );
}

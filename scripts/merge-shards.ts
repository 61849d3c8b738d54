/**
 * `npm run merge-shards -- [--out dist] [DIR…]`: assembles the shards of a sharded build
 * (`npm run build -- --shard i/n`, by default every folder under dist-shards/) into one site, then
 * gives its pages their Content-Security-Policy and writes the hosts' files, as `npm run build`
 * does for an unsharded build.
 * `npm run merge-shards -- --ingest [FILE…]`: merges a sharded ingest's results (by default every
 * file under generated/ingest-shards/) into generated/media.json and content/fixity.json.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { secureSite } from './build-site.ts';
import { commandLine, fromCaller } from './lib/command-line.ts';
import { MEDIA_FILE } from '../src/lib/records/media-file.ts';
import { INGEST_SHARDS } from './lib/ingest/run.ts';
import { mergeIngestShards } from './lib/shards/merge-ingest.ts';
import { mergeSite, readShardOutput } from './lib/shards/merge-site.ts';
import { root } from './lib/run-step.ts';

const usage = `usage / 用法: npm run merge-shards -- [--out DIR] [SHARD_DIR…]
              npm run merge-shards -- --ingest [SHARD_FILE…]

  SHARD_DIR  a shard's output (default: every folder under dist-shards/)
  --out DIR  the merged site (default dist); replaced only when the merge succeeds
  --ingest   merge the ingest's shard results (default: every file under generated/ingest-shards/)
             into generated/media.json and content/fixity.json / 合并媒体处理的分片结果`;

const { values, positionals } = commandLine(
  {
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'dist' },
      ingest: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  usage,
);
if (values.help) {
  console.log(usage);
  process.exit(0);
}

/** The paths given, else every entry of the default folder. */
function shardPaths(defaultDir: string): string[] {
  if (positionals.length > 0) return positionals.map(fromCaller);
  const dir = join(root, defaultDir);
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
}

async function mergeIngest(): Promise<void> {
  const files = shardPaths(INGEST_SHARDS).filter((file) => file.endsWith('.json'));
  const { manifest, nearDuplicates } = await mergeIngestShards(
    files,
    join(root, MEDIA_FILE),
    join(root, 'content', 'fixity.json'),
  );
  console.log(
    `✓ ${String(files.length)} ingest shards merged: ${String(Object.keys(manifest.items).length)} media entries in ${MEDIA_FILE} (${String(nearDuplicates)} near-duplicate pairs across shards), content/fixity.json updated`,
  );
}

function mergeBuild(): void {
  const started = performance.now();
  const dirs = shardPaths('dist-shards');
  const outputs = dirs.map(readShardOutput);
  const out = fromCaller(values.out);
  const { files, shared } = mergeSite(outputs, out, (dir) => secureSite(dir, {}));
  console.log(
    `✓ ${String(outputs.length)} shards merged into ${out}: ${String(files)} files (${String(shared)} made by several shards, identical); ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

try {
  if (values.ingest) await mergeIngest();
  else mergeBuild();
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}

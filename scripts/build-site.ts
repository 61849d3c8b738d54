/**
 * `npm run build`: check the content, ingest the media, build the static site into dist/, then
 * give every page its Content-Security-Policy and write the hosts' header and redirect files (see
 * scripts/lib/csp.ts and scripts/lib/hosting.ts).
 * `npm run build -- --shard i/n` builds part i of n into dist-shards/i-of-n/ (records by a stable
 * hash of their ID, the shared pages in shard 1) from media already ingested, for
 * `npm run merge-shards` to assemble and secure; see README, "Building in shards".
 * Search settings for the browser come from PUBLIC_MEILI_HOST / PUBLIC_MEILI_SEARCH_KEY when set
 * (`npm start` sets them); without them the search page uses its static fallback.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEnv } from 'vite';
import { MEDIA_FILE } from '../src/lib/records/media-file.ts';
import { getSearchConfig } from '../src/lib/search/config.ts';
import { ownsShared, shardName, shardText, type Shard } from '../src/lib/site/shard.ts';
import { commandLine, shardOption, usageError } from './lib/command-line.ts';
import { dropStaleContentStore } from './lib/content-store.ts';
import { secureBuiltPages, sitePolicy } from './lib/csp.ts';
import { hostingRules, readPermalinks, writeHostingFiles } from './lib/hosting.ts';
import { binPath, mustRun, root, StepError } from './lib/run-step.ts';
import { writeShardStamp } from './lib/shards/merge-site.ts';
import { sitePages } from './lib/site-links.ts';

export async function buildSite(env: NodeJS.ProcessEnv = {}): Promise<void> {
  await checkContent();
  await mustRun(['scripts/ingest-media.ts'], { title: 'Ingesting media / 处理媒体' });
  refreshContentStore();
  await mustRun([binPath('astro'), 'build'], { title: 'Building the site / 构建网站', env });
  await exportOpenData(join(root, 'dist'), env);
  secureSite(join(root, 'dist'), env);
}

/**
 * Builds shard `shard` into `out`: the content checked, the media taken as the ingest (or its
 * merged shards) left them, the stamp written last, so an output without it is not a shard.
 * Pages are secured once the shards are merged, as the site's policy covers all of them.
 */
export async function buildShard(
  shard: Shard,
  out: string,
  env: NodeJS.ProcessEnv = {},
): Promise<void> {
  if (!existsSync(join(root, MEDIA_FILE)))
    throw new StepError(
      `${MEDIA_FILE} is missing: a shard builds from ingested media. Run \`npm run ingest\` (or merge the ingest's shards with \`npm run merge-shards -- --ingest\`) first / 请先处理媒体`,
      1,
    );
  await checkContent();
  refreshContentStore();
  rmSync(out, { recursive: true, force: true });
  await mustRun([binPath('astro'), 'build', '--outDir', out], {
    title: `Building shard ${shardText(shard)} / 构建分片`,
    env: { ...env, BUILD_SHARD: shardText(shard) },
  });
  if (ownsShared(shard)) await exportOpenData(out, env);
  writeShardStamp(out, shard);
}

/** `npm run check`, as the first step of every build. */
function checkContent(): Promise<void> {
  return mustRun(['scripts/check-content.ts'], { title: 'Checking content / 检查内容' });
}

/** Drops Astro's record cache when the schemas changed since it was made (and says so). */
function refreshContentStore(): void {
  if (dropStaleContentStore(root))
    console.log(
      'The record schemas changed: Astro re-reads every record / 记录结构已变，重新读取全部记录',
    );
}

/** Streams the large open-data downloads into the built site `out` (scripts/export-open-data.ts). */
function exportOpenData(out: string, env: NodeJS.ProcessEnv): Promise<void> {
  return mustRun(['scripts/export-open-data.ts', '--out', out], {
    title: 'Open data / 开放数据',
    env,
  });
}

/**
 * Hashes the built pages' inline code into their policies and the hosts' header files, and writes
 * the hosts' redirects for the permanent ID links.
 */
export function secureSite(dist: string, env: NodeJS.ProcessEnv): void {
  console.log('\n▶ Content-Security-Policy / 内容安全策略');
  const started = performance.now();
  // The search server the browser will call: what `astro build` inlined into the search island
  // (.env files, then the environment, then what the caller passed).
  const search = getSearchConfig({ ...loadEnv('production', root, 'PUBLIC_'), ...env });
  const options = { searchHost: search?.host };
  const files = sitePages(dist).map((p) =>
    p.endsWith('/') ? join(dist, p, 'index.html') : join(dist, p),
  );
  // Read first: a record whose page cannot be a redirect rule stops the build before any change.
  const permalinks = readPermalinks(dist);
  const site = secureBuiltPages(files, options);
  writeHostingFiles(dist, hostingRules(sitePolicy(site, options)), permalinks);
  console.log(
    `${files.length} pages; ${site.scripts.size} inline scripts and ${site.styles.size} inline styles allowed by hash; ${permalinks.length} permanent links redirected; search server: ${search?.host ?? 'none / 无'}; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

const usage = `usage / 用法: npm run build -- [--shard i/n] [--out DIR]

  --shard i/n  build part i of n: the pages of the records whose ID hashes to i, and in shard 1
               also the shared pages; needs ingested media / 只构建第 i 个分片（共 n 个）
  --out DIR    where a shard goes (default dist-shards/i-of-n)`;

if (import.meta.main) {
  const { values } = commandLine(
    {
      options: {
        shard: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    usage,
  );
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const shard = shardOption(values.shard, usage);
  if (values.out !== undefined && !shard) usageError('--out goes with --shard', usage);
  try {
    if (shard) {
      const out = resolve(root, values.out ?? join('dist-shards', shardName(shard)));
      await buildShard(shard, out);
      console.log(
        `\n✓ shard ${shardText(shard)} in ${out}; assemble with \`npm run merge-shards\``,
      );
    } else await buildSite();
  } catch (error) {
    console.error(`\n✗ ${(error as Error).message}`);
    process.exit(error instanceof StepError ? error.code : 1);
  }
}

/**
 * `npm run build`: check the content, ingest the media, build the static site into dist/, then
 * give every page its Content-Security-Policy and write the hosts' header and redirect files (see
 * scripts/lib/csp.ts and scripts/lib/hosting.ts).
 * Search settings for the browser come from PUBLIC_MEILI_HOST / PUBLIC_MEILI_SEARCH_KEY when set
 * (`npm start` sets them); without them the search page uses its static fallback.
 */
import { join } from 'node:path';
import { loadEnv } from 'vite';
import { getSearchConfig } from '../src/lib/search/config.ts';
import { dropStaleContentStore } from './lib/content-store.ts';
import { secureBuiltPages, sitePolicy } from './lib/csp.ts';
import { hostingRules, readPermalinks, writeHostingFiles } from './lib/hosting.ts';
import { binPath, mustRun, root, StepError } from './lib/run-step.ts';
import { sitePages } from './lib/site-links.ts';

export async function buildSite(env: NodeJS.ProcessEnv = {}): Promise<void> {
  await mustRun(['scripts/check-content.ts'], { title: 'Checking content / 检查内容' });
  await mustRun(['scripts/ingest-media.ts'], { title: 'Ingesting media / 处理媒体' });
  if (dropStaleContentStore(root))
    console.log(
      'The record schemas changed: Astro re-reads every record / 记录结构已变，重新读取全部记录',
    );
  await mustRun([binPath('astro'), 'build'], { title: 'Building the site / 构建网站', env });
  secureSite(join(root, 'dist'), env);
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

if (import.meta.main) {
  try {
    await buildSite();
  } catch (error) {
    console.error(`\n✗ ${(error as Error).message}`);
    process.exit(error instanceof StepError ? error.code : 1);
  }
}

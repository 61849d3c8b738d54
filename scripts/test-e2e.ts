/**
 * End-to-end tests against the real thing: starts a Meilisearch on a free port with its own
 * data folder, builds the site with a search-only key, indexes the records, serves dist/ and
 * runs Playwright in Chromium. Everything started here is stopped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from './build-site.ts';
import { startMeili } from './lib/meili/server.ts';
import { binPath, root, runNode } from './lib/run-step.ts';
import { attachSearch } from './lib/search-service.ts';
import { serveDist } from './lib/serve-dist.ts';

const scratch = mkdtempSync(join(tmpdir(), 'baigong-e2e-'));
const meili = await startMeili({
  root,
  port: 0,
  forceEmbedded: true,
  dataDir: join(scratch, 'data'),
  keyFile: join(scratch, 'master-key'),
});
let code: number;
try {
  const search = await attachSearch(root, meili);
  await buildSite(search.env);
  await search.reindex();
  const site = await serveDist(join(root, 'dist'));
  try {
    code = await runNode([binPath('playwright'), 'test', ...process.argv.slice(2)], {
      title: 'End-to-end tests in Chromium / 浏览器端到端测试',
      env: { BASE_URL: site.url, MEILI_HOST: meili.host },
    });
  } finally {
    await site.close();
  }
} finally {
  await meili.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);

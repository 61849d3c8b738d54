/**
 * End-to-end tests against the real thing: starts a Meilisearch on a free port with its own
 * data folder, builds the site with a search-only key, indexes the records, serves dist/ and
 * runs Playwright in Chromium. Everything started here is stopped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from './build-site.ts';
import { loadRecords } from './lib/content.ts';
import { ensureSearchKey, publicSearchEnv } from './lib/meili/keys.ts';
import { indexRecords } from './lib/meili/indexer.ts';
import { startMeili } from './lib/meili/server.ts';
import { binPath, root, runNode } from './lib/run-step.ts';
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
  const indexName = 'baigong';
  const searchKey = await ensureSearchKey({
    host: meili.host,
    masterKey: meili.masterKey,
    indexes: [indexName],
  });
  await buildSite(publicSearchEnv({ host: meili.host, searchKey, indexName }));
  const { records } = loadRecords(root);
  const indexed = await indexRecords({
    host: meili.host,
    masterKey: meili.masterKey,
    records,
    root,
    indexName,
  });
  console.log(`indexed ${indexed.documents} documents into ${indexed.indexName}`);
  const site = await serveDist(join(root, 'dist'));
  try {
    code = await runNode([binPath('playwright'), 'test', ...process.argv.slice(2)], {
      title: 'End-to-end tests in Chromium / 浏览器端到端测试',
      env: { BASE_URL: site.url, MEILI_HOST: meili.host, MEILI_SEARCH_KEY: searchKey },
    });
  } finally {
    await site.close();
  }
} finally {
  await meili.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);

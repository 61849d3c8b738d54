/**
 * `npm start`: the whole museum on this machine. Checks the content, ingests the media, starts
 * the embedded Meilisearch, builds the site with the browser's search key, indexes the records
 * and serves everything on http://localhost:4321. Ctrl-C stops it all.
 */
import { buildSite } from './build-site.ts';
import { join } from 'node:path';
import { root, StepError } from './lib/run-step.ts';
import { serveDist, type StaticServer } from './lib/serve-dist.ts';
import { startSearch, type SearchService } from './lib/search-service.ts';

const port = Number(process.env.PORT ?? 4321);
let search: SearchService | undefined;
let site: StaticServer | undefined;

async function shutdown(code: number): Promise<never> {
  await site?.close();
  await search?.server.stop();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0));
}

try {
  search = await startSearch(root);
  await buildSite(search?.env ?? {});
  await search?.reindex();
  site = await serveDist(join(root, 'dist'), port, process.env.HOST ?? '127.0.0.1');
  console.log(`\n百工·云 Baigong Cloud is open at http://localhost:${port}/ (Ctrl-C to stop)`);
  if (search) console.log(`Search server: ${search.server.host}`);
} catch (error) {
  console.error(`\n✗ ${(error as Error).message}`);
  await shutdown(error instanceof StepError ? error.code : 1);
}

/**
 * `npm start`: the whole museum on this machine. Checks the content, ingests the media, starts
 * the embedded Meilisearch, builds the site with the browser's search key, indexes the records
 * and serves everything on http://localhost:4321. Ctrl-C stops it all.
 */
import { buildSite } from './build-site.ts';
import { startPreview, type Preview } from './lib/preview.ts';
import { root, StepError } from './lib/run-step.ts';
import { startSearch, type SearchService } from './lib/search-service.ts';

const port = Number(process.env.PORT ?? 4321);
let search: SearchService | undefined;
let preview: Preview | undefined;

async function shutdown(code: number): Promise<never> {
  await preview?.stop();
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
  preview = await startPreview(port);
  console.log(`\n百工·云 Baigong Cloud is open at http://localhost:${port}/ (Ctrl-C to stop)`);
  if (search) console.log(`Search server: ${search.server.host}`);
} catch (error) {
  console.error(`\n✗ ${(error as Error).message}`);
  await shutdown(error instanceof StepError ? error.code : 1);
}

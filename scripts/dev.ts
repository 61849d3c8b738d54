/**
 * `npm run dev`: live preview for curators. Ingests media, starts the embedded search and
 * indexes the records, then runs Astro's dev server, which reloads pages as records change.
 * Run `npm run ingest` and `npm run index` again after adding media or to refresh search.
 */
import { spawn } from 'node:child_process';
import { dropStaleContentStore } from './lib/content-store.ts';
import { binPath, exitOf, mustRun, root } from './lib/run-step.ts';
import { startSearch } from './lib/search-service.ts';

await mustRun(['scripts/ingest-media.ts'], { title: 'Ingesting media / 处理媒体' });
const search = await startSearch(root);
await search?.reindex();
dropStaleContentStore(root);
const astro = spawn(process.execPath, [binPath('astro'), 'dev', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...search?.env },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => astro.kill(signal));
}
const code = await exitOf(astro);
await search?.server.stop();
process.exit(code);

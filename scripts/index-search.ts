/**
 * `npm run index`: (re)builds the search index from `content/` and swaps it in atomically.
 * Uses MEILI_HOST + MEILI_MASTER_KEY when set, else starts the embedded Meilisearch for the
 * duration of the run. Exits non-zero with Meilisearch's message when indexing fails, or says
 * so when the server went away mid-run (its temporary index is removed by the next run).
 *
 *   npm run index                       # index content/
 *   npm run index -- --content other/   # index another content folder
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandLine } from './lib/command-line.ts';
import { loadRecords } from './lib/content.ts';
import { indexRecords, isServerGone, SearchServerGoneError } from './lib/meili/indexer.ts';
import { DEFAULT_INDEX, ensureSearchKey } from './lib/meili/keys.ts';
import { MeiliUnavailableError, startMeili } from './lib/meili/server.ts';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');

async function main(): Promise<number> {
  const { values } = commandLine(
    { options: { content: { type: 'string' }, index: { type: 'string' } } },
    'usage / 用法: npm run index -- [--content DIR] [--index NAME]',
  );
  const contentDir = resolve(root, values.content ?? 'content');
  const indexName = values.index ?? (process.env['MEILI_INDEX'] || DEFAULT_INDEX);
  const { records, problems } = loadRecords(root, contentDir);
  if (problems.length > 0) {
    console.warn(
      `${problems.length} problem(s) in content (run \`npm run check\` for details); records with errors are not indexed.`,
    );
  }

  let server;
  try {
    server = await startMeili({ root });
  } catch (error) {
    if (error instanceof MeiliUnavailableError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  try {
    console.log(
      `Indexing ${records.length} records into "${indexName}" at ${server.host}${server.embedded ? ' (embedded)' : ''}…`,
    );
    const result = await indexRecords({
      host: server.host,
      masterKey: server.masterKey,
      records,
      indexName,
      root,
      log: (message) => console.log(message),
    });
    await ensureSearchKey({
      host: server.host,
      masterKey: server.masterKey,
      indexes: [indexName],
    }).catch((error: unknown) => {
      throw isServerGone(error) ? new SearchServerGoneError(server.host, error) : error;
    });
    const counts = Object.entries(result.counts)
      .map(([type, n]) => `${type} ${n}`)
      .join(', ');
    console.log(
      `Indexed ${result.documents} documents (${counts || 'none'}) in ${(result.durationMs / 1000).toFixed(1)} s; ` +
        `${result.replaced ? 'swapped in for the previous index' : 'created the index'}. Search-only key ready.`,
    );
    return 0;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `Search indexing failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);

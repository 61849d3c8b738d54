/**
 * The search side of `npm start` and `npm run dev`: a Meilisearch (embedded unless MEILI_HOST
 * is set), the browser's search-only key, and the environment the site is built with. When no
 * Meilisearch can be had, the site still builds and its search page uses the static fallback.
 */
import { ensureSearchKey, publicSearchEnv, DEFAULT_INDEX } from './meili/keys.ts';
import { indexRecords } from './meili/indexer.ts';
import {
  MeiliUnavailableError,
  startMeili,
  type MeiliServer,
  type StartMeiliOptions,
} from './meili/server.ts';
import { loadRecords } from './content.ts';

export interface SearchService {
  server: MeiliServer;
  /** Variables for `astro build` / `astro dev`. */
  env: Record<string, string>;
  /** Re-reads the records and swaps in a fresh index. */
  reindex(): Promise<void>;
}

/**
 * The search side of a long-running command. An embedded Meilisearch that dies is restarted
 * (same port, data and keys, so the built site keeps working); `meili` overrides the defaults
 * (tests: a free port, temporary data, a quick restart).
 */
export async function startSearch(
  root: string,
  meili: Omit<StartMeiliOptions, 'root'> = {},
): Promise<SearchService | undefined> {
  let server: MeiliServer;
  try {
    server = await startMeili({ root, restart: true, ...meili });
  } catch (error) {
    if (!(error instanceof MeiliUnavailableError)) throw error;
    console.warn(
      `\n${error.message}\nThe site is built without live search (static title lookup only).\n`,
    );
    return undefined;
  }
  return attachSearch(root, server);
}

/**
 * The browser's key, the build environment and reindexing for a running server: what
 * `startSearch` sets up, and what tests use with a server of their own (free port, temp data).
 */
export async function attachSearch(root: string, server: MeiliServer): Promise<SearchService> {
  const indexName = process.env.MEILI_INDEX || DEFAULT_INDEX;
  const searchKey = await ensureSearchKey({
    host: server.host,
    masterKey: server.masterKey,
    indexes: [indexName],
  });
  const publicHost = process.env.PUBLIC_MEILI_HOST ?? server.host;
  const reindex = async () => {
    const { records } = loadRecords(root);
    const result = await indexRecords({
      host: server.host,
      masterKey: server.masterKey,
      records,
      root,
      indexName,
    });
    console.log(
      `Search: ${result.documents} records indexed in ${result.durationMs} ms / 已建立检索索引`,
    );
  };
  return { server, env: publicSearchEnv({ host: publicHost, searchKey, indexName }), reindex };
}

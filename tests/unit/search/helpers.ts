/** Helpers of the search tests: a record's document, and a real Meilisearch to search. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { loadRecordFile } from '../../../scripts/lib/content.ts';
import { toSearchDocument } from '../../../src/lib/search/build-document.ts';
import type { Collection } from '../../../src/schemas/index.ts';
import { startMeili, type MeiliServer } from '../../../scripts/lib/meili/server.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/** The document of `content/<collection>/<slug>/index.md`; throws, naming the file, if it does not load. */
export function documentOf(collection: Collection, slug: string) {
  const file = join(root, 'content', collection, slug, 'index.md');
  const loaded = loadRecordFile(root, collection, file);
  if (!loaded.record) throw new Error(`cannot load ${file}: ${JSON.stringify(loaded.problems)}`);
  return toSearchDocument(loaded.record);
}

/** A running throw-away Meilisearch, its folder, an admin client, and how to stop it. */
export interface ThrowawayMeili {
  server: MeiliServer;
  /** Its data folder and key file live here; removed on stop. */
  tmp: string;
  admin: Meilisearch;
  stop: () => Promise<void>;
}

/**
 * The real Meilisearch binary on a free loopback port with a throw-away data folder (named
 * `prefix`…), embedded even when MEILI_HOST is set.
 */
export async function throwawayMeili(prefix: string): Promise<ThrowawayMeili> {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(tmp, { recursive: true, force: true });
  try {
    const server = await startMeili({
      root,
      port: 0,
      dataDir: join(tmp, 'data'),
      keyFile: join(tmp, 'master-key'),
      forceEmbedded: true,
    });
    const admin = new Meilisearch({ host: server.host, apiKey: server.masterKey });
    return { server, tmp, admin, stop: async () => (await server.stop(), remove()) };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * The browser's key. The site is built with a search-only key limited to the project's index,
 * never with the master key. The key has a fixed `uid`, so its value (an HMAC of the uid with
 * the master key) is the same every time for a given master key: reindexing does not change it
 * and a built site keeps working.
 */
import { Meilisearch, MeilisearchApiError, type Key } from 'meilisearch';
import { DEFAULT_INDEX_NAME } from '../../../src/lib/search/config.ts';

/** Fixed uid of the public search key (any UUID v4; never change it once deployed). */
export const SEARCH_KEY_UID = '6f1b3c2e-8a54-4d0b-9c7e-5e2a1f0b7d31';
export const SEARCH_KEY_NAME = 'baigong-public-search';
/** Default name of the live index (the site's default too). */
export const DEFAULT_INDEX = DEFAULT_INDEX_NAME;

export interface EnsureSearchKeyOptions {
  host: string;
  masterKey: string;
  /** Indexes the key may search. Default: [`MEILI_INDEX` or `baigong`]. */
  indexes?: string[];
  /** Override the uid (tests). */
  uid?: string;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Creates the search-only key if it is missing (or recreates it with the same uid, hence the
 * same value, when its indexes or actions differ) and returns its value.
 */
export async function ensureSearchKey(options: EnsureSearchKeyOptions): Promise<string> {
  const client = new Meilisearch({ host: options.host, apiKey: options.masterKey });
  const uid = options.uid ?? SEARCH_KEY_UID;
  const indexes = options.indexes ?? [process.env['MEILI_INDEX'] || DEFAULT_INDEX];
  let existing: Key | undefined;
  try {
    existing = await client.getKey(uid);
  } catch (error) {
    if (!(error instanceof MeilisearchApiError) || error.cause?.code !== 'api_key_not_found') {
      throw error;
    }
  }
  if (existing) {
    const ok =
      sameSet(existing.actions, ['search']) &&
      sameSet(existing.indexes, indexes) &&
      existing.expiresAt === null;
    if (ok) return existing.key;
    await client.deleteKey(uid);
  }
  const created = await client.createKey({
    uid,
    name: SEARCH_KEY_NAME,
    description: 'Public search-only key of Baigong Cloud (safe to ship to browsers).',
    actions: ['search'],
    indexes,
    expiresAt: null,
  });
  return created.key;
}

/** The build-time variables the site reads (see src/lib/search/config.ts). */
export function publicSearchEnv(config: {
  host: string;
  searchKey: string;
  indexName?: string;
}): Record<'PUBLIC_MEILI_HOST' | 'PUBLIC_MEILI_SEARCH_KEY' | 'PUBLIC_MEILI_INDEX', string> {
  return {
    PUBLIC_MEILI_HOST: config.host,
    PUBLIC_MEILI_SEARCH_KEY: config.searchKey,
    PUBLIC_MEILI_INDEX: config.indexName ?? DEFAULT_INDEX,
  };
}

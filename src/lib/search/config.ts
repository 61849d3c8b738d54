/**
 * Public search configuration, fixed at build time from PUBLIC_MEILI_HOST,
 * PUBLIC_MEILI_SEARCH_KEY and PUBLIC_MEILI_INDEX (see scripts/lib/meili/keys.ts,
 * `publicSearchEnv`). Only a search-only key ever gets here. When the host or key is missing
 * the site is built without a search server and the search page uses the static fallback.
 * Not pure: reads the build environment (`import.meta.env`); no Astro content.
 */

export interface SearchConfig {
  /** Meilisearch base URL, e.g. `http://127.0.0.1:7700`. */
  host: string;
  /** Search-only API key. */
  searchKey: string;
  /** Live index name. */
  indexName: string;
}

export const DEFAULT_INDEX_NAME = 'baigong';

/** URL of the static fallback index (built by src/pages/search-fallback.json.ts). */
export const FALLBACK_INDEX_URL = '/search-fallback.json';

type Env = Record<string, string | boolean | undefined>;

function publicEnv(): Env {
  try {
    return ((import.meta as unknown as { env?: Env }).env ?? {}) as Env;
  } catch {
    return {};
  }
}

function text(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The public search configuration, or undefined when the site was built without one. */
export function getSearchConfig(env: Env = publicEnv()): SearchConfig | undefined {
  const host = text(env['PUBLIC_MEILI_HOST']);
  const searchKey = text(env['PUBLIC_MEILI_SEARCH_KEY']);
  if (!host || !searchKey) return undefined;
  return {
    host: host.replace(/\/+$/, ''),
    searchKey,
    indexName: text(env['PUBLIC_MEILI_INDEX']) ?? DEFAULT_INDEX_NAME,
  };
}

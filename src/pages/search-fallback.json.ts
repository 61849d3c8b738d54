/**
 * `/search-fallback.json`: a small static index of titles and names (with pinyin, initials and
 * traditional forms) that the search page uses when the search server cannot be reached; at
 * most FALLBACK_LIMIT records, with the archive's total.
 * Built from the content collections with the same document builder as the search indexer.
 */
import type { APIRoute } from 'astro';
import { allRefs } from '../lib/site/archive.ts';
import { toSearchDocuments } from '../lib/search/build-document.ts';
import { fallbackIndex } from '../lib/search/fallback.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const index = fallbackIndex(toSearchDocuments(await allRefs()));
  return new Response(JSON.stringify(index), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

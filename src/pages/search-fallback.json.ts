/**
 * `/search-fallback.json`: a small static index of titles and names (with pinyin, initials and
 * traditional forms) that the search page uses when the search server cannot be reached.
 * Built from the content collections with the same document builder as the search indexer.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import {
  toFallbackEntry,
  toSearchDocuments,
  type RecordInput,
} from '../../scripts/lib/meili/documents.ts';
import { collections } from '../schemas/index.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const records: RecordInput[] = [];
  for (const collection of collections) {
    const entries = await getCollection(collection);
    for (const entry of entries) {
      records.push({
        collection,
        slug: entry.id,
        data: entry.data,
        body: entry.body,
      } as RecordInput);
    }
  }
  const entries = toSearchDocuments(records).map(toFallbackEntry);
  return new Response(JSON.stringify(entries), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

/**
 * Build-time access to the records through Astro's content collections: lookups by stable ID,
 * reverse links and "related" lists, shared by every page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Collection } from '../schemas/common.ts';

export type Entry<C extends Collection = Collection> = CollectionEntry<C>;
export type AnyEntry = { [C in Collection]: CollectionEntry<C> }[Collection];

const byId = (a: AnyEntry, b: AnyEntry) => a.data.id.localeCompare(b.data.id);

export async function allOf<C extends Collection>(collection: C): Promise<CollectionEntry<C>[]> {
  const entries = (await getCollection(collection)) as CollectionEntry<C>[];
  return entries.sort(byId as (a: CollectionEntry<C>, b: CollectionEntry<C>) => number);
}

export async function allRecords(): Promise<AnyEntry[]> {
  const lists = await Promise.all(
    (['works', 'crafts', 'people', 'clusters', 'exhibitions'] as const).map((c) => allOf(c)),
  );
  return lists.flat() as AnyEntry[];
}

/** Finds records by stable ID in one collection, keeping the order of `ids` and skipping unknown IDs. */
export async function byIds<C extends Collection>(
  collection: C,
  ids: readonly string[],
): Promise<CollectionEntry<C>[]> {
  const entries = await allOf(collection);
  const map = new Map(entries.map((e) => [e.data.id, e]));
  return ids.map((id) => map.get(id)).filter((e): e is CollectionEntry<C> => e !== undefined);
}

/** The display name of any record (works and exhibitions have titles, the rest names). */
export function recordName(entry: AnyEntry): { zh: string; en: string } {
  return 'title' in entry.data ? entry.data.title : entry.data.name;
}

/** Static paths for a collection's detail pages. */
export async function detailPaths<C extends Collection>(collection: C) {
  const entries = await allOf(collection);
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

/** Static paths for the permanent `/id/<ID>/` links of every record. */
export async function permalinkPaths() {
  const entries = await allRecords();
  return entries.map((entry) => ({ params: { id: entry.data.id }, props: { entry } }));
}

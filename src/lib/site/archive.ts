/**
 * Build-time access to the records through Astro's content collections: lookups by stable ID,
 * reverse links and "related" lists, the records in the one record shape (`entryRef`), static
 * paths, shared by every page.
 *
 * Everything computed across the archive (sorted lists, ID maps, reverse links; the related-works
 * index, which needs the media, is in media-data.ts) is computed once per build and looked up by each page, so that a page costs the same
 * however many records there are. `astro dev` recomputes on every request, as records change
 * while it runs.
 * Not pure: reads Astro's content collections (build time only).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { collections, type Collection } from '../records/record-files.ts';
import { byRecordId, type AnyRecordRef } from '../records/record-ref.ts';
import { groupBy } from './group-by.ts';
import type { Lang } from './i18n.ts';
import { recordPath } from './urls.ts';

export type Entry<C extends Collection = Collection> = CollectionEntry<C>;

/** The props of a record type's page component: the entry and the page language. */
export interface RecordPageProps<C extends Collection> {
  entry: CollectionEntry<C>;
  lang: Lang;
}
export type AnyEntry = { [C in Collection]: CollectionEntry<C> }[Collection];

const built = new Map<string, unknown>();

/**
 * `compute()` once per build under `key` (every time in `astro dev`): a promise for what is read
 * from the collections, or a plain value for what is computed at once (a record's pictures).
 */
export function oncePerBuild<T>(key: string, compute: () => T): T {
  if (import.meta.env.DEV) return compute();
  if (built.has(key)) return built.get(key) as T;
  const value = compute();
  built.set(key, value);
  return value;
}

/** Every record of a collection sorted by ID; shared by all pages, so never sort it in place. */
export function allOf<C extends Collection>(collection: C): Promise<readonly CollectionEntry<C>[]> {
  return oncePerBuild(`all:${collection}`, async () =>
    [...(await getCollection(collection))].sort(byRecordId),
  );
}

export function allRecords(): Promise<readonly AnyEntry[]> {
  return oncePerBuild('all', async () => {
    const lists: (readonly AnyEntry[])[] = await Promise.all(collections.map((c) => allOf(c)));
    return lists.flat();
  });
}

function entriesById<C extends Collection>(
  collection: C,
): Promise<ReadonlyMap<string, CollectionEntry<C>>> {
  return oncePerBuild(
    `id:${collection}`,
    async () => new Map((await allOf(collection)).map((e) => [e.data.id, e])),
  );
}

/**
 * An entry in the one record shape the builders take (search documents, JSON-LD, IIIF, open
 * data): Astro's `id` is the record's folder name, its `slug`.
 */
export function entryRef<E extends AnyEntry>(entry: E): E & { slug: string } {
  return { ...entry, slug: entry.id };
}

/** Every record in the one record shape, made once per build. */
export function allRefs(): Promise<readonly AnyRecordRef[]> {
  return oncePerBuild('refs', async () => (await allRecords()).map(entryRef));
}

/** Finds records by stable ID in one collection, keeping the order of `ids` and skipping unknown IDs. */
export async function byIds<C extends Collection>(
  collection: C,
  ids: readonly string[],
): Promise<CollectionEntry<C>[]> {
  const map = await entriesById(collection);
  return ids.map((id) => map.get(id)).filter((e): e is CollectionEntry<C> => e !== undefined);
}

/**
 * The work with stable ID `id`, for a component curators use in MDX: a wrong ID stops the build
 * with a message naming the component.
 */
export async function workFor(component: string, id: string): Promise<CollectionEntry<'works'>> {
  const [work] = await byIds('works', [id]);
  if (!work) throw new Error(`${component}: no work has the ID ${id}`);
  return work;
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

/** The page a record's permanent link forwards to. */
export function permalinkTarget(entry: AnyEntry, lang: Lang): string {
  return recordPath(entry.collection, entry.id, lang);
}

/**
 * Every permanent link's ID and the page it forwards to in each language, from the same paths as
 * the `/id/<ID>/` pages: `{ "BGW-000001": { "zh": "/works/…/", "en": "/en/works/…/" } }`.
 */
export async function permalinkIndex(): Promise<Record<string, Record<Lang, string>>> {
  const paths = await permalinkPaths();
  return Object.fromEntries(
    paths.map(({ params, props: { entry } }) => [
      params.id,
      { zh: permalinkTarget(entry, 'zh'), en: permalinkTarget(entry, 'en') },
    ]),
  );
}

/** Records of `collection` grouped by the IDs `keys` gives for each, computed once per build. */
function grouped<C extends Collection>(
  collection: C,
  name: string,
  keys: (entry: CollectionEntry<C>) => Iterable<string | undefined>,
): Promise<ReadonlyMap<string, readonly CollectionEntry<C>[]>> {
  return oncePerBuild(`group:${collection}:${name}`, async () =>
    groupBy(await allOf(collection), keys),
  );
}

/** Works made with a technique (craft ID), sorted by ID. */
export async function worksWithTechnique(craft: string): Promise<readonly Entry<'works'>[]> {
  return (await grouped('works', 'techniques', (w) => w.data.techniques)).get(craft) ?? [];
}

/** Works one of whose makers is the person, sorted by ID. */
export async function worksByMaker(person: string): Promise<readonly Entry<'works'>[]> {
  const byMaker = await grouped('works', 'makers', (w) => w.data.makers.map((m) => m.person));
  return byMaker.get(person) ?? [];
}

/** People who practise a craft, sorted by ID. */
export async function peopleWithCraft(craft: string): Promise<readonly Entry<'people'>[]> {
  return (await grouped('people', 'crafts', (p) => p.data.crafts)).get(craft) ?? [];
}

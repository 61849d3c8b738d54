/**
 * Build-time glue between Astro's content collections and the pure research builders
 * (citations, JSON-LD, IIIF, open data): records as {@link RecordRef}s, the site address, the
 * media lookup and a name lookup by stable ID.
 */
import { allOf, allRecords, type AnyEntry } from './archive.ts';
import { imageEntry } from './media-data.ts';
import { largestDerivative } from './media-manifest.ts';
import { refImages, refName, toRef, type AnyRecordRef, type RecordRef } from './record-ref.ts';
import type { Collection } from '../schemas/index.ts';

/** The site's public address (astro.config `site`). */
export function siteUrl(site: URL | undefined): URL {
  return site ?? new URL('http://localhost:4321');
}

export function entryRef(entry: AnyEntry): AnyRecordRef {
  return toRef(entry as Parameters<typeof toRef>[0]) as AnyRecordRef;
}

export async function allRefs(): Promise<AnyRecordRef[]> {
  return (await allRecords()).map(entryRef);
}

export async function refsOf<C extends Collection>(collection: C): Promise<RecordRef<C>[]> {
  return (await allOf(collection)).map((e) => entryRef(e as AnyEntry) as unknown as RecordRef<C>);
}

/** Names of all records by stable ID, for links in JSON-LD. */
export async function nameLookup(): Promise<
  (id: string) => { zh: string; en: string } | undefined
> {
  const names = new Map((await allRefs()).map((ref) => [ref.data.id, refName(ref)]));
  return (id) => names.get(id);
}

export function researchContext(site: URL | undefined) {
  return { site: siteUrl(site), image: imageEntry };
}

/** Root-relative URL of the image for link previews (og:image): the record's first processed image. */
export function ogImagePath(entry: AnyEntry): string | undefined {
  const ref = entryRef(entry);
  for (const img of refImages(ref)) {
    const media = imageEntry(ref.collection, ref.slug, img.file);
    const best = media ? (largestDerivative(media, 'jpeg') ?? largestDerivative(media)) : undefined;
    if (best) return best.url;
  }
  return undefined;
}

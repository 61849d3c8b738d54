/**
 * Build-time glue between Astro's content collections and the pure research builders
 * (citations, JSON-LD, IIIF, open data): the records of a collection, the site address, the media
 * lookup and a name lookup by stable ID.
 * Not pure: reads Astro's content collections and generated/media.json (build time only).
 */
import { allRefs, entryRef, oncePerBuild, type AnyEntry } from '../site/archive.ts';
import { imageEntry } from '../site/media-data.ts';
import { largestDerivative } from '../records/media-manifest.ts';
import { latestChange } from './open-data.ts';
import { namesById, recordsOf, refImages, type RecordName } from '../records/record-ref.ts';
import type { Collection } from '../../schemas/index.ts';

/** The site's public address (astro.config `site`). */
export function siteUrl(site: URL | undefined): URL {
  return site ?? new URL('http://localhost:4321');
}

/** The records of one collection in the one record shape. */
export async function refsOf<C extends Collection>(collection: C) {
  return recordsOf(await allRefs(), collection);
}

/**
 * Names of all records by stable ID, for links in JSON-LD. The map is made once per build (every
 * record page asks for it).
 */
export async function nameLookup(): Promise<(id: string) => RecordName | undefined> {
  const names = await oncePerBuild('names', async () => namesById(await allRefs()));
  return (id) => names.get(id);
}

/**
 * The day of the latest change to any record (YYYY-MM-DD): the date the monitoring reports give
 * their figures as of. Found once per build, not by each report page.
 */
export function archiveAsOf(): Promise<string> {
  return oncePerBuild('archive-as-of', async () =>
    latestChange(await allRefs())
      .toISOString()
      .slice(0, 10),
  );
}

export function researchContext(site: URL | undefined) {
  return { site: siteUrl(site), image: imageEntry };
}

/** The response of a `/data/…csv` route: CSV text, UTF-8. */
export function csvTextResponse(csv: string): Response {
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
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

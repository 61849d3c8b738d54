/**
 * A record as the research exports see it: its collection, folder name (slug) and validated data.
 * Astro's content entries (`entry.id` is the slug) and `scripts/lib/content.ts` records
 * (`record.slug`) both convert to it, so one pure builder serves pages, endpoints and tests.
 * Pure and light: no Node imports, no vocabularies, so client scripts may import it too.
 */
import type { Collection, RecordData } from '../schemas/index.ts';
import type { ImageEntry } from './media-manifest.ts';
import type { Lang } from './vocabularies.ts';

export interface RecordRef<C extends Collection = Collection> {
  collection: C;
  slug: string;
  data: RecordData[C];
}

export type AnyRecordRef = { [C in Collection]: RecordRef<C> }[Collection];

/** From an Astro content entry (`id` is the folder name) or a loaded record (`slug`). */
export function toRef<C extends Collection>(
  entry: { collection: C; data: RecordData[C] } & ({ id: string } | { slug: string }),
): RecordRef<C> {
  const slug = 'slug' in entry ? entry.slug : entry.id;
  return { collection: entry.collection, slug, data: entry.data };
}

/** The record's name in both languages (works and exhibitions have titles, the rest names). */
export function refName(ref: AnyRecordRef): { zh: string; en: string } {
  const data = ref.data;
  return 'title' in data ? data.title : { zh: data.name.zh, en: data.name.en };
}

/** Name in one language. */
export function refNameIn(ref: AnyRecordRef, lang: Lang): string {
  return refName(ref)[lang];
}

/** One or two sentences about the record, when it has them. */
export function refSummary(ref: AnyRecordRef): { zh: string; en: string } | undefined {
  const data = ref.data;
  if ('summary' in data && data.summary) return data.summary;
  if ('introduction' in data) return data.introduction;
  return undefined;
}

/** Date of the last substantive change (the added date when never changed). */
export function refModified(ref: AnyRecordRef): Date {
  return ref.data.modified ?? ref.data.added;
}

/** A date as YYYY-MM-DD, in UTC (record dates are calendar dates stored as UTC midnight). */
export function ymd(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The license key of a record's text and data: works state one, other records use the site's. */
export const DEFAULT_RECORD_LICENSE = 'CC-BY-4.0';

export function refLicense(ref: AnyRecordRef): string {
  return ref.collection === 'works' ? ref.data.rights.license : DEFAULT_RECORD_LICENSE;
}

/** The site's name, who publishes every record. */
export const SITE_NAME = { zh: '百工·云', en: 'Baigong Cloud' } as const;

/** Absolute URL of a site path. */
export function absolute(path: string, site: string | URL): string {
  return new URL(path, site).href;
}

/** Finds the ingest's entry for a master (pages pass `imageEntry` from media-data.ts). */
export type ImageLookup = (
  collection: Collection,
  slug: string,
  file: string,
) => ImageEntry | undefined;

/** An image of a record as listed in its frontmatter. */
export type RecordImage = RecordData['works']['images'][number];

/** The images a record lists, cover first for exhibitions. */
export function refImages(ref: AnyRecordRef): RecordImage[] {
  if (ref.collection === 'exhibitions') {
    const { cover, images } = ref.data;
    return cover ? [cover, ...images.filter((i) => i.file !== cover.file)] : images;
  }
  return ref.data.images;
}

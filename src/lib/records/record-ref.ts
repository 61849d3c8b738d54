/**
 * A record in the one shape every output is built from (pages, search documents, JSON-LD, IIIF,
 * citations, open data): its collection, folder name (slug), validated data and, when the reader
 * has it, its body. `loadRecords` (scripts/lib/content.ts) gives records in this shape, extended
 * with their file; the site's Astro entries take it through `entryRef` (src/lib/site/archive.ts).
 * Names, summaries, dates, licence and images of a record are read here and nowhere else.
 * Pure and light: no Node imports, no vocabularies, so client scripts may import it too.
 */
import type { Collection, RecordData } from '../../schemas/index.ts';
import type { ImageEntry } from './media-manifest.ts';
import type { Lang } from './vocabularies.ts';

export interface RecordRef<C extends Collection = Collection> {
  collection: C;
  /** Folder name, used in page addresses. */
  slug: string;
  data: RecordData[C];
  /** The MDX or Markdown body, when the reader has it (search documents use it). */
  body?: string | undefined;
}

export type AnyRecordRef = { [C in Collection]: RecordRef<C> }[Collection];

/** Records in the order of their stable IDs: the order of every list the site makes. */
export function byRecordId(a: { data: { id: string } }, b: { data: { id: string } }): number {
  return a.data.id.localeCompare(b.data.id);
}

/** The records of one collection, typed as such. */
export function recordsOf<C extends Collection>(
  records: readonly AnyRecordRef[],
  collection: C,
): Extract<AnyRecordRef, { collection: C }>[] {
  return records.filter(
    (record): record is Extract<AnyRecordRef, { collection: C }> =>
      record.collection === collection,
  );
}

/** A record's name in both languages. */
export type RecordName = { zh: string; en: string };

/**
 * The record's name in both languages (works and exhibitions have titles, the rest names). Takes
 * anything with a record's data, so an Astro entry needs no conversion for it.
 */
export function refName(ref: Pick<AnyRecordRef, 'data'>): RecordName {
  const data = ref.data;
  return 'title' in data ? data.title : { zh: data.name.zh, en: data.name.en ?? data.name.zh };
}

/** Name in one language. */
export function refNameIn(ref: Pick<AnyRecordRef, 'data'>, lang: Lang): string {
  return refName(ref)[lang];
}

/** The names of `records` by stable ID, for naming the records a record links to. */
export function namesById(records: readonly Pick<AnyRecordRef, 'data'>[]): Map<string, RecordName> {
  return new Map(records.map((record) => [record.data.id, refName(record)]));
}

/** One or two sentences about the record, when it has them. */
export function refSummary(
  ref: Pick<AnyRecordRef, 'data'>,
): { zh: string; en: string } | undefined {
  const data = ref.data;
  if ('summary' in data && data.summary) return data.summary;
  if ('introduction' in data) return data.introduction;
  return undefined;
}

/** Date of the last substantive change (the added date when never changed). */
export function refModified(ref: Pick<AnyRecordRef, 'data'>): Date {
  return ref.data.modified ?? ref.data.added;
}

/** A date as YYYY-MM-DD, in UTC (record dates are calendar dates stored as UTC midnight). */
export function ymd(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The license key of a record's text and data: works state one, other records use the site's. */
export const DEFAULT_RECORD_LICENSE = 'CC-BY-4.0';

export function refLicense(ref: Pick<AnyRecordRef, 'data'>): string {
  return 'rights' in ref.data ? ref.data.rights.license : DEFAULT_RECORD_LICENSE;
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

/**
 * Record → search document. Pure (no I/O): the indexer (scripts/lib/meili/indexer.ts), the static
 * fallback index (src/pages/search-fallback.json.ts) and the tests all make documents here, so
 * there is one way to make a document.
 */
import { colourFamilyOf } from '../colour/families.ts';
import { findHeritageItem } from '../records/ich.ts';
import {
  derivativesOf,
  getMedia,
  isImageEntry,
  type MediaManifest,
} from '../records/media-manifest.ts';
import { nameSyllables } from '../records/person-names.ts';
import {
  namesById,
  refImages,
  refLicense,
  refName,
  refSummary,
  type AnyRecordRef,
  type RecordImage,
} from '../records/record-ref.ts';
import { provinceOf } from '../records/regions.ts';
import { recordPath } from '../site/urls.ts';
import { findTerm, type VocabularyName } from '../records/vocabularies.ts';
import { hasHan, namePinyin, pinyinForms, traditionalForms } from './chinese-forms.ts';
import type { SearchDocument } from './document.ts';
import { compact, unique } from './lists.ts';
import { plainText, trimText } from './plain-text.ts';
import {
  nameOf,
  recordFields,
  type DocumentContext,
  type FilmTranscript,
  type RecordFields,
} from './record-fields.ts';

export type { DocumentContext, FilmTranscript };

/** A context with the names of all `records`, so documents can name their related records. */
export function contextFor(
  records: readonly AnyRecordRef[],
  media?: MediaManifest,
  more: Omit<DocumentContext, 'names' | 'media'> = {},
): DocumentContext {
  return { names: namesById(records), media, ...more };
}

/** Smallest WebP derivative of a record image, when the media ingest has processed it. */
export function thumbnailOf(
  record: AnyRecordRef,
  file: string,
  media: MediaManifest | undefined,
): { url: string; colour?: { zh: string; en: string } } | undefined {
  if (!media?.items) return undefined;
  const entry = getMedia(media, record.collection, record.slug, file);
  if (!isImageEntry(entry)) return undefined;
  const smallest =
    derivativesOf(entry, 'webp')[0] ?? [...entry.derivatives].sort((a, b) => a.width - b.width)[0];
  if (!smallest) return undefined;
  // the object's own main colour where the ingest could tell it from the background
  const colour = (entry.tags?.object?.palette[0] ?? entry.tags?.dominant)?.name;
  return { url: smallest.url, ...(colour ? { colour } : {}) };
}

/**
 * A record's first listed image and its thumbnail for search, with the colour the index gives the
 * record (the browse-by-colour page counts by the same colour, so its counts are search's).
 */
export function firstThumbnail(record: AnyRecordRef, media: MediaManifest | undefined) {
  const image = refImages(record)[0];
  return { image, thumb: image ? thumbnailOf(record, image.file, media) : undefined };
}

function sortTitleEn(title: string): string {
  return title
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .trim();
}

/** The facets that are a vocabulary term: its key and its labels in both languages. */
type TermField = 'category' | 'period' | 'ethnic_group' | 'case_kind';

/**
 * The term `key` of `vocabulary` under `field`, `field_zh` and `field_en`, or nothing when the
 * record has none. `Pick` keeps the three names checked against `SearchDocument`.
 */
function termFields<F extends TermField>(
  field: F,
  vocabulary: VocabularyName,
  key: string | undefined,
): Partial<Pick<SearchDocument, F | `${F}_zh` | `${F}_en`>> {
  const term = key ? findTerm(vocabulary, key) : undefined;
  if (!term) return {};
  return { [field]: term.key, [`${field}_zh`]: term.zh, [`${field}_en`]: term.en } as Pick<
    SearchDocument,
    F | `${F}_zh` | `${F}_en`
  >;
}

/**
 * The fields a record may lack (vocabulary terms, cluster, dates, thumbnail), each set on a typed
 * object (the terms through `termFields`), so a renamed field fails the type check here too.
 */
function optionalFields(
  f: RecordFields,
  ctx: DocumentContext,
  thumb: ReturnType<typeof thumbnailOf>,
  image: RecordImage | undefined,
): Partial<SearchDocument> {
  const doc: Partial<SearchDocument> = {
    ...termFields('category', 'craftCategories', f.category),
    ...termFields('period', 'periods', f.period),
    ...termFields('ethnic_group', 'ethnicGroups', f.ethnicGroup),
    ...termFields('case_kind', 'caseKinds', f.caseKind),
  };
  if (f.cluster) {
    doc.cluster = f.cluster;
    const cluster = nameOf(ctx, f.cluster);
    if (cluster) {
      doc.cluster_zh = cluster.zh;
      doc.cluster_en = cluster.en ?? cluster.zh;
    }
  }
  if (f.date) {
    doc.date_start = f.date.start;
    doc.date_end = f.date.end;
    if (f.date.display) {
      doc.date_display_zh = f.date.display.zh;
      doc.date_display_en = f.date.display.en;
    }
  }
  if (f.objectType) {
    doc.objectType = f.objectType.id;
    doc.objectType_zh = f.objectType.zh;
    doc.objectType_en = f.objectType.en;
  }
  if (thumb && image) {
    doc.thumbnail = thumb.url;
    doc.thumbnail_alt_zh = image.alt.zh;
    doc.thumbnail_alt_en = image.alt.en;
  }
  return doc;
}

/** Province codes of the record's places (a county or city resolves to its province). */
function provincesOf(f: RecordFields) {
  const codes = unique([
    ...f.provinceCodes,
    ...compact(f.regions.map((r) => provinceOf(r.code)?.code)),
  ]);
  return compact(codes.map((code) => provinceOf(code)));
}

/**
 * A picture's named colour as the document gives it: its names and its family's labels, all
 * searchable (a reader may type 绿 or green), and the colour and family facets per language.
 */
function colourFields(
  colour: { zh: string; en: string } | undefined,
): Pick<
  SearchDocument,
  'colours' | 'colour_zh' | 'colour_en' | 'colour_family' | 'colour_family_zh' | 'colour_family_en'
> {
  if (!colour) return { colours: [] };
  const family = colourFamilyOf(colour.zh);
  return {
    colours: unique([colour.zh, colour.en, ...(family ? [family.zh, family.en] : [])]),
    colour_zh: colour.zh,
    colour_en: colour.en,
    ...(family
      ? { colour_family: family.key, colour_family_zh: family.zh, colour_family_en: family.en }
      : {}),
  };
}

/** The films' caption cues as the document's parallel transcript lists. */
function transcriptFields(
  films: readonly FilmTranscript[],
): Pick<SearchDocument, 'transcript' | 'transcript_at' | 'transcript_film' | 'transcript_films'> {
  const cues = films.flatMap((film, n) => film.cues.map((cue) => ({ ...cue, film: n })));
  return {
    transcript: cues.map((cue) => cue.text),
    transcript_at: cues.map((cue) => cue.start),
    transcript_film: cues.map((cue) => cue.film),
    transcript_films: films.map((film) => film.anchor),
  };
}

/** One search document for one record. */
export function toSearchDocument(record: AnyRecordRef, ctx: DocumentContext = {}): SearchDocument {
  const f = recordFields(record, ctx);
  const title = refName(record);
  const summary = refSummary(record) ?? { zh: '', en: '' };
  const { image, thumb } = firstThumbnail(record, ctx.media);
  const zhNames = unique([title.zh, ...f.otherNames.filter(hasHan)]);
  const { pinyin, initials } = namePinyin(zhNames, f.pinyinGiven, f.personName);
  const materials = compact(f.materials.map((m) => findTerm('materials', m)));
  const provinces = provincesOf(f);
  const titlePinyin = f.personName
    ? pinyinForms(title.zh, (run) => nameSyllables(run))
    : pinyinForms(title.zh);
  const designations = compact((f.designations ?? []).map((k) => findTerm('caseDesignations', k)));
  const doc: SearchDocument = {
    id: record.data.id,
    type: record.collection,
    slug: record.slug,
    url_zh: recordPath(record.collection, record.slug, 'zh'),
    url_en: recordPath(record.collection, record.slug, 'en'),
    title_zh: title.zh,
    title_en: title.en,
    otherNames: f.otherNames,
    concepts_zh: f.conceptLabels.zh,
    concepts_en: f.conceptLabels.en,
    title_traditional: unique(zhNames.flatMap(traditionalForms)),
    pinyin,
    initials,
    summary_zh: summary.zh,
    summary_en: summary.en,
    summary_traditional: traditionalForms(summary.zh)[0] ?? '',
    body: trimText(plainText(record.body ?? ''), ctx.bodyLimit ?? 4000),
    ...transcriptFields(ctx.transcripts?.get(record.data.id) ?? []),
    materials: materials.map((m) => m.key),
    materials_zh: materials.map((m) => m.zh),
    materials_en: materials.map((m) => m.en),
    province: provinces.map((p) => p.code),
    province_zh: provinces.map((p) => p.zh),
    province_en: provinces.map((p) => p.en),
    place_zh: unique(f.regions.map((r) => r.place.zh)),
    place_en: unique(f.regions.map((r) => r.place.en)),
    heritage: f.heritage,
    batch: f.batches,
    designation_zh: designations.map((d) => d.zh),
    designation_en: designations.map((d) => d.en),
    heritage_label: f.heritage.map((code) => {
      const item = findHeritageItem(code);
      return item ? `${code} ${item.name}` : code;
    }),
    related_zh: unique(f.related.map((n) => n.zh)),
    related_en: unique(compact(f.related.map((n) => n.en))),
    tags: f.tags,
    ...colourFields(thumb?.colour),
    hasModel: f.hasModel,
    photographed: thumb && image?.illustration !== true ? 1 : 0,
    // Every record type, as its JSON-LD and open data state it (works their own, others the site's).
    license: refLicense(record),
    sort_title_zh: titlePinyin ? titlePinyin.spaced : title.zh.toLowerCase(),
    sort_title_en: sortTitleEn(title.en),
  };
  return { ...doc, ...optionalFields(f, ctx, thumb, image) };
}

/** Documents for all records (related names resolved among them). */
export function toSearchDocuments(
  records: readonly AnyRecordRef[],
  media?: MediaManifest,
  more: Omit<DocumentContext, 'names' | 'media'> = {},
): SearchDocument[] {
  const ctx = contextFor(records, media, more);
  return records.map((record) => toSearchDocument(record, ctx));
}

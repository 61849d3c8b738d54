/**
 * Record → search document. Pure (no I/O): the indexer, the static fallback index and the tests
 * all make documents here, so there is one way to make a document.
 *
 * Chinese as readers type it: Meilisearch segments Chinese but does not match pinyin, and
 * traditional-script queries find simplified text poorly. So each document also carries the
 * pinyin (spaced, joined, two- and three-syllable words) and initials of its Chinese names, and
 * the traditional-script forms of its Chinese text.
 */
import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Collection, RecordData } from '../../../src/schemas/index.ts';
import { findHeritageItem } from '../../../src/lib/ich.ts';
import {
  derivativesOf,
  getMedia,
  isImageEntry,
  type MediaManifest,
} from '../../../src/lib/media-manifest.ts';
import { provinceOf } from '../../../src/lib/regions.ts';
import { recordPath } from '../../../src/lib/urls.ts';
import { findTerm } from '../../../src/lib/vocabularies.ts';

/** A record as loadRecords() or Astro's getCollection() gives it. */
export type RecordInput = {
  [C in Collection]: {
    collection: C;
    slug: string;
    data: RecordData[C];
    body?: string | undefined;
  };
}[Collection];

export interface SearchDocument {
  /** Stable record ID (BGW-000123), the primary key. */
  id: string;
  type: Collection;
  slug: string;
  url_zh: string;
  url_en: string;
  title_zh: string;
  title_en: string;
  /** Other names (any script). */
  otherNames: string[];
  /** Traditional-script forms of the title and other names. */
  title_traditional: string[];
  /** Pinyin of the Chinese title and other names: spaced, joined, and 2–3 syllable words. */
  pinyin: string[];
  /** Initials of the Chinese title and other names (广彩 → gc). */
  initials: string[];
  summary_zh: string;
  summary_en: string;
  summary_traditional: string;
  /** Plain text of the body (markup removed), trimmed. */
  body: string;
  category?: string;
  category_zh?: string;
  category_en?: string;
  materials: string[];
  materials_zh: string[];
  materials_en: string[];
  period?: string;
  period_zh?: string;
  period_en?: string;
  /** Province codes (GB/T 2260). */
  province: string[];
  province_zh: string[];
  province_en: string[];
  place_zh: string[];
  place_en: string[];
  cluster?: string;
  cluster_zh?: string;
  cluster_en?: string;
  /** National heritage list codes (VIII-97). */
  heritage: string[];
  /** `VIII-97 广彩瓷烧制技艺`, for facet labels. */
  heritage_label: string[];
  /** Makers, techniques, curators, applicants: names of related people and crafts. */
  related_zh: string[];
  related_en: string[];
  tags: string[];
  /** Dominant colour names of the first image (from the media ingest), when known. */
  colours: string[];
  hasModel: boolean;
  license?: string;
  date_start?: number;
  date_end?: number;
  date_display_zh?: string;
  date_display_en?: string;
  /** Pinyin of the Chinese title, for sorting in Chinese. */
  sort_title_zh: string;
  /** Lower-case English title without a leading article, for sorting in English. */
  sort_title_en: string;
  /** Smallest WebP derivative of the first image. */
  thumbnail?: string;
  thumbnail_alt_zh?: string;
  thumbnail_alt_en?: string;
}

export interface DocumentContext {
  /** Names of records by stable ID (for clusters, techniques, makers). */
  names?: ReadonlyMap<string, { zh: string; en?: string | undefined }>;
  /** generated/media.json, when the ingest has run. */
  media?: MediaManifest | undefined;
  /** Longest body text kept, in characters. Default 4000. */
  bodyLimit?: number;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

let toTw: ((text: string) => string) | undefined;
let toHk: ((text: string) => string) | undefined;

/** Traditional-script forms of `text` (Taiwan and Hong Kong standards), without repeats. */
export function traditionalForms(text: string): string[] {
  if (!HAS_HAN.test(text)) return [];
  toTw ??= Converter({ from: 'cn', to: 'tw' });
  toHk ??= Converter({ from: 'cn', to: 'hk' });
  return unique([toTw(text), toHk(text)].filter((form) => form !== text));
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function compact<T>(values: (T | undefined | null | false | '')[]): T[] {
  return values.filter(Boolean) as T[];
}

export interface PinyinForms {
  /** `guang cai ren wu` */
  spaced: string;
  /** `guangcairenwu` (one per run of Chinese characters) */
  joined: string[];
  /** `guangcai cairen renwu guangcairen cairenwu` */
  words: string;
  /** `gcrw` (one per run) */
  initials: string[];
}

/** Pinyin of the Chinese characters in `text` (other characters are ignored). */
export function pinyinForms(text: string): PinyinForms | undefined {
  const runs = text.match(HAN);
  if (!runs) return undefined;
  const spaced: string[] = [];
  const joined: string[] = [];
  const words: string[] = [];
  const initials: string[] = [];
  for (const run of runs) {
    // `v: true` writes ü as v (lv, nv), which is how it is typed on a keyboard.
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) =>
      s.toLowerCase(),
    );
    spaced.push(syllables.join(' '));
    joined.push(syllables.join(''));
    initials.push(syllables.map((s) => s[0] ?? '').join(''));
    for (const size of [2, 3]) {
      if (syllables.length <= size) continue;
      for (let i = 0; i + size <= syllables.length; i++) {
        words.push(syllables.slice(i, i + size).join(''));
      }
    }
  }
  return { spaced: spaced.join(' '), joined, words: words.join(' '), initials };
}

/** Plain text of an MDX / Markdown body: no imports, components, tags, links or markup. */
export function plainText(body: string): string {
  return body
    .replace(/^\s*(import|export)\s.*$/gm, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_~`|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function trimText(text: string, limit: number): string {
  const chars = [...text];
  if (chars.length <= limit) return text;
  const cut = chars.slice(0, limit).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > limit * 0.8 ? cut.slice(0, space) : cut}…`;
}

function sortTitleEn(title: string): string {
  return title
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .trim();
}

interface Common {
  title: { zh: string; en: string };
  otherNames: string[];
  /** Extra pinyin source (a person's own pinyin). */
  pinyinGiven?: string;
  summary: { zh: string; en: string };
  category?: string;
  materials: string[];
  period?: string;
  regions: { code: string; place: { zh: string; en: string } }[];
  provinceCodes: string[];
  cluster?: string;
  heritage: string[];
  related: { zh: string; en?: string | undefined }[];
  tags: string[];
  hasModel: boolean;
  license?: string;
  date?: { start: number; end: number; display?: { zh: string; en: string } | undefined };
  image?: { file: string; alt: { zh: string; en: string } };
}

function nameOf(
  ctx: DocumentContext,
  id: string | undefined,
): { zh: string; en?: string | undefined } | undefined {
  return id ? ctx.names?.get(id) : undefined;
}

function commonFields(record: RecordInput, ctx: DocumentContext): Common {
  const related = (ids: string[]) => compact(ids.map((id) => nameOf(ctx, id)));
  switch (record.collection) {
    case 'works': {
      const d = record.data;
      return {
        title: d.title,
        otherNames: d.otherNames,
        summary: d.summary ?? { zh: '', en: '' },
        category: d.category,
        materials: d.materials,
        period: d.period,
        regions: d.region ? [d.region] : [],
        provinceCodes: [],
        ...(d.cluster ? { cluster: d.cluster } : {}),
        heritage: d.heritage,
        related: [
          ...related(d.techniques),
          ...d.makers.flatMap((m) => compact([m.name, nameOf(ctx, m.person)])),
          ...(d.holding ? [d.holding.institution] : []),
        ],
        tags: d.tags,
        hasModel: d.models.length > 0,
        license: d.rights.license,
        date: d.date,
        ...(d.images[0] ? { image: d.images[0] } : {}),
      };
    }
    case 'crafts': {
      const d = record.data;
      return {
        title: d.name,
        otherNames: unique([...d.otherNames, ...compact(d.heritage.map((h) => h.name))]),
        summary: d.summary,
        category: d.category,
        materials: d.materials,
        regions: d.regions,
        provinceCodes: [],
        heritage: d.heritage.map((h) => h.code),
        related: [...d.tools, ...related(d.relatedWorks)],
        tags: [],
        hasModel: false,
        ...(d.images[0] ? { image: d.images[0] } : {}),
      };
    }
    case 'people': {
      const d = record.data;
      const born = d.life?.born;
      const died = d.life?.died;
      return {
        title: d.name,
        otherNames: [],
        pinyinGiven: d.name.pinyin,
        summary: d.summary,
        materials: [],
        regions: d.region ? [d.region] : [],
        provinceCodes: [],
        heritage: [],
        related: [...related(d.crafts), ...d.honours.map((h) => h.title)],
        tags: [],
        hasModel: false,
        ...(born !== undefined || died !== undefined
          ? { date: { start: born ?? died ?? 0, end: died ?? born ?? 0 } }
          : {}),
        ...(d.images[0] ? { image: d.images[0] } : {}),
      };
    }
    case 'clusters': {
      const d = record.data;
      return {
        title: d.name,
        otherNames: [],
        summary: d.introduction,
        materials: [],
        regions: [
          { code: d.region.county ?? d.region.city ?? d.region.province, place: d.region.place },
        ],
        provinceCodes: [d.region.province],
        heritage: [],
        related: [d.applicant, ...related(d.crafts), ...related(d.people)],
        tags: [],
        hasModel: false,
        ...(d.images[0] ? { image: d.images[0] } : {}),
      };
    }
    case 'exhibitions': {
      const d = record.data;
      const start = d.dates.start.getUTCFullYear();
      const end = d.dates.end?.getUTCFullYear() ?? start;
      const image = d.cover ?? d.images[0];
      return {
        title: d.title,
        otherNames: d.subtitle ? [d.subtitle.zh, d.subtitle.en] : [],
        summary: d.summary,
        materials: [],
        regions: [],
        provinceCodes: [],
        heritage: [],
        related: [d.curator, ...related(d.works)],
        tags: [],
        hasModel: false,
        date: { start, end },
        ...(image ? { image } : {}),
      };
    }
  }
}

/** The display name of a record (title or name), for lookups between records. */
export function recordName(record: RecordInput): { zh: string; en: string } {
  return record.collection === 'works' || record.collection === 'exhibitions'
    ? record.data.title
    : record.data.name;
}

/** A context with the names of all `records`, so documents can name their related records. */
export function contextFor(
  records: readonly RecordInput[],
  media?: MediaManifest,
): DocumentContext {
  const names = new Map<string, { zh: string; en?: string }>();
  for (const record of records) names.set(record.data.id, recordName(record));
  return { names, media };
}

/** Smallest WebP derivative of a record image, when the media ingest has processed it. */
export function thumbnailOf(
  record: RecordInput,
  file: string,
  media: MediaManifest | undefined,
): { url: string; colour?: { zh: string; en: string } } | undefined {
  if (!media?.items) return undefined;
  const entry = getMedia(media, record.collection, record.slug, file);
  if (!isImageEntry(entry)) return undefined;
  const smallest =
    derivativesOf(entry, 'webp')[0] ?? [...entry.derivatives].sort((a, b) => a.width - b.width)[0];
  if (!smallest) return undefined;
  const colour = entry.tags?.dominant?.name;
  return { url: smallest.url, ...(colour ? { colour } : {}) };
}

/** One search document for one record. */
export function toSearchDocument(record: RecordInput, ctx: DocumentContext = {}): SearchDocument {
  const c = commonFields(record, ctx);
  const zhNames = unique([c.title.zh, ...c.otherNames.filter((n) => HAS_HAN.test(n))]);
  const pinyin: string[] = [];
  const initials: string[] = [];
  for (const name of zhNames) {
    const forms = pinyinForms(name);
    if (!forms) continue;
    pinyin.push(forms.spaced, ...forms.joined);
    if (forms.words) pinyin.push(forms.words);
    initials.push(...forms.initials);
  }
  if (c.pinyinGiven) {
    const plain = c.pinyinGiven.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    pinyin.push(plain, plain.replace(/[\s'-]+/g, ''));
  }
  const category = c.category ? findTerm('craftCategories', c.category) : undefined;
  const materials = compact(c.materials.map((m) => findTerm('materials', m)));
  const period = c.period ? findTerm('periods', c.period) : undefined;
  const provinces = unique([
    ...c.provinceCodes,
    ...compact(c.regions.map((r) => provinceOf(r.code)?.code)),
  ]);
  const provinceTerms = compact(provinces.map((code) => provinceOf(code)));
  const cluster = nameOf(ctx, c.cluster);
  const license = c.license ? findTerm('licenses', c.license) : undefined;
  const thumb = c.image ? thumbnailOf(record, c.image.file, ctx.media) : undefined;
  const forms = pinyinForms(c.title.zh);

  const doc: SearchDocument = {
    id: record.data.id,
    type: record.collection,
    slug: record.slug,
    url_zh: recordPath(record.collection, record.slug, 'zh'),
    url_en: recordPath(record.collection, record.slug, 'en'),
    title_zh: c.title.zh,
    title_en: c.title.en,
    otherNames: c.otherNames,
    title_traditional: unique(zhNames.flatMap(traditionalForms)),
    pinyin: unique(pinyin),
    initials: unique(initials),
    summary_zh: c.summary.zh,
    summary_en: c.summary.en,
    summary_traditional: traditionalForms(c.summary.zh)[0] ?? '',
    body: trimText(plainText(record.body ?? ''), ctx.bodyLimit ?? 4000),
    materials: materials.map((m) => m.key),
    materials_zh: materials.map((m) => m.zh),
    materials_en: materials.map((m) => m.en),
    province: provinceTerms.map((p) => p.code),
    province_zh: provinceTerms.map((p) => p.zh),
    province_en: provinceTerms.map((p) => p.en),
    place_zh: unique(c.regions.map((r) => r.place.zh)),
    place_en: unique(c.regions.map((r) => r.place.en)),
    heritage: c.heritage,
    heritage_label: c.heritage.map((code) => {
      const item = findHeritageItem(code);
      return item ? `${code} ${item.name}` : code;
    }),
    related_zh: unique(c.related.map((n) => n.zh)),
    related_en: unique(compact(c.related.map((n) => n.en))),
    tags: c.tags,
    colours: thumb?.colour ? [thumb.colour.zh, thumb.colour.en] : [],
    hasModel: c.hasModel,
    sort_title_zh: forms ? forms.spaced : c.title.zh.toLowerCase(),
    sort_title_en: sortTitleEn(c.title.en),
  };
  if (category) {
    doc.category = category.key;
    doc.category_zh = category.zh;
    doc.category_en = category.en;
  }
  if (period) {
    doc.period = period.key;
    doc.period_zh = period.zh;
    doc.period_en = period.en;
  }
  if (c.cluster) {
    doc.cluster = c.cluster;
    if (cluster) {
      doc.cluster_zh = cluster.zh;
      doc.cluster_en = cluster.en ?? cluster.zh;
    }
  }
  if (license) doc.license = license.key;
  if (c.date) {
    doc.date_start = c.date.start;
    doc.date_end = c.date.end;
    if (c.date.display) {
      doc.date_display_zh = c.date.display.zh;
      doc.date_display_en = c.date.display.en;
    }
  }
  if (thumb && c.image) {
    doc.thumbnail = thumb.url;
    doc.thumbnail_alt_zh = c.image.alt.zh;
    doc.thumbnail_alt_en = c.image.alt.en;
  }
  return doc;
}

/** Documents for all records (related names resolved among them). */
export function toSearchDocuments(
  records: readonly RecordInput[],
  media?: MediaManifest,
): SearchDocument[] {
  const ctx = contextFor(records, media);
  return records.map((record) => toSearchDocument(record, ctx));
}

/** An entry of the small static index used when the search server cannot be reached. */
export interface FallbackEntry {
  id: string;
  type: Collection;
  url_zh: string;
  url_en: string;
  title_zh: string;
  title_en: string;
  /** Joined pinyin of the title and other names (guangcai…). */
  pinyin: string[];
  initials: string[];
  traditional: string[];
  otherNames: string[];
}

export function toFallbackEntry(doc: SearchDocument): FallbackEntry {
  return {
    id: doc.id,
    type: doc.type,
    url_zh: doc.url_zh,
    url_en: doc.url_en,
    title_zh: doc.title_zh,
    title_en: doc.title_en,
    // Only the space-free forms: the client matches with substrings.
    pinyin: unique(doc.pinyin.filter((p) => !p.includes(' '))),
    initials: doc.initials,
    traditional: doc.title_traditional,
    otherNames: doc.otherNames,
  };
}

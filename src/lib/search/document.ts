/**
 * What a search document is, defined once: its fields, and every list of field names the search
 * uses — what Meilisearch searches, filters, sorts, ranks by and shows (scripts/lib/meili/settings.ts), what
 * the search page asks of each hit and marks in it, and the facets with their URL parameters.
 * Each list is checked against `SearchDocument`, so renaming a field breaks the type check
 * wherever it is listed.
 *
 * Types and constant lists only: the search island imports this, so it must stay light (the
 * builder, with its pinyin and script converters, is `build-document.ts`).
 * Pure.
 */
import type { Collection } from '../../schemas/index.ts';
import type { Lang } from '../records/vocabularies.ts';

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
  /** Object type (thesaurus concept ID) and its labels, for the object-type facet. */
  objectType?: string;
  objectType_zh?: string;
  objectType_en?: string;
  /** Labels of the object type, its broader types and the work's other thesaurus concepts. */
  concepts_zh: string[];
  concepts_en: string[];
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
  /** The caption cues of the record's films, each a moment a search can open the film at. */
  transcript: string[];
  /** Where each cue of `transcript` starts, seconds into its film. */
  transcript_at: number[];
  /** Which film each cue of `transcript` is in: an index into `transcript_films`. */
  transcript_film: number[];
  /** The anchors of the record's films on its page, for links into a film (`?t=6#film-…`). */
  transcript_films: string[];
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
  /** Batches of the national list a person was named a representative inheritor in (1–6). */
  batch: number[];
  /** Ethnic group (GB/T 3304 romanisation, lower case), where a person's source gives it. */
  ethnic_group?: string;
  ethnic_group_zh?: string;
  ethnic_group_en?: string;
  /** A typical case's kind (case-kinds.json) and its labels, for the case-kind facet. */
  case_kind?: string;
  case_kind_zh?: string;
  case_kind_en?: string;
  /** Labels of a typical case's official designations (case-designations.json). */
  designation_zh: string[];
  designation_en: string[];
  /** `VIII-97 广彩瓷烧制技艺`, for facet labels. */
  heritage_label: string[];
  /** Makers, techniques, curators, applicants: names of related people and crafts. */
  related_zh: string[];
  related_en: string[];
  tags: string[];
  /** Colour names of the first image (its object's main colour, else the whole picture's), when known. */
  colours: string[];
  /** That colour's name in the palette (`colour-names.json`), per language: the colour-name facet. */
  colour_zh?: string;
  colour_en?: string;
  /** Its family (`colour-families.json` key) and the family's labels: the colour facet. */
  colour_family?: string;
  colour_family_zh?: string;
  colour_family_en?: string;
  hasModel: boolean;
  /** License key of the record's text and data, as its JSON-LD and open data state it. */
  license: string;
  date_start?: number;
  date_end?: number;
  date_display_zh?: string;
  date_display_en?: string;
  /** Pinyin of the Chinese title, for sorting in Chinese. */
  sort_title_zh: string;
  /** Lower-case English title without a leading article, for sorting in English. */
  sort_title_en: string;
  /**
   * 1 when the first image is a processed photograph (not an illustration): ranks such records
   * first among equal matches (`rankingRules`).
   */
  photographed: number;
  /** Smallest WebP derivative of the first image. */
  thumbnail?: string;
  thumbnail_alt_zh?: string;
  thumbnail_alt_en?: string;
}

export type SearchField = keyof SearchDocument;

/** Attributes searched, most important first (Meilisearch ranks matches in earlier ones higher). */
// Pinyin and initials come right after the Chinese title: a reader typing `guangcai` means 广彩
// itself, which must outrank English titles reached only through a synonym (famille rose).
export const searchableAttributes = [
  'title_zh',
  'pinyin',
  'initials',
  'title_en',
  'title_traditional',
  'otherNames',
  'concepts_zh',
  'concepts_en',
  'id',
  'summary_zh',
  'summary_en',
  'summary_traditional',
  'heritage_label',
  'category_zh',
  'category_en',
  'materials_zh',
  'materials_en',
  'period_zh',
  'period_en',
  'date_display_zh',
  'date_display_en',
  'province_zh',
  'province_en',
  'place_zh',
  'place_en',
  'cluster_zh',
  'cluster_en',
  'related_zh',
  'related_en',
  'tags',
  'colours',
  'transcript',
  'body',
] as const satisfies readonly SearchField[];

/** Facet fields both filtered on and shown: the national list, people, cases, models, licence. */
const LIST_AND_CASE_FACETS = [
  'heritage',
  'heritage_label',
  'batch',
  'ethnic_group',
  'ethnic_group_zh',
  'ethnic_group_en',
  'case_kind',
  'case_kind_zh',
  'case_kind_en',
  'designation_zh',
  'designation_en',
  'hasModel',
  'license',
] as const satisfies readonly SearchField[];

/** The colour facets: a family (green) and a named colour (豆青), each per language. */
const COLOUR_FACETS = [
  'colour_family',
  'colour_family_zh',
  'colour_family_en',
  'colour_zh',
  'colour_en',
] as const satisfies readonly SearchField[];

/** Facets and filters. */
export const filterableAttributes = [
  'type',
  'objectType',
  'objectType_zh',
  'objectType_en',
  'category',
  'materials',
  'period',
  'province',
  'province_zh',
  'province_en',
  'cluster',
  ...LIST_AND_CASE_FACETS,
  ...COLOUR_FACETS,
  'date_start',
  'date_end',
] as const satisfies readonly SearchField[];

export const sortableAttributes = [
  'date_start',
  'date_end',
  'sort_title_zh',
  'sort_title_en',
] as const satisfies readonly SearchField[];

/** Meilisearch's built-in ranking rules. */
type BuiltInRankingRule = 'words' | 'typo' | 'proximity' | 'attribute' | 'sort' | 'exactness';

/**
 * Meilisearch's default rules, then `photographed`: among equally good matches (and when browsing
 * without a query) records with a photograph come first.
 */
export const rankingRules = [
  'words',
  'typo',
  'proximity',
  'attribute',
  'sort',
  'exactness',
  'photographed:desc',
] as const satisfies readonly (BuiltInRankingRule | `${SearchField}:${'asc' | 'desc'}`)[];
/** A record's dates and thumbnail: shown to the browser, and on every result card. */
const DATES_AND_THUMBNAIL = [
  'date_start',
  'date_end',
  'date_display_zh',
  'date_display_en',
  'thumbnail',
  'thumbnail_alt_zh',
  'thumbnail_alt_en',
] as const satisfies readonly SearchField[];

/**
 * What a hit needs to open a film at the moment a caption matched: the cue's time and film (the
 * matched cue's index comes from Meilisearch's `_matchesPosition` on `transcript`).
 */
const TRANSCRIPT_MOMENTS = [
  'transcript_at',
  'transcript_film',
  'transcript_films',
] as const satisfies readonly SearchField[];

/** Fields returned to the browser (the pinyin and traditional helper fields are not). */
export const displayedAttributes = [
  'id',
  'type',
  'slug',
  'url_zh',
  'url_en',
  'title_zh',
  'title_en',
  'otherNames',
  'objectType',
  'objectType_zh',
  'objectType_en',
  'summary_zh',
  'summary_en',
  'body',
  // displayed so that `_matchesPosition` reports the matched cue; hits do not retrieve it
  'transcript',
  ...TRANSCRIPT_MOMENTS,
  'category',
  'category_zh',
  'category_en',
  'materials',
  'materials_zh',
  'materials_en',
  'period',
  'period_zh',
  'period_en',
  'province',
  'province_zh',
  'province_en',
  'place_zh',
  'place_en',
  'cluster',
  'cluster_zh',
  'cluster_en',
  ...LIST_AND_CASE_FACETS,
  ...COLOUR_FACETS,
  ...DATES_AND_THUMBNAIL,
] as const satisfies readonly SearchField[];

export type SearchableAttribute = (typeof searchableAttributes)[number];
export type FilterableAttribute = (typeof filterableAttributes)[number];
export type SortableAttribute = (typeof sortableAttributes)[number];
export type DisplayedAttribute = (typeof displayedAttributes)[number];

/** What the search page asks of each hit: the fields of a result card (all shown to the browser). */
export const HIT_ATTRIBUTES = [
  'id',
  'type',
  'url_zh',
  'url_en',
  'title_zh',
  'title_en',
  'summary_zh',
  'summary_en',
  'category',
  'period_zh',
  'period_en',
  ...DATES_AND_THUMBNAIL,
  'hasModel',
  ...TRANSCRIPT_MOMENTS,
] as const satisfies readonly DisplayedAttribute[];

export type HitAttribute = (typeof HIT_ATTRIBUTES)[number];

/** A search result as the search page receives it. */
export type SearchHit = Pick<SearchDocument, HitAttribute>;

/** The hit fields shown with the matched words marked. */
export const HIGHLIGHT_ATTRIBUTES = [
  'title_zh',
  'title_en',
  'summary_zh',
  'summary_en',
] as const satisfies readonly HitAttribute[];

export interface FacetDefinition {
  /** URL parameter (`?material=porcelain`). */
  param: string;
  /** The attribute refined, or one per language (labels that are words, not codes). */
  attribute: FilterableAttribute | Readonly<Record<Lang, FilterableAttribute>>;
  /** Many values: the page shows the first few and a "show more" button. */
  manyValues: boolean;
}

/** The search page's facets, in the order they are shown. */
export const FACETS = [
  { param: 'type', attribute: 'type', manyValues: false },
  { param: 'object', attribute: { zh: 'objectType_zh', en: 'objectType_en' }, manyValues: true },
  { param: 'category', attribute: 'category', manyValues: true },
  { param: 'material', attribute: 'materials', manyValues: true },
  { param: 'period', attribute: 'period', manyValues: true },
  { param: 'province', attribute: { zh: 'province_zh', en: 'province_en' }, manyValues: true },
  {
    param: 'colour',
    attribute: { zh: 'colour_family_zh', en: 'colour_family_en' },
    manyValues: true,
  },
  { param: 'shade', attribute: { zh: 'colour_zh', en: 'colour_en' }, manyValues: true },
  { param: 'heritage', attribute: 'heritage_label', manyValues: true },
  { param: 'batch', attribute: 'batch', manyValues: false },
  {
    param: 'ethnic',
    attribute: { zh: 'ethnic_group_zh', en: 'ethnic_group_en' },
    manyValues: true,
  },
  { param: 'kind', attribute: { zh: 'case_kind_zh', en: 'case_kind_en' }, manyValues: false },
  {
    param: 'designation',
    attribute: { zh: 'designation_zh', en: 'designation_en' },
    manyValues: true,
  },
  { param: 'model', attribute: 'hasModel', manyValues: false },
  { param: 'license', attribute: 'license', manyValues: false },
] as const satisfies readonly FacetDefinition[];

export type Facet = (typeof FACETS)[number];
export type FacetParam = Facet['param'];

/** The attribute a facet refines on a page in `lang`. */
export function facetAttribute(facet: FacetDefinition, lang: Lang): FilterableAttribute {
  return typeof facet.attribute === 'string' ? facet.attribute : facet.attribute[lang];
}

/** The facet refining `attribute` (in either language), if any. */
export function facetOf(attribute: string): Facet | undefined {
  return FACETS.find((facet: FacetDefinition) =>
    typeof facet.attribute === 'string'
      ? facet.attribute === attribute
      : Object.values(facet.attribute).includes(attribute as FilterableAttribute),
  );
}

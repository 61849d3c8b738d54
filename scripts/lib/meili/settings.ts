/**
 * Index settings: what is searched (titles and names first, body text last), what can be
 * filtered and sorted, synonyms from the curators' data file, and typo tolerance.
 */
import type { Settings } from 'meilisearch';
import synonymsFile from '../../../src/data/search/synonyms.json' with { type: 'json' };

export interface SynonymGroup {
  terms: string[];
  note?: string;
}

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
  'body',
] as const;

/** Facets and filters. */
export const filterableAttributes = [
  'type',
  'category',
  'materials',
  'period',
  'province',
  'province_zh',
  'province_en',
  'cluster',
  'heritage',
  'heritage_label',
  'hasModel',
  'license',
  'date_start',
  'date_end',
] as const;

export const sortableAttributes = [
  'date_start',
  'date_end',
  'sort_title_zh',
  'sort_title_en',
] as const;

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
  'summary_zh',
  'summary_en',
  'body',
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
  'heritage',
  'heritage_label',
  'hasModel',
  'license',
  'date_start',
  'date_end',
  'date_display_zh',
  'date_display_en',
  'thumbnail',
  'thumbnail_alt_zh',
  'thumbnail_alt_en',
] as const;

/** The curators' synonym groups (`src/data/search/synonyms.json`). */
export const synonymGroups: SynonymGroup[] = synonymsFile.groups;

/** Meilisearch's synonym map: every term of a group → the other terms of its group(s). */
export function synonymMap(
  groups: readonly SynonymGroup[] = synonymGroups,
): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...new Set(group.terms.map((t) => t.trim()).filter(Boolean))];
    for (const term of terms) {
      const key = term.toLowerCase();
      const others = map.get(key) ?? new Set<string>();
      for (const other of terms) if (other.toLowerCase() !== key) others.add(other);
      map.set(key, others);
    }
  }
  return Object.fromEntries([...map].map(([term, others]) => [term, [...others]]));
}

export function searchSettings(groups: readonly SynonymGroup[] = synonymGroups): Settings {
  return {
    searchableAttributes: [...searchableAttributes],
    filterableAttributes: [...filterableAttributes],
    sortableAttributes: [...sortableAttributes],
    displayedAttributes: [...displayedAttributes],
    synonyms: synonymMap(groups),
    // Chinese words are one to four characters: below five characters a word must match
    // exactly (so 广彩 never finds 广绣), while longer pinyin such as `guangcia` may have one
    // typo and words of nine letters or more two. Initials, codes and years are always exact.
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: ['initials', 'id', 'heritage_label'],
      disableOnNumbers: true,
    },
    // Segment Chinese fields as Chinese and English fields as English, whatever the detector
    // would guess from a short string (traditional characters alone can look like Japanese).
    localizedAttributes: [
      {
        attributePatterns: ['*_zh', 'title_traditional', 'summary_traditional', 'heritage_label'],
        locales: ['cmn'],
      },
      { attributePatterns: ['*_en', 'pinyin', 'initials'], locales: ['eng'] },
    ],
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
    // The page never searches inside facet values, so skip building that structure (faster indexing).
    facetSearch: false,
    pagination: { maxTotalHits: 2000 },
    searchCutoffMs: 500,
  };
}

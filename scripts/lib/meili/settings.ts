/**
 * Index settings: what is searched (titles and names first, body text last), what can be
 * filtered and sorted, how matches are ranked (photographed records first among equal matches),
 * synonyms generated from the thesaurus (src/data/thesaurus/), and typo tolerance. The attribute
 * lists and ranking rules are part of the document's definition, in src/lib/search/document.ts.
 */
import type { Settings } from 'meilisearch';
import {
  displayedAttributes,
  filterableAttributes,
  rankingRules,
  searchableAttributes,
  sortableAttributes,
  type SearchableAttribute,
} from '../../../src/lib/search/document.ts';
import { thesaurusSynonymGroups, type SynonymGroup } from '../../../src/lib/thesaurus/search.ts';
import type { Lang } from '../../../src/lib/records/vocabularies.ts';

export type { SynonymGroup };

/** The synonym groups, one per thesaurus concept: the thesaurus is their only source. */
export const synonymGroups: SynonymGroup[] = thesaurusSynonymGroups();

/**
 * Meilisearch's synonym map: every term of a group → the other terms of its group(s), and the
 * group's one-way terms (narrower concepts), which do not lead back.
 */
export function synonymMap(
  groups: readonly SynonymGroup[] = synonymGroups,
): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  const clean = (list: readonly string[] = []) => [
    ...new Set(list.map((t) => t.trim()).filter(Boolean)),
  ];
  for (const group of groups) {
    const terms = clean(group.terms);
    const oneWay = clean(group.oneWay);
    for (const term of terms) {
      const key = term.toLowerCase();
      const others = map.get(key) ?? new Set<string>();
      for (const other of [...terms, ...oneWay]) if (other.toLowerCase() !== key) others.add(other);
      map.set(key, others);
    }
  }
  return Object.fromEntries([...map].map(([term, others]) => [term, [...others]]));
}

/** A searched attribute, or all attributes of one language (`*_zh`). */
type AttributePattern = SearchableAttribute | `*_${Lang}`;

export function searchSettings(groups: readonly SynonymGroup[] = synonymGroups): Settings {
  return {
    rankingRules: [...rankingRules],
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
      disableOnAttributes: ['initials', 'id', 'heritage_label'] satisfies SearchableAttribute[],
      disableOnNumbers: true,
    },
    // Segment Chinese fields as Chinese and English fields as English, whatever the detector
    // would guess from a short string (traditional characters alone can look like Japanese).
    localizedAttributes: [
      {
        attributePatterns: [
          '*_zh',
          'title_traditional',
          'summary_traditional',
          'heritage_label',
        ] satisfies AttributePattern[],
        locales: ['cmn'],
      },
      {
        attributePatterns: ['*_en', 'pinyin', 'initials'] satisfies AttributePattern[],
        locales: ['eng'],
      },
    ],
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
    // The page never searches inside facet values, so skip building that structure (faster indexing).
    facetSearch: false,
    // Result counts are exact up to this many (Meilisearch's default is 1,000): the archive is
    // designed for 100,000 records, and "2000 results" for a browse of 2,720 would be untrue.
    pagination: { maxTotalHits: 100_000 },
    searchCutoffMs: 500,
  };
}

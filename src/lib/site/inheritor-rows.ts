/**
 * One line per national representative inheritor, as lists show it — people index, craft,
 * region and cluster pages — and as the people index's filter script receives it
 * (`/people/inheritors.json`). Pure and light (no vocabularies, no Node), so the filter script
 * and the pages format a line the same way.
 */
import type { Lang } from './i18n.ts';
import { recordPath } from './urls.ts';

export interface InheritorRow {
  /** Record slug: the page is /people/<slug>/. */
  slug: string;
  zh: string;
  en: string;
  /** The item as listed (Chinese) and the linked craft's English name. */
  item: { zh: string; en: string };
  /** The person's region, where known. */
  place?: { zh: string; en: string } | undefined;
  /** `VII` traditional fine arts, `VIII` traditional craftsmanship. */
  category: 'VII' | 'VIII';
  batch: number;
  year?: number | undefined;
  /** Province code (GB/T 2260). */
  province?: string | undefined;
  /** Ethnic group key (ethnic-groups.json). */
  ethnic?: string | undefined;
}

/** The filters of the people index, as URL parameters and list-item data attributes. */
export const PEOPLE_FILTERS = ['category', 'batch', 'province', 'ethnic'] as const;
export type PeopleFilter = (typeof PEOPLE_FILTERS)[number];

/** The values a row offers to each filter. */
export function rowFilters(row: InheritorRow): Record<PeopleFilter, string> {
  return {
    category: row.category,
    batch: String(row.batch),
    province: row.province ?? '',
    ethnic: row.ethnic ?? '',
  };
}

/** The line under a name: item · place · batch (year); `show` leaves out what a list shares. */
export function rowMeta(
  row: InheritorRow,
  lang: Lang,
  show: { item?: boolean; place?: boolean } = {},
): string {
  const batch =
    lang === 'zh'
      ? `第${row.batch}批${row.year ? `（${row.year}年）` : ''}`
      : `batch ${row.batch}${row.year ? ` (${row.year})` : ''}`;
  const item = show.item === false ? [] : [row.item[lang]];
  const place = show.place === false || !row.place ? [] : [row.place[lang]];
  return [...item, ...place, batch].join(' · ');
}

/** The page of a row's person. */
export function rowPath(row: InheritorRow, lang: Lang): string {
  return recordPath('people', row.slug, lang);
}

/**
 * Monitoring indicators of a cluster, computed from the archive at build time: the national
 * list's regional entries and items in its area, their inheritors by batch, typical cases by
 * kind, works, their pictures, and records added per year. A record is in a cluster's area when
 * its GB/T 2260 code lies inside the cluster's most specific division. Pure: the caller passes
 * the records in, reduced to what is counted.
 */
import { termLabel } from '../records/vocabularies.ts';

/** A division's code without its trailing pairs of zeros: 445100 → 4451, 440000 → 44. */
export const areaPrefix = (code: string) => code.replace(/(00)+$/, '');

/** The division a cluster covers: the most specific one its region names. */
export function clusterArea(region: {
  province: string;
  city?: string | undefined;
  county?: string | undefined;
}): string {
  return region.county ?? region.city ?? region.province;
}

/** Whether `code` lies inside the division `area` (itself or one of its parts). */
export function withinArea(area: string, code: string | undefined): boolean {
  if (code === undefined) return false;
  const prefix = areaPrefix(area);
  return code.startsWith(prefix) && areaPrefix(code).length >= prefix.length;
}

/** What the indicators count, reduced from the records. */
export interface Countable {
  /** Regional entries of the archive's crafts: entry number, item code, place. */
  entries: { entry: string; item: string; region?: string | undefined }[];
  /** National inheritors: list batch and place. */
  inheritors: { batch: number; region?: string | undefined }[];
  /** Typical cases: kind and most specific place. */
  cases: { kind: string; region?: string | undefined }[];
  /** Works: place, number of pictures, date added (YYYY-MM-DD). */
  works: { region?: string | undefined; pictures: number; added: string }[];
}

export interface ClusterIndicators {
  /** National items with at least one regional entry in the area. */
  items: number;
  /** Regional entries in the area. */
  entries: number;
  /** Inheritors in the area, by batch (ascending). */
  inheritorsByBatch: [batch: number, count: number][];
  /** Typical cases in the area, by kind (most first). */
  casesByKind: [kind: string, count: number][];
  /** Works from the area. */
  works: number;
  /** Pictures of those works. */
  pictures: number;
  /** Works from the area by the year they were added to the archive (ascending). */
  worksAddedByYear: [year: string, count: number][];
}

function counted<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The indicators of the cluster whose area is the division `area`. */
export function clusterIndicators(area: string, records: Countable): ClusterIndicators {
  const inside = <T extends { region?: string | undefined }>(list: T[]) =>
    list.filter((r) => withinArea(area, r.region));
  const entries = inside(records.entries);
  const works = inside(records.works);
  return {
    items: new Set(entries.map((e) => e.item)).size,
    entries: new Set(entries.map((e) => e.entry)).size,
    inheritorsByBatch: [...counted(inside(records.inheritors).map((i) => i.batch))].sort(
      (a, b) => a[0] - b[0],
    ),
    casesByKind: [...counted(inside(records.cases).map((c) => c.kind))].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    ),
    works: works.length,
    pictures: works.reduce((n, w) => n + w.pictures, 0),
    worksAddedByYear: [...counted(works.map((w) => w.added.slice(0, 4)))].sort((a, b) =>
      a[0].localeCompare(b[0]),
    ),
  };
}

/** One cluster with its indicators: a row of the national overview and of its CSV. */
export interface ClusterRow {
  id: string;
  name: { zh: string; en: string };
  /** The cluster's folder name: its page is /clusters/<slug>/. */
  slug: string;
  /** GB/T 2260 code of the division the cluster covers. */
  area: string;
  indicators: ClusterIndicators;
}

/** The headline counts of a cluster, in the order its table, the charts and the CSV give them. */
export const HEADLINES = ['items', 'entries', 'inheritors', 'cases', 'works', 'pictures'] as const;
export type Headline = (typeof HEADLINES)[number];

/** What each headline count means, in both languages (the English one also describes the CSV column). */
export const headlineLabels: Record<Headline, { zh: string; en: string }> = {
  items: { zh: '国家级非遗代表性项目', en: 'National heritage items' },
  entries: { zh: '国家级名录地区子项', en: 'Regional entries on the national list' },
  inheritors: { zh: '国家级代表性传承人', en: 'National representative inheritors' },
  cases: { zh: '典型案例', en: 'Typical cases' },
  works: { zh: '作品', en: 'Works' },
  pictures: { zh: '作品图像', en: 'Pictures of works' },
};

const total = (pairs: readonly [unknown, number][]) => pairs.reduce((n, [, count]) => n + count, 0);

/** The headline counts of one cluster's indicators. */
export function headlines(i: ClusterIndicators): Record<Headline, number> {
  return {
    items: i.items,
    entries: i.entries,
    inheritors: total(i.inheritorsByBatch),
    cases: total(i.casesByKind),
    works: i.works,
    pictures: i.pictures,
  };
}

/** The breakdowns of a cluster's indicators: what its charts draw and its report's CSV lists. */
export const SERIES = {
  'inheritors-by-batch': {
    zh: '国家级代表性传承人（按批次）',
    en: 'National representative inheritors, by batch',
  },
  'cases-by-kind': { zh: '典型案例（按类型）', en: 'Typical cases, by kind' },
  'works-added-by-year': { zh: '作品入库（按年份）', en: 'Works added, by year' },
} as const;
export type Series = keyof typeof SERIES;

/** One part of a breakdown: its key (batch, kind, year), its label in both languages, its count. */
export interface BreakdownRow {
  series: Series;
  key: string;
  zh: string;
  en: string;
  count: number;
}

/** Every breakdown of `i`, series by series, each in the order of the indicators. */
export function breakdownRows(i: ClusterIndicators): BreakdownRow[] {
  return [
    ...i.inheritorsByBatch.map(([batch, count]) => ({
      series: 'inheritors-by-batch' as const,
      key: String(batch),
      zh: `第${batch}批`,
      en: `Batch ${batch}`,
      count,
    })),
    ...i.casesByKind.map(([kind, count]) => ({
      series: 'cases-by-kind' as const,
      key: kind,
      zh: termLabel('caseKinds', kind, 'zh'),
      en: termLabel('caseKinds', kind, 'en'),
      count,
    })),
    ...i.worksAddedByYear.map(([year, count]) => ({
      series: 'works-added-by-year' as const,
      key: year,
      zh: year,
      en: year,
      count,
    })),
  ];
}

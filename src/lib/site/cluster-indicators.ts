/**
 * Monitoring indicators of a cluster, computed from the archive at build time: the national
 * list's regional entries and items in its area, their inheritors by batch, typical cases by
 * kind, works, their pictures, and records added per year. A record is in a cluster's area when
 * its GB/T 2260 code lies inside the cluster's most specific division. Pure: the caller passes
 * the records in, reduced to what is counted.
 */

/** A division's code without its trailing pairs of zeros: 445100 → 4451, 440000 → 44. */
export const areaPrefix = (code: string) => code.replace(/(00)+$/, '');

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

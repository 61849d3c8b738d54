/**
 * The people of the archive as the pages need them, computed once per build: the national
 * representative inheritors with what the people index filters on, and lookups by craft,
 * regional entry, province and cluster (people by craft and works by maker: archive.ts). A thousand
 * person pages and five hundred craft pages ask for these; none of them scans every person or work
 * again.
 * Not pure: reads Astro's content collections (build time only).
 */
import { allOf, oncePerBuild, type Entry } from './archive.ts';
import { withinArea } from './cluster-indicators.ts';
import type { InheritorRow } from './inheritor-rows.ts';
import { nameSyllables } from '../records/person-names.ts';
import { provinceOf } from '../records/regions.ts';

/** A national representative inheritor: one designation naming an item of the national list. */
export interface Inheritor {
  entry: Entry<'people'>;
  /** Record slug (folder name). */
  slug: string;
  /** `VII` (traditional fine arts) or `VIII` (traditional craftsmanship). */
  category: 'VII' | 'VIII';
  /** Batch of the list (1–6) and year it was announced. */
  batch: number;
  year: number | undefined;
  /** Item code, regional entry and listed name. */
  heritage: { code: string; entry?: string | undefined; name: string };
  /** Province code (GB/T 2260) of the person's region, if known. */
  province: string | undefined;
  ethnicGroup: string | undefined;
  /** Surname-aware pinyin of the name, for sorting. */
  sortKey: string;
  /** The line lists show (inheritor-rows.ts). */
  row: InheritorRow;
}

export interface PeopleIndex {
  /** Every inheritor, in pinyin order of the Chinese name. */
  inheritors: Inheritor[];
  /** Inheritors by craft record ID. */
  byCraft: Map<string, Inheritor[]>;
  /** Inheritors by regional entry number. */
  byEntry: Map<string, Inheritor[]>;
  /** Inheritors by province code. */
  byProvince: Map<string, Inheritor[]>;
  /** Inheritors by cluster ID: those whose region lies in the cluster's area. */
  byCluster: Map<string, Inheritor[]>;
}

/** Inheritors on one page of the people index (the filter script searches them all). */
export const INHERITORS_PER_PAGE = 100;

/** Static paths of the people index's further pages (/people/page/2/ …); page 1 is /people/. */
export async function inheritorPagePaths() {
  const count = Math.ceil((await peopleIndex()).inheritors.length / INHERITORS_PER_PAGE);
  return Array.from({ length: Math.max(0, count - 1) }, (_, i) => ({
    params: { page: String(i + 2) },
  }));
}

/** The index, built on first use in a build and shared by every page after. */
export function peopleIndex(): Promise<PeopleIndex> {
  return oncePerBuild('people-index', buildIndex);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Names = Map<string, { zh: string; en: string }>;

/** The person as a national inheritor (their designation naming a list item), if they are one. */
export function inheritorOf(entry: Entry<'people'>, craftNames: Names): Inheritor | undefined {
  const d = entry.data;
  const listed = d.designations.find((h) => h.heritage && h.batch !== undefined);
  if (!listed?.heritage || listed.batch === undefined) return undefined;
  const category = listed.heritage.code.startsWith('VIII') ? 'VIII' : 'VII';
  const province = d.region ? provinceOf(d.region.code)?.code : undefined;
  const craft = d.crafts.map((id) => craftNames.get(id)).find((n) => n !== undefined);
  return {
    entry,
    slug: entry.id,
    category,
    batch: listed.batch,
    year: listed.year,
    heritage: listed.heritage,
    province,
    ethnicGroup: d.ethnicGroup,
    sortKey: nameSyllables(d.name.zh, d.ethnicGroup).join(' '),
    row: {
      slug: entry.id,
      zh: d.name.zh,
      en: d.name.en,
      item: { zh: listed.heritage.name, en: craft?.en ?? listed.heritage.code },
      place: d.region?.place,
      category,
      batch: listed.batch,
      year: listed.year,
      province,
      ethnic: d.ethnicGroup,
    },
  };
}

async function buildIndex(): Promise<PeopleIndex> {
  const craftNames: Names = new Map((await allOf('crafts')).map((c) => [c.data.id, c.data.name]));
  const people = await allOf('people');
  const inheritors = people
    .map((person) => inheritorOf(person, craftNames))
    .filter((i): i is Inheritor => i !== undefined)
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.slug.localeCompare(b.slug));
  const index: PeopleIndex = {
    inheritors,
    byCraft: new Map(),
    byEntry: new Map(),
    byProvince: new Map(),
    byCluster: new Map(),
  };
  for (const inheritor of inheritors) {
    for (const craft of inheritor.entry.data.crafts) push(index.byCraft, craft, inheritor);
    if (inheritor.heritage.entry) push(index.byEntry, inheritor.heritage.entry, inheritor);
    if (inheritor.province) push(index.byProvince, inheritor.province, inheritor);
  }
  const clusters = await allOf('clusters');
  for (const cluster of clusters) {
    const r = cluster.data.region;
    const area = r.county ?? r.city ?? r.province;
    const inArea = inheritors.filter((i) => withinArea(area, i.entry.data.region?.code));
    index.byCluster.set(cluster.data.id, inArea);
  }
  return index;
}

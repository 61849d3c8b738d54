/**
 * Records grouped by province, for the schematic grid and the region pages.
 * Not pure: reads Astro's content collections (build time only).
 */
import { allOf, oncePerBuild } from './archive.ts';
import { provinceOf, provinces } from '../records/regions.ts';

export interface ProvinceRecords {
  code: string;
  works: string[];
  crafts: string[];
  people: string[];
  clusters: string[];
}

/**
 * Record IDs per province code (only provinces with records appear). Computed once per build:
 * the home page, the cluster pages and every region page ask for it.
 */
export function recordsByProvince(): Promise<Map<string, ProvinceRecords>> {
  return oncePerBuild('records-by-province', groupByProvince);
}

async function groupByProvince(): Promise<Map<string, ProvinceRecords>> {
  const map = new Map<string, ProvinceRecords>();
  const add = (
    code: string | undefined,
    kind: 'works' | 'crafts' | 'people' | 'clusters',
    id: string,
  ) => {
    const province = code ? provinceOf(code)?.code : undefined;
    if (!province) return;
    const entry = map.get(province) ?? {
      code: province,
      works: [],
      crafts: [],
      people: [],
      clusters: [],
    };
    if (!entry[kind].includes(id)) entry[kind].push(id);
    map.set(province, entry);
  };
  for (const w of await allOf('works')) add(w.data.region?.code, 'works', w.data.id);
  for (const c of await allOf('crafts'))
    for (const r of c.data.regions) add(r.code, 'crafts', c.data.id);
  for (const p of await allOf('people')) add(p.data.region?.code, 'people', p.data.id);
  for (const c of await allOf('clusters')) add(c.data.region.province, 'clusters', c.data.id);
  return map;
}

export function recordCount(r: ProvinceRecords | undefined): number {
  return r ? r.works.length + r.crafts.length + r.people.length + r.clusters.length : 0;
}

/** A region page for every province that has records. */
export async function regionPaths() {
  const map = await recordsByProvince();
  return provinces.filter((p) => map.has(p.code)).map((p) => ({ params: { code: p.code } }));
}

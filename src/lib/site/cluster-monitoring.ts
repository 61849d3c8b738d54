/**
 * Every cluster's monitoring indicators, computed once per build from the archive (cluster pages
 * look theirs up). Not pure: reads Astro's content collections (build time only).
 */
import type { CollectionEntry } from 'astro:content';
import { allOf, oncePerBuild } from './archive.ts';
import {
  clusterArea,
  clusterIndicators,
  withinArea,
  type ClusterIndicators,
  type ClusterRow,
  type Countable,
} from './cluster-indicators.ts';
import { picturesOf } from './media-data.ts';
import { peopleIndex } from './people-index.ts';

/** Each cluster's indicators by cluster ID, looked up by the cluster pages. */
export function indicatorsByCluster(): Promise<Map<string, ClusterIndicators>> {
  return oncePerBuild(
    'cluster-indicators',
    async () => new Map((await clusterRows()).map((r) => [r.id, r.indicators])),
  );
}

async function countable(): Promise<Countable> {
  const [crafts, cases, works, people] = await Promise.all([
    allOf('crafts'),
    allOf('cases'),
    allOf('works'),
    peopleIndex(),
  ]);
  return {
    entries: crafts.flatMap((c) =>
      c.data.entries.map((e) => ({ entry: e.entry, item: e.code, region: e.region?.code })),
    ),
    inheritors: people.inheritors.map((i) => ({
      batch: i.batch,
      region: i.entry.data.region?.code,
    })),
    cases: cases.map((c) => ({
      kind: c.data.kind,
      region: c.data.region.division ?? c.data.region.province,
    })),
    works: works.map((w) => ({
      region: w.data.region?.code,
      pictures: picturesOf(w).length,
      added: w.data.added.toISOString().slice(0, 10),
    })),
  };
}

/** Every cluster with its indicators, by ID: counted once per build. */
export function clusterRows(): Promise<ClusterRow[]> {
  return oncePerBuild('cluster-rows', async () => {
    const records = await countable();
    return (await allOf('clusters'))
      .map((c) => {
        const area = clusterArea(c.data.region);
        return {
          id: c.data.id,
          name: c.data.name,
          slug: c.id,
          area,
          indicators: clusterIndicators(area, records),
        };
      })
      .sort((a, b) => a.id.localeCompare(b.id));
  });
}

/** A regional entry of the national list, with the craft record that holds it. */
export interface AreaEntry {
  craft: CollectionEntry<'crafts'>;
  entry: CollectionEntry<'crafts'>['data']['entries'][number];
}

/** The regional entries in each cluster's area, by list code and entry number. */
export function entriesByCluster(): Promise<Map<string, AreaEntry[]>> {
  return oncePerBuild('cluster-entries', async () => {
    const all = (await allOf('crafts')).flatMap((craft) =>
      craft.data.entries.map((entry) => ({ craft, entry })),
    );
    return new Map(
      (await allOf('clusters')).map((c) => {
        const area = clusterArea(c.data.region);
        const inside = all.filter((e) => withinArea(area, e.entry.region?.code));
        // one line per entry, even where two craft records list the same one
        const unique = [...new Map(inside.map((e) => [e.entry.entry, e])).values()];
        return [c.data.id, unique.sort((a, b) => a.entry.entry.localeCompare(b.entry.entry))];
      }),
    );
  });
}

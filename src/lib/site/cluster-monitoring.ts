/**
 * Every cluster's monitoring indicators, computed once per build from the archive (cluster pages
 * look theirs up). Not pure: reads Astro's content collections (build time only).
 */
import { allOf, oncePerBuild } from './archive.ts';
import { clusterIndicators, type ClusterIndicators, type Countable } from './cluster-indicators.ts';
import { picturesOf } from './media-data.ts';
import { peopleIndex } from './people-index.ts';

export function indicatorsByCluster(): Promise<Map<string, ClusterIndicators>> {
  return oncePerBuild('cluster-indicators', build);
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

async function build(): Promise<Map<string, ClusterIndicators>> {
  const records = await countable();
  return new Map(
    (await allOf('clusters')).map((c) => {
      const r = c.data.region;
      return [c.data.id, clusterIndicators(r.county ?? r.city ?? r.province, records)];
    }),
  );
}

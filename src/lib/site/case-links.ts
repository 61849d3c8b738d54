/**
 * Which typical cases belong on which craft, cluster and region page. Pure: the build computes
 * the links once from every record (`case-records.ts`) instead of scanning the cases per page.
 */

/** What the links need of a case. */
export interface CaseLinkInput {
  id: string;
  province: string;
  crafts: readonly string[];
  clusters: readonly string[];
  /** National heritage codes of its designations (a protection unit's items). */
  heritage: readonly (string | undefined)[];
}

export interface CraftLinkInput {
  id: string;
  heritage: readonly string[];
}

export interface ClusterLinkInput {
  id: string;
  province: string;
  crafts: readonly string[];
}

/** Case IDs by craft, cluster and province ID, each list in the order the cases were given. */
export interface CaseLinks {
  byCraft: Map<string, string[]>;
  byCluster: Map<string, string[]>;
  byProvince: Map<string, string[]>;
  /** Craft IDs of each case: those it names and those of its designations' heritage items. */
  craftsOf: Map<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

/**
 * A case is linked to the crafts it names and to the crafts that carry the heritage code of one
 * of its designations; to the clusters it names and to the clusters of its province whose
 * leading crafts include one of its crafts; and to its province.
 */
export function linkCases(
  cases: readonly CaseLinkInput[],
  crafts: readonly CraftLinkInput[],
  clusters: readonly ClusterLinkInput[],
): CaseLinks {
  const craftsByCode = new Map<string, string[]>();
  for (const craft of crafts) for (const code of craft.heritage) push(craftsByCode, code, craft.id);
  const links: CaseLinks = {
    byCraft: new Map(),
    byCluster: new Map(),
    byProvince: new Map(),
    craftsOf: new Map(),
  };
  for (const c of cases) {
    const own = new Set(c.crafts);
    for (const code of c.heritage) for (const id of craftsByCode.get(code ?? '') ?? []) own.add(id);
    links.craftsOf.set(c.id, [...own]);
    for (const craft of own) push(links.byCraft, craft, c.id);
    for (const cluster of c.clusters) push(links.byCluster, cluster, c.id);
    for (const cluster of clusters) {
      if (cluster.province === c.province && cluster.crafts.some((id) => own.has(id)))
        push(links.byCluster, cluster.id, c.id);
    }
    push(links.byProvince, c.province, c.id);
  }
  return links;
}

/**
 * The case links of this build's records, computed once (craft, cluster and region pages ask).
 * Not pure: reads Astro's content collections (build time only).
 */
import { allOf, oncePerBuild } from './archive.ts';
import { linkCases, type CaseLinks } from './case-links.ts';

export function caseLinks(): Promise<CaseLinks> {
  return oncePerBuild('case-links', build);
}

async function build(): Promise<CaseLinks> {
  const [cases, crafts, clusters] = await Promise.all([
    allOf('cases'),
    allOf('crafts'),
    allOf('clusters'),
  ]);
  return linkCases(
    cases.map((c) => ({
      id: c.data.id,
      province: c.data.region.province,
      crafts: c.data.crafts,
      clusters: c.data.clusters,
      heritage: c.data.designations.map((d) => d.heritage),
    })),
    crafts.map((c) => ({ id: c.data.id, heritage: c.data.heritage.map((h) => h.code) })),
    clusters.map((c) => ({
      id: c.data.id,
      province: c.data.region.province,
      crafts: c.data.crafts,
    })),
  );
}

/** `/data/cluster-reports/<slug>.csv`: the data behind a cluster report's charts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { clusterReportCsv } from '../../../lib/research/open-data.ts';
import { csvTextResponse } from '../../../lib/research/research-site.ts';
import { breakdownRows, type ClusterRow } from '../../../lib/site/cluster-indicators.ts';
import { clusterRows } from '../../../lib/site/cluster-monitoring.ts';
import { sharedPaths } from '../../../lib/site/build-shard.ts';

export const getStaticPaths = (async () =>
  sharedPaths(
    (await clusterRows()).map((row) => ({ params: { slug: row.slug }, props: { row } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { row } = props as { row: ClusterRow };
  return csvTextResponse(clusterReportCsv(breakdownRows(row.indicators)));
};

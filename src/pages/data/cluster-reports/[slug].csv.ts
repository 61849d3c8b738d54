/** `/data/cluster-reports/<slug>.csv`: the data behind a cluster report's charts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { clusterReportCsv } from '../../../lib/research/open-data.ts';
import { allOf } from '../../../lib/site/archive.ts';
import { breakdownRows } from '../../../lib/site/cluster-indicators.ts';
import { indicatorsByCluster } from '../../../lib/site/cluster-monitoring.ts';

export const getStaticPaths = (async () =>
  (await allOf('clusters')).map((c) => ({
    params: { slug: c.id },
    props: { id: c.data.id },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const indicators = (await indicatorsByCluster()).get(String(props['id']));
  return new Response(clusterReportCsv(indicators ? breakdownRows(indicators) : []), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};

/** `/data/cluster-indicators.csv`: every cluster's monitoring indicators, one row per cluster. */
import type { APIRoute } from 'astro';
import { clusterIndicatorsCsv } from '../../lib/research/open-data.ts';
import { csvTextResponse } from '../../lib/research/research-site.ts';
import { clusterRows } from '../../lib/site/cluster-monitoring.ts';

export const GET: APIRoute = async () => csvTextResponse(clusterIndicatorsCsv(await clusterRows()));

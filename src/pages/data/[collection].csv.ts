/** `/data/<type>.csv` (works, crafts, people, clusters, exhibitions): UTF-8 with BOM, RFC 4180. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { collectionCsv } from '../../lib/open-data.ts';
import { refsOf, researchContext } from '../../lib/research-site.ts';
import { collections, type Collection } from '../../schemas/index.ts';

export const getStaticPaths = (() =>
  collections.map((collection) => ({ params: { collection } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const collection = params['collection'] as Collection;
  const csv = collectionCsv(collection, await refsOf(collection), researchContext(site));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

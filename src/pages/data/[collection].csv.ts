/** `/data/<type>.csv` (works, crafts, people, clusters, exhibitions): the data copy, UTF-8, RFC 4180. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { csvResponse } from '../../lib/research/research-site.ts';
import { collections, type Collection } from '../../schemas/index.ts';
import { sharedPaths } from '../../lib/site/build-shard.ts';

export const getStaticPaths = (() =>
  sharedPaths(
    collections.map((collection) => ({ params: { collection } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  csvResponse(params['collection'] as Collection, site, 'data');

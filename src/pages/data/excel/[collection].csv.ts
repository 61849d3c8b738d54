/** `/data/excel/<type>.csv`: the spreadsheet copy (byte-order mark, formula-like cells neutralised). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { csvResponse } from '../../../lib/research/research-site.ts';
import { collections, type Collection } from '../../../schemas/index.ts';
import { sharedPaths } from '../../../lib/site/build-shard.ts';

export const getStaticPaths = (() =>
  sharedPaths(
    collections.map((collection) => ({ params: { collection } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  csvResponse(params['collection'] as Collection, site, 'excel');

/** `/data/records.json`: every record with its data, links, media and license. */
import type { APIRoute } from 'astro';
import { collectionDocument } from '../../lib/research/open-data.ts';
import { allRefs } from '../../lib/site/archive.ts';
import { researchContext } from '../../lib/research/research-site.ts';

export const GET: APIRoute = async ({ site }) => {
  const doc = collectionDocument(await allRefs(), researchContext(site));
  return new Response(`${JSON.stringify(doc, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

/** `/data/records.json`: every record with its data, links, media and license. */
import type { APIRoute } from 'astro';
import { collectionDocument } from '../../lib/open-data.ts';
import { allRefs, researchContext } from '../../lib/research-site.ts';

export const GET: APIRoute = async ({ site }) => {
  const doc = collectionDocument(await allRefs(), researchContext(site), new Date());
  return new Response(`${JSON.stringify(doc, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

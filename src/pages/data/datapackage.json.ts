/** `/data/datapackage.json`: Frictionless Data Package describing the CSV and JSON downloads. */
import type { APIRoute } from 'astro';
import { dataPackage } from '../../lib/research/open-data.ts';
import { allRefs } from '../../lib/site/archive.ts';
import { researchContext } from '../../lib/research/research-site.ts';

export const GET: APIRoute = async ({ site }) => {
  const doc = dataPackage(await allRefs(), researchContext(site));
  return new Response(`${JSON.stringify(doc, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

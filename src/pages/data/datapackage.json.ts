/** `/data/datapackage.json`: Frictionless Data Package describing the CSV and JSON downloads. */
import type { APIRoute } from 'astro';
import { dataPackage } from '../../lib/open-data.ts';
import { allRefs, researchContext } from '../../lib/research-site.ts';

export const GET: APIRoute = async ({ site }) => {
  const doc = dataPackage(await allRefs(), researchContext(site), new Date());
  return new Response(`${JSON.stringify(doc, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

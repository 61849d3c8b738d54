/** `/iiif/collection.json`: IIIF Presentation 3 Collection of every work with a manifest. */
import type { APIRoute } from 'astro';
import { worksCollection } from '../../lib/research/iiif.ts';
import { refsOf, researchContext } from '../../lib/research/research-site.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(
    `${JSON.stringify(worksCollection(await refsOf('works'), researchContext(site)), null, 2)}\n`,
    {
      headers: {
        'Content-Type':
          'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"',
      },
    },
  );

/** `/iiif/collection/<n>.json`: the parts of the works collection, once it nests (see iiif.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { collectionParts, worksCollectionPart } from '../../../lib/research/iiif.ts';
import { imageEntry } from '../../../lib/site/media-data.ts';
import type { RecordRef } from '../../../lib/records/record-ref.ts';
import { refsOf, researchContext } from '../../../lib/research/research-site.ts';
import { sharedPaths } from '../../../lib/site/build-shard.ts';

export const getStaticPaths = (async () => {
  const parts = collectionParts(await refsOf('works'), imageEntry);
  if (parts.length === 1) return [];
  return sharedPaths(
    parts.map((refs, i) => ({
      params: { part: String(i + 1) },
      props: { refs, count: parts.length },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ refs: RecordRef<'works'>[]; count: number }> = ({
  params,
  props,
  site,
}) =>
  new Response(
    `${JSON.stringify(worksCollectionPart(props.refs, Number(params['part']), props.count, researchContext(site)), null, 2)}\n`,
    {
      headers: {
        'Content-Type':
          'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"',
      },
    },
  );

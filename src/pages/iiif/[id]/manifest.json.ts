/** `/iiif/<ID>/manifest.json`: IIIF Presentation 3 manifest of every work with images. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { hasManifest, workManifest } from '../../../lib/research/iiif.ts';
import { imageEntry } from '../../../lib/site/media-data.ts';
import type { RecordRef } from '../../../lib/records/record-ref.ts';
import { refsOf, researchContext } from '../../../lib/research/research-site.ts';
import { ownRecordPaths } from '../../../lib/site/build-shard.ts';

export const getStaticPaths = (async () =>
  ownRecordPaths(
    (await refsOf('works'))
      .filter((ref) => hasManifest(ref, imageEntry))
      .map((ref) => ({ params: { id: ref.data.id }, props: { ref } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { ref } = props as { ref: RecordRef<'works'> };
  const manifest = workManifest(ref, researchContext(site));
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: {
      'Content-Type':
        'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"',
    },
  });
};

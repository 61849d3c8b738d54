/** `/api/<type>/<ID>.json`: one record as JSON (data, links, media, license). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { recordDocument } from '../../../lib/research/open-data.ts';
import type { AnyRecordRef } from '../../../lib/records/record-ref.ts';
import { allRefs } from '../../../lib/site/archive.ts';
import { researchContext } from '../../../lib/research/research-site.ts';
import { ownRecordPaths } from '../../../lib/site/build-shard.ts';

export const getStaticPaths = (async () =>
  ownRecordPaths(
    (await allRefs()).map((ref) => ({
      params: { type: ref.collection, id: ref.data.id },
      props: { ref },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { ref } = props as { ref: AnyRecordRef };
  return new Response(`${JSON.stringify(recordDocument(ref, researchContext(site)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

/**
 * `/cite/<ID>.json`: every citation download of a record in one file — BibTeX, RIS and CSL-JSON,
 * in Chinese and English — for tools that fetch citations by ID. No access date (the build date
 * is not when anyone read the record); the record page offers each format as its own file, dated
 * the day the reader opened it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citationBundle, citationInput } from '../../lib/research/citations.ts';
import type { AnyRecordRef } from '../../lib/records/record-ref.ts';
import { allRefs } from '../../lib/site/archive.ts';
import { siteUrl } from '../../lib/research/research-site.ts';
import { ownRecordPaths } from '../../lib/site/build-shard.ts';

export const getStaticPaths = (async () =>
  ownRecordPaths(
    (await allRefs()).map((ref) => ({ params: { id: ref.data.id }, props: { ref } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { ref } = props as { ref: AnyRecordRef };
  const base = siteUrl(site);
  const bundle = citationBundle({
    zh: citationInput(ref, 'zh', base),
    en: citationInput(ref, 'en', base),
  });
  return new Response(`${JSON.stringify(bundle, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

/** `/sitemap-<n>.xml`: the parts of the sitemap index, only when the site has over 50,000 URLs. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapParts, sitemapXml, type SitemapPage } from '../lib/research/feeds.ts';
import { siteUrl } from '../lib/research/research-site.ts';
import { sitemapPages } from '../lib/research/sitemap-pages.ts';
import { sharedPaths } from '../lib/site/build-shard.ts';

export const getStaticPaths = (async () => {
  const parts = sitemapParts(await sitemapPages());
  if (parts.length === 1) return [];
  return sharedPaths(
    parts.map((pages, i) => ({ params: { part: String(i + 1) }, props: { pages } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ pages: SitemapPage[] }> = ({ props, site }) =>
  new Response(sitemapXml(props.pages, siteUrl(site)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });

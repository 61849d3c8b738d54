/** `/sitemap.xml`: every page in both languages with hreflang alternates. */
import type { APIRoute } from 'astro';
import { recordPages, sitemapXml, type SitemapPage } from '../lib/feeds.ts';
import { regionPaths } from '../lib/region-records.ts';
import { allRefs, siteUrl } from '../lib/research-site.ts';

/** Fixed (non-parameterised) pages that exist in both languages, found from the page files themselves. */
const files = new Set(Object.keys(import.meta.glob('./**/*.astro')));
const fixed = [...files]
  .filter((file) => !file.startsWith('./en/') && !file.includes('[') && file !== './404.astro')
  .filter((file) => files.has(`./en/${file.slice(2)}`))
  .map(
    (file) =>
      `/${file
        .slice(2)
        .replace(/\.astro$/, '/')
        .replace(/(^|\/)index\/$/, '$1')}`,
  )
  .sort();

export const GET: APIRoute = async ({ site }) => {
  const regions = (await regionPaths()).map((p) => ({ path: `/regions/${p.params.code}/` }));
  const pages: SitemapPage[] = [
    ...fixed.map((path) => ({ path })),
    ...regions,
    ...recordPages(await allRefs()),
  ];
  return new Response(sitemapXml(pages, siteUrl(site)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};

/**
 * `/sitemap.xml`: every page in both languages with hreflang alternates; past 50,000 URLs a
 * sitemap index naming `/sitemap-1.xml`, `/sitemap-2.xml` … (see `sitemap-[part].xml.ts`).
 */
import type { APIRoute } from 'astro';
import { sitemapIndexXml, sitemapParts, sitemapXml } from '../lib/research/feeds.ts';
import { siteUrl } from '../lib/research/research-site.ts';
import { sitemapPages } from '../lib/research/sitemap-pages.ts';

export const GET: APIRoute = async ({ site }) => {
  const parts = sitemapParts(await sitemapPages());
  const [only] = parts;
  const xml =
    parts.length === 1 && only
      ? sitemapXml(only, siteUrl(site))
      : sitemapIndexXml(parts.length, siteUrl(site));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

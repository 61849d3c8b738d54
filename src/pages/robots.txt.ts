/** `/robots.txt`: crawl everything; the sitemap is at /sitemap.xml. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/feeds.ts';
import { siteUrl } from '../lib/research-site.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(siteUrl(site)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

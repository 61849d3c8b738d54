/** `/robots.txt`: crawl everything; the sitemap is at /sitemap.xml. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/research/feeds.ts';
import { siteUrl } from '../lib/research/research-site.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(siteUrl(site)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

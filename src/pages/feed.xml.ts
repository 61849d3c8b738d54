/** `/feed.xml`: Atom feed of the most recently added records. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../lib/research/feeds.ts';
import { allRefs } from '../lib/site/archive.ts';
import { siteUrl } from '../lib/research/research-site.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(atomFeed(await allRefs(), siteUrl(site)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });

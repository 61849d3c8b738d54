/** `/feed.xml`: Atom feed of the most recently added records. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../lib/feeds.ts';
import { allRefs, siteUrl } from '../lib/research-site.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(atomFeed(await allRefs(), siteUrl(site)), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });

/**
 * `/id/index.json`: every stable ID and the page its permanent link forwards to, in both
 * languages. The build turns it into the hosts' redirect rules (scripts/lib/hosting.ts), so that
 * `/id/<ID>/` answers with a real 301 where the host is configured.
 */
import type { APIRoute } from 'astro';
import { permalinkIndex } from '../../lib/site/archive.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await permalinkIndex()), {
    headers: { 'Content-Type': 'application/json' },
  });

/** The craft thesaurus as SKOS in JSON-LD (src/lib/research/thesaurus-skos.ts); its IRIs are the concept pages. */
import type { APIRoute } from 'astro';
import { siteUrl } from '../../lib/research/research-site.ts';
import { thesaurusJsonLd } from '../../lib/research/thesaurus-skos.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(thesaurusJsonLd(siteUrl(site)), null, 1), {
    headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
  });

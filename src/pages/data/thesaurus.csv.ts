/** The craft thesaurus as CSV, one row per concept (`thesaurusCsv` in src/lib/open-data.ts). */
import type { APIRoute } from 'astro';
import { thesaurusCsv } from '../../lib/research/open-data.ts';
import { csvTextResponse, siteUrl } from '../../lib/research/research-site.ts';

export const GET: APIRoute = ({ site }) => csvTextResponse(thesaurusCsv({ site: siteUrl(site) }));

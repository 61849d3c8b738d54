/**
 * Every page of the sitemap (Chinese paths), for /sitemap.xml and its parts: the fixed pages, the
 * regions, the thesaurus, the clusters' reports and the records.
 * Not pure: reads Astro's content collections and lists the page files (build time only).
 */
import { allRefs } from '../site/archive.ts';
import { regionPaths } from '../site/region-records.ts';
import { clusterReportPath } from '../site/urls.ts';
import { recordPages, type SitemapPage } from './feeds.ts';
import { CONCEPT_KINDS, thesaurus } from '../thesaurus/index.ts';
import { conceptPath, schemePath } from '../thesaurus/paths.ts';

/** Fixed (non-parameterised) pages that exist in both languages, found from the page files themselves. */
const files = new Set(
  Object.keys(import.meta.glob('../../pages/**/*.astro')).map((file) =>
    file.replace('../../pages/', './'),
  ),
);
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

export async function sitemapPages(): Promise<SitemapPage[]> {
  const regions = (await regionPaths()).map((p) => ({ path: `/regions/${p.params.code}/` }));
  const concepts = [
    ...CONCEPT_KINDS.map((kind) => ({ path: schemePath(kind, 'zh') })),
    ...thesaurus().concepts.map((c) => ({ path: conceptPath(c.id, 'zh') })),
  ];
  const refs = await allRefs();
  const reports = refs
    .filter((r) => r.collection === 'clusters')
    .map((r) => ({ path: clusterReportPath(r.slug) }));
  return [
    ...fixed.map((path) => ({ path })),
    ...regions,
    ...concepts,
    ...reports,
    ...recordPages(refs),
  ];
}

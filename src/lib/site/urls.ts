/**
 * Where each record lives on the site. One function, used by pages, search and exports.
 * Pure.
 */
import type { Collection } from '../../schemas/common.ts';
import { localePath, type Lang } from './i18n.ts';

/** Path of a record's page, e.g. `/works/guangcai-punch-bowl/` or `/en/works/…/`. */
export function recordPath(collection: Collection, slug: string, lang: Lang): string {
  return localePath(`/${collection}/${slug}/`, lang);
}

/** Permanent short path built on the stable ID, e.g. `/id/BGW-000123/`. */
export function permanentPath(id: string, lang: Lang): string {
  return localePath(`/id/${id}/`, lang);
}

/** The search page with its parameters, e.g. `/search/?type=works&object=%E7%93%B6`. */
export function searchPath(params: Readonly<Record<string, string>>, lang: Lang): string {
  const query = Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${localePath('/search/', lang)}${query ? `?${query}` : ''}`;
}

/** The national overview of the clusters (Chinese path; `localePath` gives the English one). */
export const CLUSTERS_REPORT_PATH = '/reports/clusters/';

/** A cluster's annual monitoring report (Chinese path). */
export function clusterReportPath(slug: string): string {
  return `${CLUSTERS_REPORT_PATH}${slug}/`;
}

/**
 * The anchor of a film on its record's page (`film-making-illustration`), named after its master
 * so that links into it (`?t=6#film-…`, from chapters and search hits) survive reordering.
 */
export function filmAnchor(file: string): string {
  const stem = file.replace(/\.[^./]+$/, '').toLowerCase();
  return `film-${stem.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'film'}`;
}

/** The site's name, who publishes every record. */
export const SITE_NAME = { zh: '百工·云', en: 'Baigong Cloud' } as const;

/** Absolute URL of a site path. */
export function absolute(path: string, site: string | URL): string {
  return new URL(path, site).href;
}

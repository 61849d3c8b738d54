/** Where each record lives on the site. One function, used by pages, search and exports. */
import type { Collection } from '../schemas/common.ts';
import { localePath, type Lang } from './i18n.ts';

/** Path of a record's page, e.g. `/works/guangcai-punch-bowl/` or `/en/works/…/`. */
export function recordPath(collection: Collection, slug: string, lang: Lang): string {
  return localePath(`/${collection}/${slug}/`, lang);
}

/** Permanent short path built on the stable ID, e.g. `/id/BGW-000123/`. */
export function permanentPath(id: string, lang: Lang): string {
  return localePath(`/id/${id}/`, lang);
}

/**
 * The visitor's personal collection (收藏夹): work IDs kept in this browser only, and shared as a
 * link (`/collection/?ids=BGW-000001,BGW-000007`). Nothing is sent to a server.
 * Pure: callers pass the storage.
 */
export const STORAGE_KEY = 'baigong:collection';
const ID = /^BG[WCPJE]-\d{6}$/;

/** Valid, unique IDs from any list, in order. */
export function cleanIds(ids: readonly unknown[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && ID.test(id)))];
}

/** IDs from a shared link's `ids` parameter. */
export function idsFromQuery(search: string): string[] {
  return cleanIds((new URLSearchParams(search).get('ids') ?? '').split(','));
}

/** The query string that shares a list. */
export function shareQuery(ids: readonly string[]): string {
  return ids.length > 0 ? `?ids=${cleanIds(ids).join(',')}` : '';
}

/** Adds or removes an ID; returns the new list. */
export function toggle(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

export function readSaved(storage: Pick<Storage, 'getItem'>): string[] {
  try {
    return cleanIds(JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]') as unknown[]);
  } catch {
    return [];
  }
}

export function writeSaved(storage: Pick<Storage, 'setItem'>, ids: readonly string[]): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(cleanIds(ids)));
}

/** A saved work as the collection page shows it. */
export interface SavedWork {
  id: string;
  title: { zh: string; en: string };
  /** Paths of the work's pages (the site's own, wherever it is served). */
  url: { zh: string; en: string };
  thumbnail: { url: string; width: number; height: number } | null;
  alt: { zh: string; en: string } | null;
}

/** The parts of a record's `/api/works/<ID>.json` the collection page reads. */
export interface WorkJson {
  id: string;
  name: { zh: string; en: string };
  links: { page: { zh: string; en: string } };
  media: { thumbnail?: { url: string; width: number; height: number } }[];
  data: { images?: { alt?: { zh: string; en: string } }[] };
}

/** The JSON of one saved work: one small file per work, so the page never loads the archive. */
export function savedWorkUrl(id: string): string {
  return `/api/works/${id}.json`;
}

/** The path of an absolute URL made at build time for the site's configured address. */
export const pathOf = (url: string) => {
  const { pathname, search } = new URL(url, 'http://site.invalid');
  return pathname + search;
};

/** A saved work from its record JSON. */
export function savedWork(json: WorkJson): SavedWork {
  const thumb = json.media[0]?.thumbnail;
  return {
    id: json.id,
    title: json.name,
    url: { zh: pathOf(json.links.page.zh), en: pathOf(json.links.page.en) },
    thumbnail: thumb ? { ...thumb, url: pathOf(thumb.url) } : null,
    alt: json.data.images?.[0]?.alt ?? null,
  };
}

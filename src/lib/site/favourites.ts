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

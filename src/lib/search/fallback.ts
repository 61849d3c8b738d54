/**
 * The static title lookup the search page falls back to when the search server cannot be
 * reached: the entries of /search-fallback.json (made from search documents), and the scoring
 * and ranking of those entries for a query (titles, other names, traditional forms, pinyin and
 * initials). Light: the fallback island imports it.
 * Pure.
 */
import type { SearchDocument } from './document.ts';
import { unique } from './lists.ts';

/** An entry of the small static index used when the search server cannot be reached. */
export type FallbackEntry = Pick<
  SearchDocument,
  'id' | 'type' | 'url_zh' | 'url_en' | 'title_zh' | 'title_en' | 'initials' | 'otherNames'
> & {
  /** Joined pinyin of the title and other names (guangcai…). */
  pinyin: SearchDocument['pinyin'];
  /** Traditional-script forms of the title and other names. */
  traditional: SearchDocument['title_traditional'];
  /** 1 when the record shows a photograph (not an illustration); absent otherwise, to keep the file small. */
  photographed?: 1;
};

/**
 * The most entries /search-fallback.json holds: about 6 MB (1.5 MB compressed) of titles, which a
 * visitor downloads only when the search server is down. An archive of 100,000 works would make
 * it 30 MB; past the limit the file keeps the records looked up by name (crafts, people, places,
 * clusters …), then photographed works, and says how many records it leaves out.
 */
export const FALLBACK_LIMIT = 20_000;

/** /search-fallback.json: the entries, and how many records the archive has in all. */
export interface FallbackIndex {
  total: number;
  entries: FallbackEntry[];
}

/** Which records the fallback keeps first when it cannot keep all: lower first. */
function keepOrder(doc: SearchDocument): number {
  if (doc.type !== 'works') return 0;
  return doc.photographed ? 1 : 2;
}

/** The fallback index of `docs`, at most `limit` entries (chosen by `keepOrder`, then ID). */
export function fallbackIndex(
  docs: readonly SearchDocument[],
  limit = FALLBACK_LIMIT,
): FallbackIndex {
  const kept =
    docs.length <= limit
      ? docs
      : [...docs]
          .sort((a, b) => keepOrder(a) - keepOrder(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .slice(0, limit);
  return { total: docs.length, entries: kept.map(toFallbackEntry) };
}

export function toFallbackEntry(doc: SearchDocument): FallbackEntry {
  return {
    id: doc.id,
    type: doc.type,
    url_zh: doc.url_zh,
    url_en: doc.url_en,
    title_zh: doc.title_zh,
    title_en: doc.title_en,
    // Only the space-free forms: the client matches with substrings.
    pinyin: unique(doc.pinyin.filter((p) => !p.includes(' '))),
    initials: doc.initials,
    traditional: doc.title_traditional,
    otherNames: doc.otherNames,
    ...(doc.photographed ? { photographed: 1 as const } : {}),
  };
}

/** Scores a static entry for a query: title and name substrings, pinyin, initials. 0 = no match. */
export function fallbackScore(entry: FallbackEntry, query: string): number {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const bare = q.replace(/[\s'’-]+/g, '');
  const titles = [entry.title_zh, ...entry.traditional, ...entry.otherNames].map((t) =>
    t.toLowerCase(),
  );
  if (titles.some((t) => t === q)) return 100;
  if (bare.length >= 2 && entry.pinyin.some((p) => p === bare)) return 90;
  if (bare.length >= 2 && entry.initials.some((i) => i === bare)) return 75;
  if (titles.some((t) => t.startsWith(q))) return 80;
  if (titles.some((t) => t.includes(q))) return 60;
  const en = entry.title_en.toLowerCase();
  if (en.startsWith(q)) return 70;
  if (q.split(/\s+/).every((word) => en.includes(word))) return 50;
  if (bare.length >= 2 && entry.pinyin.some((p) => p.startsWith(bare))) return 45;
  if (bare.length >= 2 && entry.initials.some((i) => i.startsWith(bare))) return 40;
  if (bare.length >= 3 && entry.pinyin.some((p) => p.includes(bare))) return 30;
  return 0;
}

/**
 * The best matches for a query, highest score first; among equal matches photographed records
 * first (as the live search's `photographed:desc` rule), then in Chinese title order.
 */
export function rankFallback(
  entries: readonly FallbackEntry[],
  query: string,
  limit = 50,
): FallbackEntry[] {
  return entries
    .map((entry) => ({ entry, score: fallbackScore(entry, query) }))
    .filter((m) => m.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.entry.photographed ?? 0) - (a.entry.photographed ?? 0) ||
        a.entry.title_zh.localeCompare(b.entry.title_zh, 'zh'),
    )
    .slice(0, limit)
    .map((m) => m.entry);
}

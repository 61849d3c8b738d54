/**
 * The static title lookup the search page falls back to when the search server cannot be
 * reached: scores each entry of /search-fallback.json for a query (titles, other names,
 * traditional forms, pinyin and initials) and ranks the matches.
 */
import type { FallbackEntry } from '../../scripts/lib/meili/documents.ts';

export type { FallbackEntry };

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

/** The best matches for a query, highest score first, ties in Chinese title order. */
export function rankFallback(
  entries: readonly FallbackEntry[],
  query: string,
  limit = 50,
): FallbackEntry[] {
  return entries
    .map((entry) => ({ entry, score: fallbackScore(entry, query) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.entry.title_zh.localeCompare(b.entry.title_zh, 'zh'))
    .slice(0, limit)
    .map((m) => m.entry);
}

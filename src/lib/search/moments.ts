/**
 * Where a search hit opens a film: when the query matched a caption cue, the record's page with
 * `?t=<seconds>` and the film's anchor, so the player starts at that moment. The matched cue is
 * the first element of `transcript` in Meilisearch's `_matchesPosition` (its `indices`).
 * Pure and light (the search island imports it).
 */
import type { SearchHit } from './document.ts';

/** The part of Meilisearch's `_matchesPosition` this reads. */
export interface TranscriptMatches {
  transcript?: readonly { indices?: readonly number[] }[];
}

export interface FilmMoment {
  href: string;
  seconds: number;
}

/** The moment of the first matched cue of `hit`, whose page is `url`; none without a match. */
export function filmMoment(
  hit: Partial<Pick<SearchHit, 'transcript_at' | 'transcript_film' | 'transcript_films'>>,
  matches: TranscriptMatches | undefined,
  url: string,
): FilmMoment | undefined {
  const cue = matches?.transcript?.find((m) => m.indices?.length)?.indices?.[0];
  if (cue === undefined) return undefined;
  const seconds = hit.transcript_at?.[cue];
  const film = hit.transcript_films?.[hit.transcript_film?.[cue] ?? -1];
  if (seconds === undefined || !film) return undefined;
  return { href: `${url}?t=${String(seconds)}#${film}`, seconds };
}

/**
 * The search page when the search server cannot be reached (or the site was built without one):
 * a lookup by title and name in the static /search-fallback.json, with pinyin and initials.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { FALLBACK_INDEX_URL } from '../../lib/search/config.ts';
import { rankFallback, type FallbackIndex } from '../../lib/search/fallback.ts';
import { readQuery, type Handoff } from './handoff.ts';
import { SearchField } from './SearchField.tsx';
import { typeLabels, ui, type Lang } from './strings.ts';

export interface FallbackSearchProps {
  lang: Lang;
  /** What the visitor did in the page's search box before this module arrived. */
  handoff: Handoff;
}

export default function FallbackSearch({ lang, handoff }: FallbackSearchProps) {
  const [index, setIndex] = useState<FallbackIndex | null>(null);
  const entries = index?.entries;
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState(() => handoff.typed ?? readQuery());
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (handoff.focused) inputRef.current?.focus();
  }, [handoff]);
  useEffect(() => {
    let live = true;
    fetch(FALLBACK_INDEX_URL)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<FallbackIndex>;
      })
      .then((data) => live && setIndex(Array.isArray(data.entries) ? data : null))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    window.history.replaceState(window.history.state, '', url);
  }, [query]);
  const matches = useMemo(() => rankFallback(entries ?? [], query), [entries, query]);
  return (
    <div className="search-app search-app--fallback">
      <SearchField
        lang={lang}
        inputRef={inputRef}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      {/* Below the box, not above it: the box stays where the visitor saw it first. */}
      <p className="search-app__notice" role="alert">
        {failed ? ui.fallbackFailed[lang] : ui.unavailable[lang]}
      </p>
      {index && index.total > index.entries.length && (
        <p className="search-app__notice" data-fallback-partial>
          {ui.fallbackPartial[lang](index.entries.length, index.total)}
        </p>
      )}
      {entries && (
        <p className="search-app__status" role="status" aria-live="polite" aria-atomic="true">
          {query ? ui.count[lang](matches.length) : ui.empty[lang]}
        </p>
      )}
      {entries && query && matches.length === 0 && <p>{ui.none[lang](query)}</p>}
      <ol className="search-app__fallback-list">
        {matches.map((entry) => (
          <li key={entry.id}>
            <a href={lang === 'zh' ? entry.url_zh : entry.url_en}>
              {lang === 'zh' ? entry.title_zh : entry.title_en}
            </a>{' '}
            <span className="search-hit__other">
              {lang === 'zh' ? entry.title_en : entry.title_zh}
            </span>{' '}
            <span className="search-hit__meta">{typeLabels[entry.type]?.[lang]}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

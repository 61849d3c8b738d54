/**
 * The search page (`/search`, `/en/search`). The page is built with a plain search box and ways
 * to browse (the island's children), so it is readable and usable at once. The live search
 * (InstantSearch on Meilisearch, the bulk of the page's JavaScript and of a phone's work) is
 * loaded when it is asked for: at once when the URL holds a search (the header's form, a shared
 * link, a browse link), else when the visitor turns to the box or asks to browse every record.
 * What was typed meanwhile is handed over. When the search server cannot be reached it loads the
 * static fallback.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { getSearchConfig, type SearchConfig } from '../lib/search/config.ts';
import type { FallbackSearchProps } from './search/FallbackSearch.tsx';
import { asksForSearch, handoffFrom, readQuery, type Handoff } from './search/handoff.ts';
import { SearchField } from './search/SearchField.tsx';
import type { ServerSearchProps } from './search/ServerSearch.tsx';
import { ui, type Lang } from './search/strings.ts';

export interface SearchAppProps {
  lang: Lang;
  /** Override the build-time configuration (tests). `null` forces the fallback. */
  config?: SearchConfig | null;
  /** Shown under the box until the search is asked for (the page's ways to browse). */
  children?: ReactNode;
}

type Mode = 'server' | 'fallback';

type Loaded =
  | { mode: 'server'; Search: (props: ServerSearchProps) => ReactNode; handoff: Handoff }
  | { mode: 'fallback'; Search: (props: FallbackSearchProps) => ReactNode; handoff: Handoff };

/** The box the page is built with: same place and look as the live one, no search behind it. */
function FirstSearchBox({
  lang,
  inputRef,
  wanted,
  broken,
  onWant,
  children,
}: {
  lang: Lang;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The search has been asked for and is loading. */
  wanted: boolean;
  /** The search could not be loaded at all (offline, or a stale page after a new release). */
  broken: boolean;
  onWant: () => void;
  children?: ReactNode;
}) {
  // Show the URL's query as soon as the island runs (the built page cannot know it).
  useEffect(() => {
    const input = inputRef.current;
    if (input && input.value === '') input.value = readQuery();
  }, [inputRef]);
  return (
    <div className="search-app" aria-busy={wanted}>
      {/* Without this island a submit reloads the page with ?q=; with it the query is handed over. */}
      <SearchField lang={lang} inputRef={inputRef} onFocus={onWant} />
      <p className="search-app__status" role="status">
        {broken ? ui.fallbackFailed[lang] : wanted ? ui.preparing[lang] : ''}
      </p>
      <p>
        {/* A link, so it works before the island runs: page 1 of every record is a search in
            the URL. Once the island runs it starts the search in place. */}
        <a
          className="button secondary"
          href="?page=1"
          onClick={(event) => {
            event.preventDefault();
            onWant();
          }}
        >
          {ui.browseAll[lang]}
        </a>
      </p>
      {children}
    </div>
  );
}

export default function SearchApp({ lang, config, children }: SearchAppProps) {
  const resolved = config === undefined ? getSearchConfig() : (config ?? undefined);
  // Set when the server or the live search's code fails; no configuration means fallback too.
  const [failed, setFailed] = useState(false);
  const mode: Mode = failed || !resolved ? 'fallback' : 'server';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [broken, setBroken] = useState(false);
  const firstBox = useRef<HTMLInputElement>(null);
  const onError = useCallback(() => setFailed(true), []);
  // Asked for by the URL, the box's focus or the browse button; never before the island runs.
  const [wanted, setWanted] = useState(false);
  const want = useCallback(() => setWanted(true), []);
  useEffect(() => {
    // The box may have been used before the island ran (it is in the HTML, usable at once).
    const box = firstBox.current;
    const used = box !== null && (document.activeElement === box || box.value !== '');
    if (used || asksForSearch(window.location.search)) setWanted(true);
  }, []);

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    if (mode === 'server') {
      import('./search/ServerSearch.tsx').then(
        ({ default: Search }) => {
          // Read the box and replace it in the same task (no transition), so no keystroke
          // falls between the two.
          if (live) setLoaded({ mode, Search, handoff: handoffFrom(firstBox.current) });
        },
        () => live && setFailed(true),
      );
    } else {
      import('./search/FallbackSearch.tsx').then(
        ({ default: Search }) => {
          if (live) setLoaded({ mode, Search, handoff: handoffFrom(firstBox.current) });
        },
        () => live && setBroken(true),
      );
    }
    return () => {
      live = false;
    };
  }, [mode, wanted]);

  if (loaded?.mode === 'server' && mode === 'server' && resolved) {
    const { Search, handoff } = loaded;
    return (
      <div className="search-app">
        <Search config={resolved} lang={lang} handoff={handoff} onError={onError} />
      </div>
    );
  }
  if (loaded?.mode === 'fallback' && mode === 'fallback') {
    const { Search, handoff } = loaded;
    return <Search lang={lang} handoff={handoff} />;
  }
  return (
    <FirstSearchBox lang={lang} inputRef={firstBox} wanted={wanted} broken={broken} onWant={want}>
      {children}
    </FirstSearchBox>
  );
}

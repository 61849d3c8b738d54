/**
 * The search page (`/search`, `/en/search`). The page is built with a plain search box so it is
 * readable and usable at once; after the page has painted (`client:idle`) this island loads the
 * live search (InstantSearch on Meilisearch, the bulk of the page's JavaScript) and hands it what
 * was typed meanwhile. When the search server cannot be reached it loads the static fallback.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { getSearchConfig, type SearchConfig } from '../lib/search-config.ts';
import type { FallbackSearchProps } from './search/FallbackSearch.tsx';
import { handoffFrom, readQuery, type Handoff } from './search/handoff.ts';
import { SearchField } from './search/SearchField.tsx';
import type { ServerSearchProps } from './search/ServerSearch.tsx';
import { ui, type Lang } from './search/strings.ts';

export interface SearchAppProps {
  lang: Lang;
  /** Override the build-time configuration (tests). `null` forces the fallback. */
  config?: SearchConfig | null;
}

type Mode = 'server' | 'fallback';

type Loaded =
  | { mode: 'server'; Search: (props: ServerSearchProps) => ReactNode; handoff: Handoff }
  | { mode: 'fallback'; Search: (props: FallbackSearchProps) => ReactNode; handoff: Handoff };

/** The box the page is built with: same place and look as the live one, no search behind it. */
function FirstSearchBox({
  lang,
  inputRef,
  broken,
}: {
  lang: Lang;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The search could not be loaded at all (offline, or a stale page after a new release). */
  broken: boolean;
}) {
  // Show the URL's query as soon as the island runs (the built page cannot know it).
  useEffect(() => {
    const input = inputRef.current;
    if (input && input.value === '') input.value = readQuery();
  }, [inputRef]);
  return (
    <div className="search-app" aria-busy="true">
      {/* Without this island a submit reloads the page with ?q=; with it the query is handed over. */}
      <SearchField lang={lang} inputRef={inputRef} />
      <p className="search-app__status" role="status">
        {broken ? ui.fallbackFailed[lang] : ui.preparing[lang]}
      </p>
    </div>
  );
}

export default function SearchApp({ lang, config }: SearchAppProps) {
  const resolved = config === undefined ? getSearchConfig() : (config ?? undefined);
  // Set when the server or the live search's code fails; no configuration means fallback too.
  const [failed, setFailed] = useState(false);
  const mode: Mode = failed || !resolved ? 'fallback' : 'server';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [broken, setBroken] = useState(false);
  const firstBox = useRef<HTMLInputElement>(null);
  const onError = useCallback(() => setFailed(true), []);

  useEffect(() => {
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
  }, [mode]);

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
  return <FirstSearchBox lang={lang} inputRef={firstBox} broken={broken} />;
}

/**
 * The live search (loaded by SearchApp once the page has painted): InstantSearch on Meilisearch
 * through instant-meilisearch. Search as you type, facets with counts, removable filters, safe
 * highlights (React text, never HTML), sort, pagination and the state in the URL. Any search
 * error is reported to SearchApp, which switches to the static fallback.
 */
import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';
import { useId, useMemo, useState } from 'react';
import { InstantSearch, SortBy } from 'react-instantsearch';
import type { SearchConfig } from '../../lib/search/config.ts';
import {
  FACETS,
  facetAttribute,
  HIGHLIGHT_ATTRIBUTES,
  HIT_ATTRIBUTES,
} from '../../lib/search/document.ts';
import { ActiveFilters } from './ActiveFilters.tsx';
import { ErrorWatch } from './ErrorWatch.tsx';
import { ClosedFacets, Facet } from './Facet.tsx';
import type { Handoff } from './handoff.ts';
import { HitList } from './HitList.tsx';
import { ResultsPagination } from './ResultsPagination.tsx';
import { ResultStatus } from './ResultStatus.tsx';
import { makeRouting, sortItems } from './routing.ts';
import { SearchInput } from './SearchInput.tsx';
import { facetTitles, ui, type Lang } from './strings.ts';

/** Whether the filters sit beside the results (same breakpoint as the search page's CSS). */
function wideScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(min-width: 60rem)').matches;
}

export interface ServerSearchProps {
  config: SearchConfig;
  lang: Lang;
  /** What the visitor did in the page's search box before this module arrived. */
  handoff: Handoff;
  onError: (e: Error) => void;
}

export default function ServerSearch({ config, lang, handoff, onError }: ServerSearchProps) {
  const { searchClient } = useMemo(
    () =>
      instantMeiliSearch(config.host, config.searchKey, {
        placeholderSearch: true,
        finitePagination: true,
        keepZeroFacets: false,
        meiliSearchParams: {
          hitsPerPage: 20,
          attributesToRetrieve: [...HIT_ATTRIBUTES],
          attributesToHighlight: [...HIGHLIGHT_ATTRIBUTES],
          // which caption cue matched, so a hit inside a film opens it at that moment
          showMatchesPosition: true,
        },
      }),
    [config],
  );
  const routing = useMemo(() => makeRouting(config.indexName, lang), [config.indexName, lang]);
  const headingId = useId();
  // The facet lists are rendered only while the panel is open (always on wide screens).
  const [filtersOpen, setFiltersOpen] = useState(wideScreen);
  return (
    <InstantSearch
      searchClient={searchClient}
      indexName={config.indexName}
      routing={routing}
      future={{ preserveSharedStateOnUnmount: true }}
    >
      <ErrorWatch onError={onError} />
      <SearchInput lang={lang} handoff={handoff} />
      <div className="search-app__layout">
        <aside className="search-app__filters" aria-label={ui.filters[lang]}>
          {/* Closed on narrow screens: the facets fill in after the first answer, and a closed
              panel keeps that from pushing the results down (CLS). */}
          <details
            className="search-app__filter-panel"
            open={filtersOpen}
            onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
          >
            <summary>{ui.filters[lang]}</summary>
            {filtersOpen ? (
              FACETS.map((facet) => (
                <Facet
                  key={facet.param}
                  attribute={facetAttribute(facet, lang)}
                  title={facetTitles[facet.param][lang]}
                  lang={lang}
                  searchable={facet.manyValues}
                />
              ))
            ) : (
              <ClosedFacets attributes={FACETS.map((facet) => facetAttribute(facet, lang))} />
            )}
          </details>
        </aside>
        <section className="search-app__results" aria-labelledby={headingId}>
          <h2 id={headingId}>{ui.results[lang]}</h2>
          <ActiveFilters lang={lang} />
          <label className="search-app__sort">
            {ui.sort[lang]} <SortBy items={sortItems(config.indexName, lang)} />
          </label>
          <ResultStatus lang={lang} />
          <HitList lang={lang} />
          <ResultsPagination lang={lang} />
        </section>
      </div>
    </InstantSearch>
  );
}

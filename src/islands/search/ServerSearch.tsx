/**
 * The live search (loaded by SearchApp once the page has painted): InstantSearch on Meilisearch
 * through instant-meilisearch. Search as you type, facets with counts, removable filters, safe
 * highlights (React text, never HTML), sort, pagination and the state in the URL. Any search
 * error is reported to SearchApp, which switches to the static fallback.
 */
import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';
import { history } from 'instantsearch.js/es/lib/routers';
import type { Hit as AlgoliaHit, BaseHit, UiState } from 'instantsearch.js';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  ClearRefinements,
  Highlight,
  Hits,
  InstantSearch,
  Pagination,
  RefinementList,
  SortBy,
  useCurrentRefinements,
  useInstantSearch,
  useSearchBox,
} from 'react-instantsearch';
import {
  HIGHLIGHT_ATTRIBUTES,
  HIT_ATTRIBUTES,
  type SearchConfig,
} from '../../lib/search-config.ts';
import type { Handoff } from './handoff.ts';
import { SearchField } from './SearchField.tsx';
import { facetLabel, facetTitles, typeLabels, ui, type Lang } from './strings.ts';

interface SearchHit extends BaseHit {
  id: string;
  type: string;
  url_zh: string;
  url_en: string;
  title_zh: string;
  title_en: string;
  summary_zh?: string;
  summary_en?: string;
  category?: string;
  period_zh?: string;
  period_en?: string;
  date_display_zh?: string;
  date_display_en?: string;
  date_start?: number;
  date_end?: number;
  thumbnail?: string;
  thumbnail_alt_zh?: string;
  thumbnail_alt_en?: string;
  hasModel?: boolean;
}

/** URL parameter ↔ facet attribute (the province facet is per language). */
function facetParams(lang: Lang): [string, string][] {
  return [
    ['type', 'type'],
    ['category', 'category'],
    ['material', 'materials'],
    ['period', 'period'],
    ['province', `province_${lang}`],
    ['heritage', 'heritage_label'],
    ['model', 'hasModel'],
    ['license', 'license'],
  ];
}

type RouteState = Record<string, string | string[] | undefined>;

function makeRouting(indexName: string, lang: Lang) {
  const sorts = new Set(sortItems(indexName, lang).map((item) => item.value));
  return {
    router: history<RouteState>({
      cleanUrlOnDispose: false,
      // `?q=广彩&type=works&type=crafts`: short, readable URLs that the header form also makes.
      createURL: ({ qsModule, routeState, location }) =>
        `${location.pathname}${qsModule.stringify(routeState, { addQueryPrefix: true, arrayFormat: 'repeat' })}${location.hash}`,
      parseURL: ({ qsModule, location }) =>
        qsModule.parse(location.search.slice(1), { arrayLimit: 99 }) as RouteState,
    }),
    stateMapping: {
      stateToRoute(uiState: UiState): RouteState {
        const state = uiState[indexName] ?? {};
        const route: RouteState = {};
        if (state.query) route['q'] = state.query;
        if (state.page && state.page > 1) route['page'] = String(state.page);
        if (state.sortBy && state.sortBy !== indexName)
          route['sort'] = state.sortBy.slice(indexName.length + 1);
        for (const [param, attribute] of facetParams(lang)) {
          const values = state.refinementList?.[attribute];
          if (values && values.length > 0) route[param] = values;
        }
        return route;
      },
      routeToState(route: RouteState): UiState {
        const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
        const many = (v: string | string[] | undefined) =>
          v === undefined ? [] : Array.isArray(v) ? v : [v];
        const refinementList: Record<string, string[]> = {};
        for (const [param, attribute] of facetParams(lang)) {
          const values = many(route[param]);
          if (values.length > 0) refinementList[attribute] = values;
        }
        const sort = one(route['sort']);
        const sortBy = sort ? `${indexName}:${sort}` : undefined;
        const page = Number(one(route['page']));
        const query = one(route['q']);
        return {
          [indexName]: {
            ...(query ? { query } : {}),
            ...(page > 1 ? { page } : {}),
            ...(sortBy && sorts.has(sortBy) ? { sortBy } : {}),
            ...(Object.keys(refinementList).length > 0 ? { refinementList } : {}),
          },
        };
      },
    },
  };
}

function sortItems(indexName: string, lang: Lang) {
  return [
    { label: ui.relevance[lang], value: indexName },
    { label: ui.dateAsc[lang], value: `${indexName}:date_start:asc` },
    { label: ui.dateDesc[lang], value: `${indexName}:date_start:desc` },
    { label: ui.title[lang], value: `${indexName}:sort_title_${lang}:asc` },
  ];
}

function SearchInput({ lang, handoff }: { lang: Lang; handoff: Handoff }) {
  const { query, refine, clear } = useSearchBox();
  const [value, setValue] = useState(handoff.typed ?? query);
  const inputRef = useRef<HTMLInputElement>(null);
  // Carry over what was typed while the search was loading, caret and all. (Before the next
  // effect, which leaves a focused box alone.)
  const handedOver = useRef(false);
  useEffect(() => {
    if (handedOver.current) return;
    handedOver.current = true;
    if (handoff.typed !== undefined) refine(handoff.typed);
    const input = inputRef.current;
    if (handoff.focused && input) {
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }, [handoff, refine]);
  // Follow changes from the URL (back/forward) unless the visitor is typing.
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setValue(query);
  }, [query]);
  return (
    <SearchField
      lang={lang}
      inputRef={inputRef}
      value={value}
      onSubmit={() => refine(value)}
      onChange={(event) => {
        setValue(event.currentTarget.value);
        refine(event.currentTarget.value);
      }}
    >
      {value && (
        <button
          type="button"
          onClick={() => {
            setValue('');
            clear();
            inputRef.current?.focus();
          }}
        >
          {ui.clear[lang]}
        </button>
      )}
    </SearchField>
  );
}

/** Whether the filters sit beside the results (same breakpoint as the search page's CSS). */
function wideScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(min-width: 60rem)').matches;
}

function Facet({
  attribute,
  title,
  lang,
  searchable = false,
}: {
  attribute: string;
  title: string;
  lang: Lang;
  searchable?: boolean;
}) {
  return (
    <fieldset className="search-app__facet">
      <legend>{title}</legend>
      <RefinementList
        attribute={attribute}
        limit={8}
        showMore={searchable}
        showMoreLimit={60}
        sortBy={['count:desc', 'name:asc']}
        transformItems={(items) =>
          items.map((item) => ({ ...item, label: facetLabel(attribute, item.value, lang) }))
        }
        translations={{
          showMoreButtonText: ({ isShowingMore }) =>
            isShowingMore ? ui.less[lang] : ui.more[lang],
        }}
      />
    </fieldset>
  );
}

function ActiveFilters({ lang }: { lang: Lang }) {
  const { items, refine } = useCurrentRefinements();
  const refinements = items.flatMap((item) =>
    item.refinements.map((refinement) => ({ item, refinement })),
  );
  if (refinements.length === 0) return null;
  return (
    <section className="search-app__current" aria-label={ui.current[lang]}>
      <ul>
        {refinements.map(({ item, refinement }) => {
          const label = `${facetTitles[item.attribute.replace(/_(zh|en)$/, '') as keyof typeof facetTitles]?.[lang] ?? item.label}: ${facetLabel(item.attribute, String(refinement.value), lang)}`;
          return (
            <li key={`${item.attribute}:${String(refinement.value)}`}>
              <button
                type="button"
                onClick={() => refine(refinement)}
                aria-label={`${ui.remove[lang]} ${label}`}
              >
                {label} <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ul>
      <ClearRefinements translations={{ resetButtonText: ui.clearAll[lang] }} />
    </section>
  );
}

function HitCard({ hit, lang }: { hit: AlgoliaHit<SearchHit>; lang: Lang }) {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const url = lang === 'zh' ? hit.url_zh : hit.url_en;
  const alt = lang === 'zh' ? hit.thumbnail_alt_zh : hit.thumbnail_alt_en;
  const date =
    (lang === 'zh' ? hit.date_display_zh : hit.date_display_en) ??
    (hit.date_start === undefined
      ? undefined
      : hit.date_start === hit.date_end
        ? String(hit.date_start)
        : `${hit.date_start}–${hit.date_end}`);
  const meta = [
    typeLabels[hit.type]?.[lang],
    hit.category ? facetLabel('category', hit.category, lang) : undefined,
    lang === 'zh' ? hit.period_zh : hit.period_en,
    date,
    hit.hasModel ? ui.model[lang] : undefined,
  ].filter(Boolean);
  return (
    <article className="search-hit">
      {hit.thumbnail && (
        <img
          src={hit.thumbnail}
          alt={alt ?? ''}
          loading="lazy"
          decoding="async"
          width={96}
          height={96}
        />
      )}
      <div>
        <h3>
          <a href={url}>
            <Highlight attribute={`title_${lang}`} hit={hit} />
          </a>
        </h3>
        <p className="search-hit__other" lang={other === 'zh' ? 'zh-Hans' : 'en'}>
          <Highlight attribute={`title_${other}`} hit={hit} />
        </p>
        <p className="search-hit__meta">{meta.join(' · ')}</p>
        {hit[`summary_${lang}`] && (
          <p className="search-hit__summary">
            <Highlight attribute={`summary_${lang}`} hit={hit} />
          </p>
        )}
      </div>
    </article>
  );
}

/** Pagination, shown once there are results: an empty bar that later moves down is a layout shift. */
function ResultsPagination({ lang }: { lang: Lang }) {
  const { results } = useInstantSearch();
  if (!results || results.__isArtificial === true || results.nbHits === 0) return null;
  return (
    <nav aria-label={ui.pagination[lang]}>
      <Pagination padding={2} showFirst={false} showLast={false} />
    </nav>
  );
}

function ResultStatus({ lang }: { lang: Lang }) {
  const { results, status, indexUiState } = useInstantSearch();
  const query = indexUiState.query ?? '';
  const filtered = Object.values(indexUiState.refinementList ?? {}).some((v) => v.length > 0);
  const n = results?.nbHits ?? 0;
  const ready = results !== undefined && results.__isArtificial !== true;
  return (
    <>
      <p className="search-app__status" role="status" aria-live="polite" aria-atomic="true">
        {!ready || status === 'stalled' ? ui.loading[lang] : ui.count[lang](n)}
      </p>
      {ready && n === 0 && (
        <div className="search-app__none">
          <p>{ui.none[lang](query)}</p>
          <p>{ui.noneHint[lang]}</p>
        </div>
      )}
      {ready && n > 0 && !query && !filtered && (
        <p className="search-app__hint">{ui.empty[lang]}</p>
      )}
    </>
  );
}

/** Reports any search error (network, 5xx, bad key) so the page can switch to the fallback. */
function ErrorWatch({ onError }: { onError: (error: Error) => void }) {
  const { error } = useInstantSearch({ catchError: true });
  useEffect(() => {
    if (error) onError(error);
  }, [error, onError]);
  return null;
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
        },
      }),
    [config],
  );
  const routing = useMemo(() => makeRouting(config.indexName, lang), [config.indexName, lang]);
  const headingId = useId();
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
          <details className="search-app__filter-panel" open={wideScreen()}>
            <summary>{ui.filters[lang]}</summary>
            <Facet attribute="type" title={facetTitles.type[lang]} lang={lang} />
            <Facet attribute="category" title={facetTitles.category[lang]} lang={lang} searchable />
            <Facet
              attribute="materials"
              title={facetTitles.materials[lang]}
              lang={lang}
              searchable
            />
            <Facet attribute="period" title={facetTitles.period[lang]} lang={lang} searchable />
            <Facet
              attribute={`province_${lang}`}
              title={facetTitles.province[lang]}
              lang={lang}
              searchable
            />
            <Facet
              attribute="heritage_label"
              title={facetTitles.heritage_label[lang]}
              lang={lang}
              searchable
            />
            <Facet attribute="hasModel" title={facetTitles.hasModel[lang]} lang={lang} />
            <Facet attribute="license" title={facetTitles.license[lang]} lang={lang} />
          </details>
        </aside>
        <section className="search-app__results" aria-labelledby={headingId}>
          <h2 id={headingId}>{ui.results[lang]}</h2>
          <ActiveFilters lang={lang} />
          <label className="search-app__sort">
            {ui.sort[lang]} <SortBy items={sortItems(config.indexName, lang)} />
          </label>
          <ResultStatus lang={lang} />
          <Hits<SearchHit> hitComponent={({ hit }) => <HitCard hit={hit} lang={lang} />} />
          <ResultsPagination lang={lang} />
        </section>
      </div>
    </InstantSearch>
  );
}

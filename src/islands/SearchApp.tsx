/**
 * The search page (`/search`, `/en/search`): InstantSearch on Meilisearch through
 * instant-meilisearch. Search as you type, facets with counts, removable filters, safe
 * highlights (React text, never HTML), sort, pagination and the state in the URL. When the
 * search server cannot be reached it says so and falls back to a small static title index.
 */
import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';
import { history } from 'instantsearch.js/es/lib/routers';
import type { UiState } from 'instantsearch.js';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
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
import type { Hit as AlgoliaHit, BaseHit } from 'instantsearch.js';
import craftCategories from '../data/vocabularies/craft-categories.json';
import licenses from '../data/vocabularies/licenses.json';
import materials from '../data/vocabularies/materials.json';
import periods from '../data/vocabularies/periods.json';
import { FALLBACK_INDEX_URL, getSearchConfig, type SearchConfig } from '../lib/search-config.ts';
import type { FallbackEntry } from '../../scripts/lib/meili/documents.ts';

export type Lang = 'zh' | 'en';

export interface SearchAppProps {
  lang: Lang;
  /** Override the build-time configuration (tests). `null` forces the fallback. */
  config?: SearchConfig | null;
}

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

const ui = {
  label: { zh: '检索百工·云', en: 'Search Baigong Cloud' },
  placeholder: {
    zh: '作品、技艺、人物…（可用拼音，如 guangcai）',
    en: 'Works, crafts, people… (pinyin works too)',
  },
  clear: { zh: '清除', en: 'Clear' },
  filters: { zh: '筛选', en: 'Filters' },
  current: { zh: '当前筛选', en: 'Active filters' },
  remove: { zh: '移除筛选', en: 'Remove filter' },
  clearAll: { zh: '清除全部筛选', en: 'Clear all filters' },
  sort: { zh: '排序', en: 'Sort by' },
  relevance: { zh: '相关度', en: 'Relevance' },
  dateAsc: { zh: '年代（早→晚）', en: 'Date (oldest first)' },
  dateDesc: { zh: '年代（晚→早）', en: 'Date (newest first)' },
  title: { zh: '标题（拼音序）', en: 'Title (A–Z)' },
  results: { zh: '检索结果', en: 'Results' },
  count: {
    zh: (n: number) => `共 ${n} 条结果`,
    en: (n: number) => `${n} result${n === 1 ? '' : 's'}`,
  },
  loading: { zh: '正在检索…', en: 'Searching…' },
  empty: {
    zh: '输入关键词开始检索，或用左侧筛选浏览全部记录。',
    en: 'Type to search, or use the filters to browse every record.',
  },
  none: {
    zh: (q: string) => `没有找到与“${q}”相符的记录。`,
    en: (q: string) => `Nothing matches “${q}”.`,
  },
  noneHint: {
    zh: '请检查拼写、换用其他名称或拼音，或清除筛选。',
    en: 'Check the spelling, try another name or pinyin, or clear the filters.',
  },
  more: { zh: '显示更多', en: 'Show more' },
  less: { zh: '收起', en: 'Show less' },
  model: { zh: '三维模型', en: '3D model' },
  withModel: { zh: '有三维模型', en: 'With a 3D model' },
  withoutModel: { zh: '无三维模型', en: 'Without a 3D model' },
  pagination: { zh: '分页', en: 'Pagination' },
  unavailable: {
    zh: '检索服务暂时无法连接。下面是按标题和名称的简易查找（支持拼音与首字母）。',
    en: 'The search server cannot be reached right now. Below is a simple lookup by title and name (pinyin and initials work).',
  },
  fallbackFailed: {
    zh: '检索暂时不可用，请稍后再试，或从导航浏览作品、技艺与人物。',
    en: 'Search is unavailable at the moment. Please try again later, or browse works, crafts and people from the menu.',
  },
  search: { zh: '检索', en: 'Search' },
} as const;

const facetTitles = {
  type: { zh: '类型', en: 'Type' },
  category: { zh: '门类', en: 'Category' },
  materials: { zh: '材质', en: 'Material' },
  period: { zh: '年代', en: 'Period' },
  province: { zh: '省份', en: 'Province' },
  heritage_label: { zh: '非遗项目', en: 'Heritage item' },
  hasModel: { zh: '三维模型', en: '3D model' },
  license: { zh: '许可', en: 'License' },
} as const;

const typeLabels: Record<string, { zh: string; en: string }> = {
  works: { zh: '作品', en: 'Works' },
  crafts: { zh: '技艺', en: 'Crafts' },
  people: { zh: '人物', en: 'People' },
  clusters: { zh: '聚集区', en: 'Clusters' },
  exhibitions: { zh: '展览', en: 'Exhibitions' },
};

type Labelled = { key: string; zh: string; en: string };
const byKey = (terms: Labelled[]) => new Map(terms.map((t) => [t.key, t]));
const vocab = {
  category: byKey(craftCategories),
  materials: byKey(materials),
  period: byKey(periods),
  license: byKey(licenses),
};

/** Label of a facet value in the page's language. */
function facetLabel(attribute: string, value: string, lang: Lang): string {
  if (attribute === 'type') return typeLabels[value]?.[lang] ?? value;
  if (attribute === 'hasModel')
    return value === 'true' ? ui.withModel[lang] : ui.withoutModel[lang];
  if (attribute in vocab) return vocab[attribute as keyof typeof vocab].get(value)?.[lang] ?? value;
  return value;
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

function SearchInput({ lang }: { lang: Lang }) {
  const { query, refine, clear } = useSearchBox();
  const [value, setValue] = useState(query);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // Follow changes from the URL (back/forward) unless the visitor is typing.
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setValue(query);
  }, [query]);
  return (
    <form
      role="search"
      className="search-app__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        refine(value);
      }}
    >
      <label htmlFor={id}>{ui.label[lang]}</label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        name="q"
        value={value}
        placeholder={ui.placeholder[lang]}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={256}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          refine(event.currentTarget.value);
        }}
      />
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
    </form>
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

function ServerSearch({
  config,
  lang,
  onError,
}: {
  config: SearchConfig;
  lang: Lang;
  onError: (e: Error) => void;
}) {
  const { searchClient } = useMemo(
    () =>
      instantMeiliSearch(config.host, config.searchKey, {
        placeholderSearch: true,
        finitePagination: true,
        keepZeroFacets: false,
        meiliSearchParams: {
          hitsPerPage: 20,
          attributesToRetrieve: [
            'id',
            'type',
            'url_zh',
            'url_en',
            'title_zh',
            'title_en',
            'summary_zh',
            'summary_en',
            'category',
            'period_zh',
            'period_en',
            'date_start',
            'date_end',
            'date_display_zh',
            'date_display_en',
            'thumbnail',
            'thumbnail_alt_zh',
            'thumbnail_alt_en',
            'hasModel',
          ],
          attributesToHighlight: ['title_zh', 'title_en', 'summary_zh', 'summary_en'],
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
      <SearchInput lang={lang} />
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

function readQuery(): string {
  if (typeof window === 'undefined') return '';
  return new URLSearchParams(window.location.search).get('q') ?? '';
}

function FallbackSearch({ lang, notice }: { lang: Lang; notice: ReactNode }) {
  const [entries, setEntries] = useState<FallbackEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState(readQuery);
  const id = useId();
  useEffect(() => {
    let live = true;
    fetch(FALLBACK_INDEX_URL)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<FallbackEntry[]>;
      })
      .then((data) => live && setEntries(Array.isArray(data) ? data : []))
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
  const matches = useMemo(
    () =>
      (entries ?? [])
        .map((entry) => ({ entry, score: fallbackScore(entry, query) }))
        .filter((m) => m.score > 0)
        .sort((a, b) => b.score - a.score || a.entry.title_zh.localeCompare(b.entry.title_zh, 'zh'))
        .slice(0, 50),
    [entries, query],
  );
  return (
    <div className="search-app search-app--fallback">
      <p className="search-app__notice" role="alert">
        {failed ? ui.fallbackFailed[lang] : notice}
      </p>
      <form role="search" className="search-app__form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={id}>{ui.label[lang]}</label>
        <input
          id={id}
          type="search"
          name="q"
          value={query}
          placeholder={ui.placeholder[lang]}
          autoComplete="off"
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
      </form>
      {entries && (
        <p className="search-app__status" role="status" aria-live="polite" aria-atomic="true">
          {query ? ui.count[lang](matches.length) : ui.empty[lang]}
        </p>
      )}
      {entries && query && matches.length === 0 && <p>{ui.none[lang](query)}</p>}
      <ol className="search-app__fallback-list">
        {matches.map(({ entry }) => (
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

export default function SearchApp({ lang, config }: SearchAppProps) {
  const resolved = config === undefined ? getSearchConfig() : (config ?? undefined);
  const [failure, setFailure] = useState<Error | null>(
    resolved ? null : new Error('not configured'),
  );
  const onError = useMemo(() => (error: Error) => setFailure((current) => current ?? error), []);
  if (failure || !resolved) {
    return <FallbackSearch lang={lang} notice={ui.unavailable[lang]} />;
  }
  return (
    <div className="search-app">
      <ServerSearch config={resolved} lang={lang} onError={onError} />
    </div>
  );
}

/**
 * The live search's state in the URL: `?q=广彩&type=works&type=crafts&sort=date_start:asc&page=2`,
 * short and readable, the same URLs the header's search form makes. Facet parameters come from
 * the facet definitions (src/lib/search/document.ts); the sort orders are listed here.
 */
import { history } from 'instantsearch.js/es/lib/routers';
import type { UiState } from 'instantsearch.js';
import { FACETS, facetAttribute, type SortableAttribute } from '../../lib/search/document.ts';
import { ui, type Lang } from './strings.ts';

type RouteState = Record<string, string | string[] | undefined>;

/** URL parameter ↔ facet attribute (the province facet is per language). */
function facetParams(lang: Lang): [string, string][] {
  return FACETS.map((facet) => [facet.param, facetAttribute(facet, lang)]);
}

/** InstantSearch's name for a sort order of the index. */
function sortValue(indexName: string, attribute: SortableAttribute, order: 'asc' | 'desc') {
  return `${indexName}:${attribute}:${order}`;
}

/** The sort orders the page offers: relevance (the index itself), date both ways, title. */
export function sortItems(indexName: string, lang: Lang) {
  return [
    { label: ui.relevance[lang], value: indexName },
    { label: ui.dateAsc[lang], value: sortValue(indexName, 'date_start', 'asc') },
    { label: ui.dateDesc[lang], value: sortValue(indexName, 'date_start', 'desc') },
    { label: ui.title[lang], value: sortValue(indexName, `sort_title_${lang}`, 'asc') },
  ];
}

export function makeRouting(indexName: string, lang: Lang) {
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

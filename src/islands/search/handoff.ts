/**
 * The search page paints a plain search box first and loads the search itself afterwards, so the
 * page is readable at once on slow phones. What the visitor typed into that box in the meantime
 * is handed to the search when it arrives.
 */
import { FACETS } from '../../lib/search/document.ts';

export interface Handoff {
  /** Text typed before the search arrived, when it differs from the URL's `q`. */
  typed?: string;
  /** Whether the box had the keyboard focus. */
  focused: boolean;
}

/** The `q` parameter of the page's URL ('' on the server). */
export function readQuery(): string {
  if (typeof window === 'undefined') return '';
  return new URLSearchParams(window.location.search).get('q') ?? '';
}

/** What to hand over from the first search box (none when it is gone). */
export function handoffFrom(input: HTMLInputElement | null): Handoff {
  if (!input) return { focused: false };
  const focused = document.activeElement === input;
  return input.value === readQuery() ? { focused } : { typed: input.value, focused };
}

/** URL parameters that ask for a search: the query, the page, the sort and every facet's. */
export const SEARCH_PARAMS = ['q', 'page', 'sort', ...FACETS.map((facet) => facet.param)];

/**
 * Whether a query string asks for a search (`?q=广彩`, `?type=works`, the header's form, a shared
 * link), so the live search starts at once rather than when the visitor turns to the box.
 */
export function asksForSearch(search: string): boolean {
  const params = new URLSearchParams(search);
  return SEARCH_PARAMS.some((name) => (params.get(name) ?? '') !== '');
}

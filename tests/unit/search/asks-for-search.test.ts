import { describe, expect, it } from 'vitest';
import { asksForSearch } from '../../../src/islands/search/handoff.ts';

describe('whether a search page URL asks for a search', () => {
  it('does for a query, a page, a sort or any facet', () => {
    for (const search of [
      '?q=guangcai',
      '?page=2',
      '?sort=date_start:asc',
      '?type=works',
      '?heritage=VIII-1',
      '?model=true',
    ]) {
      expect(asksForSearch(search), search).toBe(true);
    }
  });
  it('does not for a bare page, an empty query or unknown parameters', () => {
    for (const search of ['', '?', '?q=', '?utm_source=feed', '?lang=en']) {
      expect(asksForSearch(search), search).toBe(false);
    }
  });
});

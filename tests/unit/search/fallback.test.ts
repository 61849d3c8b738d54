import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { toFallbackEntry, toSearchDocuments } from '../../../scripts/lib/meili/documents.ts';
import { rankFallback } from '../../../src/lib/search-fallback.ts';
import { displayedAttributes } from '../../../scripts/lib/meili/settings.ts';
import {
  getSearchConfig,
  HIGHLIGHT_ATTRIBUTES,
  HIT_ATTRIBUTES,
} from '../../../src/lib/search-config.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const { records } = loadRecords(root, join(root, 'tests', 'fixtures', 'search', 'content'));
const entries = toSearchDocuments(records).map(toFallbackEntry);
const lookup = (q: string) => rankFallback(entries, q).map((entry) => entry.id);

describe('static fallback lookup', () => {
  it.each([
    ['广彩', 'BGC-000001'],
    ['廣彩', 'BGC-000001'],
    ['guangcai', 'BGW-000001'],
    ['gc', 'BGC-000001'],
    ['Canton famille', 'BGW-000002'],
    ['cloisonne', 'BGW-000005'],
    ['jingtailan', 'BGC-000003'],
  ])('%s finds %s', (q, id) => {
    expect(lookup(q)).toContain(id);
  });
  it('puts an exact title before a partial match', () => {
    const ids = lookup('广彩');
    expect(ids[0]).toBe('BGC-000001');
  });
  it('keeps at most the requested number of matches', () => {
    expect(rankFallback(entries, 'g', 2).length).toBeLessThanOrEqual(2);
    expect(rankFallback(entries, 'gc', 1)).toHaveLength(1);
  });
  it('finds nothing for an empty or unknown query', () => {
    expect(lookup('')).toEqual([]);
    expect(lookup('zzqxqzzqx')).toEqual([]);
  });
});

describe('public search config', () => {
  it('is undefined without host and key', () => {
    expect(getSearchConfig({})).toBeUndefined();
    expect(getSearchConfig({ PUBLIC_MEILI_HOST: 'http://127.0.0.1:7700' })).toBeUndefined();
  });
  it('asks only for fields the index shows to the browser key', () => {
    const shown: readonly string[] = displayedAttributes;
    expect(HIT_ATTRIBUTES.filter((a) => !shown.includes(a))).toEqual([]);
    const retrieved: readonly string[] = HIT_ATTRIBUTES;
    expect(HIGHLIGHT_ATTRIBUTES.filter((a) => !retrieved.includes(a))).toEqual([]);
  });
  it('reads host, key and index', () => {
    expect(
      getSearchConfig({
        PUBLIC_MEILI_HOST: 'http://127.0.0.1:7700/',
        PUBLIC_MEILI_SEARCH_KEY: 'k',
      }),
    ).toEqual({ host: 'http://127.0.0.1:7700', searchKey: 'k', indexName: 'baigong' });
  });
});

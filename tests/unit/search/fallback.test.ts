import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { toFallbackEntry, toSearchDocuments } from '../../../scripts/lib/meili/documents.ts';
import { fallbackScore } from '../../../src/islands/SearchApp.tsx';
import { getSearchConfig } from '../../../src/lib/search-config.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const { records } = loadRecords(root, join(root, 'tests', 'fixtures', 'search', 'content'));
const entries = toSearchDocuments(records).map(toFallbackEntry);
const lookup = (q: string) =>
  entries
    .map((entry) => ({ id: entry.id, score: fallbackScore(entry, q) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((m) => m.id);

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
  it('reads host, key and index', () => {
    expect(
      getSearchConfig({
        PUBLIC_MEILI_HOST: 'http://127.0.0.1:7700/',
        PUBLIC_MEILI_SEARCH_KEY: 'k',
      }),
    ).toEqual({ host: 'http://127.0.0.1:7700', searchKey: 'k', indexName: 'baigong' });
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { toSearchDocuments } from '../../../src/lib/search/build-document.ts';
import { getSearchConfig } from '../../../src/lib/search/config.ts';
import {
  displayedAttributes,
  HIGHLIGHT_ATTRIBUTES,
  HIT_ATTRIBUTES,
} from '../../../src/lib/search/document.ts';
import { fallbackIndex, rankFallback, toFallbackEntry } from '../../../src/lib/search/fallback.ts';

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
  it('puts photographed records first among equal matches, as the live search does', () => {
    const bowl = (id: string, title: string, photographed?: 1) => ({
      ...entries[0]!,
      id,
      title_zh: title,
      traditional: [],
      otherNames: [],
      ...(photographed ? { photographed } : {}),
    });
    const ranked = rankFallback(
      [bowl('A', '碗甲'), bowl('B', '碗乙', 1), bowl('C', '碗', undefined)],
      '碗',
    );
    // The exact title first; of the two partial matches the photographed one, though 甲 < 乙.
    expect(ranked.map((e) => e.id)).toEqual(['C', 'B', 'A']);
  });
  it('marks photographed entries only, to keep the static index small', () => {
    const docs = toSearchDocuments(records);
    const marked = docs.filter((d) => d.photographed === 1).map((d) => d.id);
    expect(entries.filter((e) => e.photographed === 1).map((e) => e.id)).toEqual(marked);
    expect(entries.filter((e) => 'photographed' in e && e.photographed !== 1)).toEqual([]);
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

describe('the fallback index past its limit', () => {
  const docs = toSearchDocuments(records);
  const works = docs.filter((d) => d.type === 'works');
  const others = docs.filter((d) => d.type !== 'works');

  it('keeps every record while the archive is within the limit', () => {
    const index = fallbackIndex(docs);
    expect(index.total).toBe(docs.length);
    expect(index.entries.map((e) => e.id).sort()).toEqual(docs.map((d) => d.id).sort());
  });

  it('past it keeps the named records, then photographed works, and counts the rest', () => {
    const limit = others.length + 1;
    expect(works.length).toBeGreaterThan(1);
    const index = fallbackIndex(docs, limit);
    expect(index.total).toBe(docs.length);
    expect(index.entries).toHaveLength(limit);
    const kept = new Set(index.entries.map((e) => e.id));
    for (const doc of others) expect(kept.has(doc.id)).toBe(true);
    const [keptWork] = index.entries.filter((e) => e.type === 'works');
    const photographed = works
      .filter((w) => w.photographed)
      .map((w) => w.id)
      .sort();
    expect(keptWork?.id).toBe(photographed[0] ?? works.map((w) => w.id).sort()[0]);
  });
});

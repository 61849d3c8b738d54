/**
 * Search against the real Meilisearch binary on a free loopback port, with a throw-away data
 * folder: Chinese, pinyin, initials, traditional script, English, typos, facets, filters, the
 * atomic swap, the browser key's limits and failed tasks.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { toSearchDocuments } from '../../../src/lib/search/build-document.ts';
import type { SearchDocument } from '../../../src/lib/search/document.ts';
import {
  indexDocuments,
  indexRecords,
  MeiliTaskError,
} from '../../../scripts/lib/meili/indexer.ts';
import { ensureSearchKey } from '../../../scripts/lib/meili/keys.ts';
import {
  findMeiliBinary,
  startMeili,
  type MeiliServer,
} from '../../../scripts/lib/meili/server.ts';
import { searchSettings } from '../../../scripts/lib/meili/settings.ts';
import { throwawayMeili, type ThrowawayMeili } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const { records } = loadRecords(root, join(root, 'tests', 'fixtures', 'search', 'content'));
const INDEX = 'baigong_test';
const hasBinary = findMeiliBinary(root) !== undefined;

let meili: ThrowawayMeili | undefined;
let server: MeiliServer;
let tmp: string;
let admin: Meilisearch;
let searchKey: string;

const ids = async (q: string, options: Record<string, unknown> = {}) =>
  (await admin.index(INDEX).search(q, { limit: 50, ...options })).hits.map(
    (h) => h['id'] as string,
  );

describe.skipIf(!hasBinary)('Meilisearch (real server)', () => {
  beforeAll(async () => {
    meili = await throwawayMeili('baigong-meili-');
    ({ server, tmp, admin } = meili);
    await indexRecords({
      host: server.host,
      masterKey: server.masterKey,
      records,
      indexName: INDEX,
    });
    searchKey = await ensureSearchKey({
      host: server.host,
      masterKey: server.masterKey,
      indexes: [INDEX],
    });
  });

  afterAll(() => meili?.stop());

  describe('server', () => {
    it('listens on loopback and keeps the master key private', () => {
      expect(server.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.embedded).toBe(true);
      const keyFile = join(tmp, 'master-key');
      expect(readFileSync(keyFile, 'utf8').trim()).toBe(server.masterKey);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    });
    it('refuses requests without a key', async () => {
      const response = await fetch(`${server.host}/indexes`);
      expect(response.status).toBe(401);
    });
    it('uses MEILI_HOST and MEILI_MASTER_KEY instead of starting a server', async () => {
      const external = await startMeili({
        root,
        env: { MEILI_HOST: `${server.host}/`, MEILI_MASTER_KEY: server.masterKey },
      });
      expect(external).toMatchObject({ host: server.host, embedded: false });
      await external.stop();
      expect(await admin.isHealthy()).toBe(true);
    });
    it('stops the process it started', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'baigong-meili-stop-'));
      const other = await startMeili({
        root,
        port: 0,
        dataDir: join(dir, 'data'),
        keyFile: join(dir, 'key'),
        forceEmbedded: true,
      });
      const pid = Number(readFileSync(join(dir, 'meili.pid'), 'utf8'));
      expect(existsSync(`/proc/${pid}`)).toBe(true);
      await other.stop();
      expect(existsSync(`/proc/${pid}`)).toBe(false);
      rmSync(dir, { recursive: true, force: true });
    });
  });

  describe('Chinese as readers type it', () => {
    const guangcai = ['BGW-000001', 'BGW-000002', 'BGC-000001'];
    it.each([
      ['Chinese words', '广彩'],
      ['full pinyin', 'guangcai'],
      ['spaced pinyin', 'guang cai'],
      ['initials', 'gc'],
      ['traditional characters', '廣彩'],
      ['a typo in pinyin', 'guangcia'],
      ['English', 'Canton famille rose'],
    ])('%s: %s finds the 广彩 records first', async (_label, q) => {
      const found = await ids(q);
      expect(found.slice(0, 4)).toEqual(expect.arrayContaining(guangcai.slice(0, 2)));
      expect(found).toEqual(expect.arrayContaining(guangcai));
    });
    it('finds pinyin of words inside a title', async () => {
      expect(await ids('kongque')).toContain('BGW-000003');
      expect(await ids('renwu')).toEqual(['BGW-000001']);
    });
    it('finds traditional text of other names and summaries', async () => {
      expect(await ids('銅胎掐絲琺琅')).toContain('BGW-000005');
      expect((await ids('廣繡'))[0]).toBe('BGW-000003');
    });
    it('finds English titles and summaries, with a typo', async () => {
      expect(await ids('peacock')).toContain('BGW-000003');
      expect(await ids('celadon')).toEqual(['BGW-000007']);
      expect(await ids('celadom')).toEqual(['BGW-000007']);
    });
    it('keeps short Chinese words exact (no typo on 2 characters)', async () => {
      expect(await ids('广采', { matchingStrategy: 'all' })).toEqual([]);
      expect(await ids('紫沙', { matchingStrategy: 'all' })).toEqual([]);
    });
    it('does not confuse initials with typos', async () => {
      expect(await ids('zs')).toContain('BGW-000006');
      expect(await ids('zx', { matchingStrategy: 'all' })).not.toContain('BGW-000006');
    });
    it('applies the curators\u2019 synonyms', async () => {
      const yue = await ids('粤绣');
      expect(yue).toEqual(expect.arrayContaining(['BGC-000002', 'BGW-000003', 'BGW-000004']));
      // The thesaurus expands broader to narrower only: 潮绣 is a branch of 粤绣 beside 广绣,
      // so it no longer finds the Guangxiu screen that 粤绣 finds.
      expect(await ids('潮绣')).not.toContain('BGW-000003');
      expect(await ids('cloisonné')).toEqual(expect.arrayContaining(['BGW-000005', 'BGC-000003']));
      expect(await ids('Yixing')).toContain('BGW-000006');
      expect(await ids('青瓷')).toContain('BGW-000007');
    });
    it('highlights matches', async () => {
      const { hits } = await admin
        .index(INDEX)
        .search('广彩', { attributesToHighlight: ['title_zh'], limit: 1 });
      expect(hits[0]?._formatted?.['title_zh']).toContain('<em>');
    });
  });

  describe('ranking', () => {
    // Two works that are not named 广彩 in Chinese but meet the query elsewhere: one only through
    // the curators' synonym 广彩 ↔ "Canton famille rose", one only through its English title.
    // Indexed apart, so that the totals other tests count stay those of the fixtures.
    const RANKING = 'baigong_ranking_test';
    const plate = records.find((r) => r.data.id === 'BGW-000002')!;
    const variant = (id: string, slug: string, zh: string, en: string) => {
      const record = structuredClone(plate);
      Object.assign(record, { slug });
      Object.assign(record.data, {
        id,
        title: { zh, en },
        summary: { zh: '外销瓷。', en: 'Export porcelain.' },
        heritage: [],
      });
      return record;
    };
    const bySynonym = variant('BGW-000099', 'bowl', '粉彩花卉纹碗', 'Canton famille rose bowl');
    const byEnglish = variant('BGW-000098', 'dish', '外销瓷碟', 'Dish in the Guangcai manner');
    const named = ['BGC-000001', 'BGW-000001', 'BGW-000002'];
    const rankedIds = async (q: string) =>
      (await admin.index(RANKING).search(q, { limit: 50 })).hits.map((h) => h['id'] as string);

    beforeAll(async () => {
      await indexRecords({
        host: server.host,
        masterKey: server.masterKey,
        records: [...records, bySynonym, byEnglish],
        indexName: RANKING,
      });
    });

    it.each([
      ['广彩', 'BGW-000099'],
      ['guangcai', 'BGW-000098'],
    ])(
      '%s lists the records named 广彩 before %s, which it reaches otherwise',
      async (q, other) => {
        const found = await rankedIds(q);
        expect(found).toContain(other);
        for (const id of named) {
          expect(found).toContain(id);
          expect(found.indexOf(id)).toBeLessThan(found.indexOf(other));
        }
      },
    );
  });

  describe('photographs first', () => {
    // Two works alike in every searched field, one with a processed photograph: indexed apart.
    const PHOTOS = 'baigong_photos_test';
    const plate = records.find((r) => r.data.id === 'BGW-000002')!;
    const twin = (id: string, slug: string) => {
      const record = structuredClone(plate);
      Object.assign(record, { slug });
      Object.assign(record.data, {
        id,
        title: { zh: '青花缠枝莲纹盘', en: 'Blue and white plate with lotus scrolls' },
        otherNames: [],
        summary: { zh: '青花盘。', en: 'A plate.' },
        heritage: [],
        tags: [],
      });
      return record;
    };
    const documents = () => {
      const docs = toSearchDocuments([
        twin('BGW-000201', 'plate-a'),
        twin('BGW-000202', 'plate-b'),
      ]);
      // the photo is on the later ID, so that ID order alone cannot put it first
      return docs.map((d) => (d.id === 'BGW-000202' ? { ...d, photographed: 1 } : d));
    };

    beforeAll(async () => {
      await indexDocuments({
        host: server.host,
        masterKey: server.masterKey,
        documents: documents(),
        indexName: PHOTOS,
      });
    });

    it.each(['青花缠枝莲纹盘', 'plate', ''])(
      '"%s" lists the photographed twin first',
      async (q) => {
        const hits = (await admin.index(PHOTOS).search(q)).hits.map((h) => h['id']);
        expect(hits).toEqual(['BGW-000202', 'BGW-000201']);
      },
    );
  });

  describe('facets and filters', () => {
    const docs = toSearchDocuments(records);
    const count = (field: keyof SearchDocument) => {
      const counts: Record<string, number> = {};
      for (const doc of docs) {
        const value = doc[field];
        const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
        for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
      }
      return counts;
    };
    it.each([
      'type',
      'category',
      'materials',
      'period',
      'province',
      'province_zh',
      'cluster',
      'heritage',
      'hasModel',
      'license',
    ] as const)('counts %s', async (facet) => {
      const result = await admin.index(INDEX).search('', { facets: [facet], limit: 0 });
      expect(result.facetDistribution?.[facet]).toEqual(count(facet));
    });
    it('has the expected totals', async () => {
      const result = await admin
        .index(INDEX)
        .search('', { facets: ['type', 'hasModel', 'province_en'], limit: 0 });
      expect(result.facetDistribution?.['type']).toEqual({
        works: 7,
        crafts: 3,
        people: 1,
        clusters: 1,
        exhibitions: 1,
      });
      expect(result.facetDistribution?.['hasModel']).toEqual({ true: 2, false: 11 });
      expect(result.facetDistribution?.['province_en']?.['Guangdong']).toBe(8);
    });
    it('counts every record, of every type, in the licence facet', async () => {
      const result = await admin.index(INDEX).search('', { facets: ['license'], limit: 0 });
      const counted = Object.values(result.facetDistribution?.['license'] ?? {});
      expect(counted.reduce((sum, n) => sum + n, 0)).toBe(records.length);
      const crafts = await admin
        .index(INDEX)
        .search('', { filter: ['type = crafts', 'license = "CC-BY-4.0"'], limit: 0 });
      expect(crafts.estimatedTotalHits).toBe(3);
    });
    it('filters by facets and date range, and sorts', async () => {
      expect(await ids('', { filter: 'category = ceramics AND hasModel = true' })).toEqual(
        expect.arrayContaining(['BGW-000001', 'BGW-000006']),
      );
      expect(await ids('', { filter: ['type = works', 'heritage = "VII-20"'] })).toHaveLength(2);
      expect(await ids('', { filter: 'province = 330000' })).toEqual(['BGW-000007']);
      expect(
        await ids('', { filter: 'date_start >= 1700 AND date_end <= 1800 AND type = works' }),
      ).toEqual(expect.arrayContaining(['BGW-000001', 'BGW-000006']));
      expect(await ids('', { filter: 'type = works', sort: ['date_start:asc'] })).toEqual([
        'BGW-000007',
        'BGW-000005',
        'BGW-000006',
        'BGW-000001',
        'BGW-000002',
        'BGW-000004',
        'BGW-000003',
      ]);
      const byTitle = await ids('', { filter: 'type = crafts', sort: ['sort_title_zh:asc'] });
      expect(byTitle).toEqual(['BGC-000001', 'BGC-000003', 'BGC-000002']); // guang, jing, yue
    });
  });

  describe('the browser key', () => {
    const asBrowser = () => new Meilisearch({ host: server.host, apiKey: searchKey });
    const status = async (promise: Promise<unknown>) => {
      try {
        await promise;
        return 200;
      } catch (error) {
        if (error instanceof MeilisearchApiError) return error.response.status;
        throw error;
      }
    };
    it('is stable and different from the master key', async () => {
      expect(searchKey).not.toBe(server.masterKey);
      expect(
        await ensureSearchKey({ host: server.host, masterKey: server.masterKey, indexes: [INDEX] }),
      ).toBe(searchKey);
    });
    it('can search', async () => {
      const result = await asBrowser().index(INDEX).search('guangcai');
      expect(result.hits.length).toBeGreaterThan(0);
    });
    it('cannot add, delete, read settings or see other indexes (403)', async () => {
      const browser = asBrowser();
      const index = browser.index(INDEX);
      expect(await status(index.addDocuments([{ id: 'BGW-999999', title_zh: 'x' }]))).toBe(403);
      expect(await status(index.deleteDocument('BGW-000001'))).toBe(403);
      expect(await status(index.deleteAllDocuments())).toBe(403);
      expect(await status(browser.deleteIndex(INDEX))).toBe(403);
      expect(await status(index.getSettings())).toBe(403);
      expect(await status(index.updateSettings({ searchableAttributes: ['body'] }))).toBe(403);
      expect(await status(browser.getKeys())).toBe(403);
      expect(await status(browser.index('another').search('x'))).toBe(403);
      expect((await admin.index(INDEX).getStats()).numberOfDocuments).toBe(13);
    });
  });

  describe('reindexing', () => {
    it('keeps answering queries while a new index is built and swapped in', async () => {
      // A bigger second version, so the build takes a while.
      const extra = Array.from({ length: 3000 }, (_, i) => ({
        ...toSearchDocuments(records)[i % records.length],
        id: `BGW-${String(100000 + i)}`,
        title_en: `Extra bowl ${i}`,
      }));
      const next = [...toSearchDocuments(records), ...extra];
      let done = false;
      const seen: number[] = [];
      const errors: unknown[] = [];
      const poll = (async () => {
        const browser = new Meilisearch({ host: server.host, apiKey: searchKey });
        for (let i = 0; i < 100_000 && !done; i++) {
          try {
            // totalHits is exact up to pagination.maxTotalHits (100,000).
            const r = await browser.index(INDEX).search('', { hitsPerPage: 1 });
            seen.push(r.totalHits ?? -1);
          } catch (error) {
            errors.push(error);
          }
        }
      })();
      const result = await indexDocuments({
        host: server.host,
        masterKey: server.masterKey,
        documents: next,
        indexName: INDEX,
      });
      done = true;
      await poll;
      expect(result).toMatchObject({ replaced: true, documents: 3013 });
      expect(errors).toEqual([]);
      expect(seen.length).toBeGreaterThan(5);
      expect([...new Set(seen)]).toEqual([13, 3013]); // old index, then the new one: never empty

      // Settings travel with the swapped index; no temporary index is left behind.
      expect(await ids('guangcai')).toContain('BGW-000001');
      const { results } = await admin.getRawIndexes({ limit: 100 });
      expect(results.map((r) => r.uid).filter((uid) => uid.startsWith(INDEX))).toEqual([INDEX]);
      // Back to the fixtures for the tests that follow.
      await indexRecords({
        host: server.host,
        masterKey: server.masterKey,
        records,
        indexName: INDEX,
      });
      expect((await admin.index(INDEX).getStats()).numberOfDocuments).toBe(13);
    });

    it('reports a failed task and leaves the live index serving', async () => {
      const bad = [{ id: 'not a valid id!', title_zh: '坏' }];
      const attempt = indexDocuments({
        host: server.host,
        masterKey: server.masterKey,
        documents: bad,
        indexName: INDEX,
      });
      await expect(attempt).rejects.toThrow(MeiliTaskError);
      await expect(attempt).rejects.toThrow(/invalid_document_id/);
      const missing = indexDocuments({
        host: server.host,
        masterKey: server.masterKey,
        documents: [{ title_zh: '无编号' }],
        indexName: INDEX,
      });
      await expect(missing).rejects.toThrow(/missing_document_id/);
      expect((await admin.index(INDEX).getStats()).numberOfDocuments).toBe(13);
      expect(await ids('guangcai')).toContain('BGW-000001');
      const { results } = await admin.getRawIndexes({ limit: 100 });
      expect(results.map((r) => r.uid).filter((uid) => uid.startsWith(INDEX))).toEqual([INDEX]);
    });

    it('reports bad settings and leaves the live index serving', async () => {
      const attempt = indexRecords({
        host: server.host,
        masterKey: server.masterKey,
        records,
        indexName: INDEX,
        settings: { ...searchSettings(), rankingRules: ['words', 'not_a_rule'] },
      });
      await expect(attempt).rejects.toThrow(/ranking rule|invalid_settings_ranking_rules/i);
      expect((await admin.index(INDEX).getStats()).numberOfDocuments).toBe(13);
      const { results } = await admin.getRawIndexes({ limit: 100 });
      expect(results.map((r) => r.uid).filter((uid) => uid.startsWith(INDEX))).toEqual([INDEX]);
    });
  });
});

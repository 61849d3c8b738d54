/**
 * Search across languages and forms through the thesaurus, against the real Meilisearch binary:
 * `vase`, `meiping`, `rank badge` and `补子` find the works of that kind whichever language their
 * titles name it in. The fixtures are real records of content/works (imported and hand-written).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { indexRecords } from '../../../scripts/lib/meili/indexer.ts';
import {
  findMeiliBinary,
  startMeili,
  type MeiliServer,
} from '../../../scripts/lib/meili/server.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const { records } = loadRecords(root, join(root, 'tests', 'fixtures', 'thesaurus', 'content'));
const INDEX = 'baigong_thesaurus_test';
const id = (slug: string) => records.find((r) => r.slug.includes(slug))!.data.id;

let server: MeiliServer;
let tmp: string;
let admin: Meilisearch;
const ids = async (q: string) =>
  (await admin.index(INDEX).search(q, { limit: 50 })).hits.map((h) => h['id'] as string).sort();

describe.skipIf(findMeiliBinary(root) === undefined)('thesaurus search (real server)', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'baigong-thesaurus-'));
    server = await startMeili({
      root,
      port: 0,
      dataDir: join(tmp, 'data'),
      keyFile: join(tmp, 'master-key'),
      forceEmbedded: true,
    });
    admin = new Meilisearch({ host: server.host, apiKey: server.masterKey });
    await indexRecords({
      host: server.host,
      masterKey: server.masterKey,
      records,
      indexName: INDEX,
    });
  });

  afterAll(async () => {
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const vases = () =>
    ['meiping', 'bottle-with-wave-design', 'horses-vase', 'yuhuchun-vase'].map(id).sort();
  const badges = () =>
    ['civil-rank-badge', 'rank-insignia-sixth-degree-civil-egret'].map(id).sort();

  it.each([
    ['vase', vases],
    ['瓶', vases],
    ['meiping', () => [id('meiping')]],
    ['梅瓶', () => [id('meiping')]],
    ['rank badge', badges],
    ['补子', badges],
    ['mandarin square', badges],
  ])('%s finds the works of that kind in either language', async (q, expected) => {
    expect(await ids(q)).toEqual(expected());
  });

  it('counts works by object type, labelled in each language', async () => {
    const result = await admin
      .index(INDEX)
      .search('', { facets: ['objectType_zh', 'objectType_en'], limit: 0 });
    expect(result.facetDistribution?.['objectType_zh']).toEqual({ 补子: 1, 瓶: 1, 梅瓶: 1, 碗: 1 });
    expect(result.facetDistribution?.['objectType_en']?.['rank badge']).toBe(1);
  });
});

/**
 * Search across languages and forms through the thesaurus, against the real Meilisearch binary:
 * `vase`, `meiping`, `rank badge` and `补子` find the works of that kind whichever language their
 * titles name it in. The fixtures are real records of content/works (imported and hand-written).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../../scripts/lib/content.ts';
import { indexRecords } from '../../../scripts/lib/meili/indexer.ts';
import { findMeiliBinary } from '../../../scripts/lib/meili/server.ts';
import { throwawayMeili, type ThrowawayMeili } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const { records } = loadRecords(root, join(root, 'tests', 'fixtures', 'thesaurus', 'content'));
const INDEX = 'baigong_thesaurus_test';
const id = (slug: string) => records.find((r) => r.slug.includes(slug))!.data.id;

let meili: ThrowawayMeili | undefined;
const ids = async (q: string) =>
  (await meili!.admin.index(INDEX).search(q, { limit: 50 })).hits
    .map((h) => h['id'] as string)
    .sort();

describe.skipIf(findMeiliBinary(root) === undefined)('thesaurus search (real server)', () => {
  beforeAll(async () => {
    meili = await throwawayMeili('baigong-thesaurus-');
    await indexRecords({
      host: meili.server.host,
      masterKey: meili.server.masterKey,
      records,
      indexName: INDEX,
    });
  });

  afterAll(() => meili?.stop());

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
    const result = await meili!.admin
      .index(INDEX)
      .search('', { facets: ['objectType_zh', 'objectType_en'], limit: 0 });
    expect(result.facetDistribution?.['objectType_zh']).toEqual({ 补子: 1, 瓶: 1, 梅瓶: 1, 碗: 1 });
    expect(result.facetDistribution?.['objectType_en']?.['rank badge']).toBe(1);
  });
});
